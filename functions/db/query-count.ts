import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";

/**
 * The round-trip counter: outside production every response says how many D1 calls it
 * made (`x-d1-queries`), so tests and benchmarks can show that a page from the static
 * build costs none. A batch counts as one round trip.
 */
export function countD1Queries(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.env.PORTAL_ENV === "production" || !c.env.DB) return next();
    let count = 0;
    const db = c.env.DB;
    // D1's own objects may keep private state: a batch gets the real statements back.
    const originals = new WeakMap<object, D1PreparedStatement>();
    const counted = (stmt: D1PreparedStatement): D1PreparedStatement => {
      const proxy = new Proxy(stmt, {
        get(target, prop, receiver) {
          if (prop === "bind") return (...values: unknown[]) => counted(target.bind(...values));
          const value = Reflect.get(target, prop, receiver);
          if (typeof value === "function" && ["first", "all", "run", "raw"].includes(String(prop))) {
            return (...args: unknown[]) => {
              count++;
              return (value as (...a: unknown[]) => unknown).apply(target, args);
            };
          }
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
      originals.set(proxy, stmt);
      return proxy;
    };
    const proxy = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop === "prepare") return (sql: string) => counted(target.prepare(sql));
        if (prop === "batch") {
          return (statements: D1PreparedStatement[]) => {
            count++;
            return target.batch(statements.map((s) => originals.get(s) ?? s));
          };
        }
        if (prop === "exec") {
          return (sql: string) => {
            count++;
            return target.exec(sql);
          };
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    c.env = { ...c.env, DB: proxy };
    await next();
    c.res.headers.set("x-d1-queries", String(count));
  };
}
