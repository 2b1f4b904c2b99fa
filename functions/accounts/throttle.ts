import { sha256Hex } from "../lib/tokens";

/**
 * Sign-in throttling, kept in D1 so every Worker instance sees the same count:
 * after 5 failures within 15 minutes for one account OR from one address, the
 * next attempts get 429 with Retry-After until the oldest failure ages out.
 *
 * An attempt is recorded BEFORE the password is checked (and removed again if
 * it succeeds), so a burst of parallel guesses cannot all slip through between
 * a count and a write.
 */
const MAX_FAILURES = 5;
const WINDOW_MINUTES = 15;

export interface Attempt {
  ids: number[];
  keys: string[];
}

export type ThrottleResult = { allowed: true; attempt: Attempt } | { allowed: false; retryAfter: number };

export async function throttleKeys(email: string, address: string): Promise<string[]> {
  return Promise.all([sha256Hex(`account:${email}`), sha256Hex(`address:${address}`)]);
}

/** Records the attempt and says whether it may proceed. */
export async function beginAttempt(d1: D1Database, keys: string[], now: Date = new Date()): Promise<ThrottleResult> {
  const at = now.toISOString();
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000).toISOString();
  const inserts = keys.map((k) =>
    d1.prepare("INSERT INTO login_failures (key_hash, at) VALUES (?, ?) RETURNING id").bind(k, at),
  );
  const counts = keys.map((k) =>
    d1
      .prepare("SELECT count(*) AS n, min(at) AS oldest FROM login_failures WHERE key_hash = ? AND at > ?")
      .bind(k, since),
  );
  const results = await d1.batch<{ id?: number; n?: number; oldest?: string }>([...inserts, ...counts]);
  const ids = results.slice(0, keys.length).map((r) => Number(r.results[0]?.id));
  const over = results
    .slice(keys.length)
    .map((r) => r.results[0])
    .filter((r) => (r?.n ?? 0) > MAX_FAILURES);
  if (over.length === 0) return { allowed: true, attempt: { ids, keys } };
  // A refused attempt is not counted: otherwise someone hammering an account
  // would keep its owner locked out for ever.
  await forget(d1, ids);
  const until = Math.max(...over.map((r) => Date.parse(r?.oldest ?? at) + WINDOW_MINUTES * 60_000));
  return { allowed: false, retryAfter: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
}

async function forget(d1: D1Database, ids: number[]) {
  if (ids.length)
    await d1
      .prepare(`DELETE FROM login_failures WHERE id IN (${ids.map(() => "?").join(",")})`)
      .bind(...ids)
      .run();
}

/**
 * After a correct password: this attempt and the account's earlier failures are
 * forgotten. The address keeps its count (one address guessing many accounts).
 */
export function succeedStatements(d1: D1Database, attempt: Attempt): D1PreparedStatement[] {
  return [
    d1.prepare(`DELETE FROM login_failures WHERE id IN (${attempt.ids.map(() => "?").join(",")})`).bind(...attempt.ids),
    d1.prepare("DELETE FROM login_failures WHERE key_hash = ?").bind(attempt.keys[0]),
  ];
}
