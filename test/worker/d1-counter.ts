/**
 * Counts D1 round trips made through a binding: every statement execution
 * (first/all/run/raw) and every batch is one trip to the database.
 */
export interface D1Counts {
  queries: number;
  batches: number;
  writeBatches: number;
  sql: string[];
}

const WRITE = /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i;

export function countingD1(real: D1Database): { db: D1Database; counts: D1Counts } {
  const counts: D1Counts = { queries: 0, batches: 0, writeBatches: 0, sql: [] };
  const unwrap = new WeakMap<object, { stmt: D1PreparedStatement; sql: string }>();

  function wrap(stmt: D1PreparedStatement, sql: string): D1PreparedStatement {
    const proxy = new Proxy(stmt, {
      get(target, prop) {
        if (prop === "bind") return (...args: unknown[]) => wrap(target.bind(...args), sql);
        if (prop === "first" || prop === "all" || prop === "run" || prop === "raw") {
          return (...args: unknown[]) => {
            counts.queries++;
            counts.sql.push(sql);
            return (target[prop] as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    unwrap.set(proxy, { stmt, sql });
    return proxy;
  }

  const db = new Proxy(real, {
    get(target, prop) {
      if (prop === "prepare") return (sql: string) => wrap(target.prepare(sql), sql);
      if (prop === "batch") {
        return (statements: D1PreparedStatement[]) => {
          counts.batches++;
          const inner = statements.map((s) => unwrap.get(s) ?? { stmt: s, sql: "?" });
          if (inner.some((s) => WRITE.test(s.sql))) counts.writeBatches++;
          counts.sql.push(`batch(${inner.length})`);
          return target.batch(inner.map((s) => s.stmt));
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { db, counts };
}
