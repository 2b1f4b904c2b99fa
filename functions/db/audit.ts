/**
 * The audit log: who changed what, when, and the values before and after.
 *
 * Append-only by construction: this module is the only code that names the
 * table, and it only INSERTs (test/unit/audit-append-only.test.ts reads every source file
 * to keep it so). An entry is a statement for the SAME batch as the write it
 * records, so a write without its entry (or the reverse) cannot commit.
 */
export interface AuditEntry {
  /** The account acting; null for the command line. */
  actorId: number | null;
  /** e.g. `booking.checked_in`, `unit_type.capacity`, `account.disable`. */
  action: string;
  targetType: string;
  targetId: string | number;
  /** A SELECT giving the target's id inside the batch, for rows the same batch creates. */
  targetIdSql?: { sql: string; params: unknown[] };
  /**
   * Either a value, or a SELECT returning one JSON text column, run inside the
   * batch just before the write so the "before" is what the write replaced.
   */
  before?: unknown;
  beforeSql?: { sql: string; params: unknown[] };
  after?: unknown;
}

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

export function auditStatement(d1: D1Database, e: AuditEntry): D1PreparedStatement {
  const target = e.targetIdSql ? `CAST((${e.targetIdSql.sql}) AS TEXT)` : "?";
  const before = e.beforeSql ? `(${e.beforeSql.sql})` : "?";
  return d1
    .prepare(
      `INSERT INTO audit_log (actor_id, action, target_type, target_id, before, after)
       VALUES (?, ?, ?, ${target}, ${before}, ?)`,
    )
    .bind(
      e.actorId,
      e.action,
      e.targetType,
      ...(e.targetIdSql ? e.targetIdSql.params : [String(e.targetId)]),
      ...(e.beforeSql ? e.beforeSql.params : [json(e.before)]),
      json(e.after),
    );
}

/**
 * A change and its audit entry as one D1 batch, so neither commits without the
 * other. The entry runs just before the change, so its `beforeSql` reads the row
 * the change replaces; an entry with `targetIdSql` runs just after it instead,
 * so it finds the row the change creates. `guards` (statements that raise to
 * refuse) run first. Results come back in that order.
 */
export function auditedBatch<T = unknown>(
  d1: D1Database,
  entry: AuditEntry,
  change: D1PreparedStatement[],
  guards: D1PreparedStatement[] = [],
): Promise<D1Result<T>[]> {
  const audit = auditStatement(d1, entry);
  return d1.batch<T>(entry.targetIdSql ? [...guards, ...change, audit] : [...guards, audit, ...change]);
}

/**
 * One entry per row a SELECT finds, for a change that touches rows the caller cannot
 * list beforehand (housekeeping expiring orders, staff removing a flood). Put it after
 * the change, in the same batch, with a SELECT that finds exactly the rows it changed.
 */
export function auditEachStatement(
  d1: D1Database,
  e: Omit<AuditEntry, "targetId" | "targetIdSql" | "beforeSql"> & { targetsSql: { sql: string; params: unknown[] } },
): D1PreparedStatement {
  return d1
    .prepare(
      `INSERT INTO audit_log (actor_id, action, target_type, target_id, before, after)
       SELECT ?, ?, ?, CAST(target AS TEXT), ?, ? FROM (${e.targetsSql.sql})`,
    )
    .bind(e.actorId, e.action, e.targetType, json(e.before), json(e.after), ...e.targetsSql.params);
}

export interface AuditRow {
  id: number;
  at: string;
  actorEmail: string | null;
  action: string;
  targetType: string;
  targetId: string;
  before: string | null;
  after: string | null;
}

/** Newest first, a page at a time (`beforeId` continues from the last row shown). */
export async function auditPage(d1: D1Database, limit: number, beforeId?: number): Promise<AuditRow[]> {
  const { results } = await d1
    .prepare(
      `SELECT l.id, l.at, a.email AS actorEmail, l.action, l.target_type AS targetType, l.target_id AS targetId,
              l.before, l.after
       FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor_id
       WHERE l.id < ? ORDER BY l.id DESC LIMIT ?`,
    )
    .bind(beforeId ?? Number.MAX_SAFE_INTEGER, limit)
    .all<AuditRow>();
  return results;
}
