/**
 * The database refuses a write that would break a rule (D1 has no interactive
 * transactions, and an UPDATE matching 0 rows does not fail a batch). This
 * module is the one place that knows how: `guard()` makes a batch fail when a
 * condition holds, and `violated()` says which rule a failed batch broke.
 */

/** The CHECK constraint on the write_guards table that every `guard()` trips. */
export const GUARD = "write_guard";

/**
 * Aborts the batch it is part of when `condition` (an SQL expression) holds:
 * the row it would insert breaks CHECK write_guard. Put it before the writes.
 */
export function guard(d1: D1Database, condition: string, ...params: unknown[]): D1PreparedStatement {
  return d1.prepare(`INSERT INTO write_guards (ok) SELECT 0 WHERE ${condition}`).bind(...params);
}

/**
 * What a failed batch names after "constraint failed:": a CHECK constraint
 * (`write_guard`, `night_inventory_capacity`) or the columns of a UNIQUE,
 * NOT NULL or FOREIGN KEY rule (`bookings.reference`). Null for any other error.
 */
export function failedConstraint(error: unknown): string | null {
  const text = String((error as Error)?.message ?? error);
  return /constraint failed: *(.*)/i.exec(text)?.[1] ?? null;
}

/**
 * Whether the batch failed on one of `names`: a constraint name, a column
 * (`products.id`) or a table (`idempotency_keys`, for any of its columns).
 */
export function violated(error: unknown, ...names: string[]): boolean {
  const failed = failedConstraint(error);
  if (failed === null) return false;
  const parts = failed.split(/[\s,:]+/);
  return names.some((name) => parts.some((part) => part === name || part.startsWith(`${name}.`)));
}
