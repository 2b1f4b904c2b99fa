import { sha256Hex } from "../lib/tokens";

/**
 * Sign-in throttling, kept in D1 so every Worker instance sees the same count.
 *
 * Three counts, so that someone who knows a staff e-mail cannot lock its owner out:
 * - the account from one address (or one known device): after 5 failures each further
 *   attempt waits longer (1, 2, 4 ... minutes, at most an hour) after the last failure;
 * - the account from anywhere: 10 failures within 15 minutes close it to browsers that
 *   have never signed in to it; a known device (a signed cookie left by an earlier
 *   sign-in, see known-device.ts) passes, and an admin can unlock the account;
 * - one address across accounts: 20 failures within 15 minutes, unless the browser is
 *   a known device of the account it signs in to.
 *
 * An attempt is recorded BEFORE the password is checked (and removed again if it
 * succeeds), so a burst of parallel guesses cannot all slip through between a count
 * and a write. A refused attempt is not counted.
 */
const PAIR_FREE_FAILURES = 5;
const PAIR_MAX_DELAY_SECONDS = 3600;
const PAIR_MEMORY_HOURS = 24;
const ACCOUNT_FAILURES = 10;
const ADDRESS_FAILURES = 20;
const WINDOW_MINUTES = 15;

export interface Attempt {
  ids: number[];
  keys: ThrottleKeys;
}

export interface ThrottleKeys {
  account: string;
  pair: string;
  address: string;
}

export type ThrottleResult = { allowed: true; attempt: Attempt } | { allowed: false; retryAfter: number };

export const accountKey = (email: string) => sha256Hex(`account:${email}`);

export async function throttleKeys(email: string, address: string): Promise<ThrottleKeys> {
  const [account, pair, addressKey] = await Promise.all([
    accountKey(email),
    sha256Hex(`pair:${email}:${address}`),
    sha256Hex(`address:${address}`),
  ]);
  return { account, pair, address: addressKey };
}

interface Count {
  n?: number;
  oldest?: string;
  newest?: string;
}

/** Seconds to wait after the latest failure of an account from one address. */
export function pairDelay(failures: number): number {
  if (failures < PAIR_FREE_FAILURES) return 0;
  return Math.min(PAIR_MAX_DELAY_SECONDS, 60 * 2 ** (failures - PAIR_FREE_FAILURES));
}

/**
 * Records the attempt and says whether it may proceed. `knownDevice`: the browser
 * signed in to this account before, so the account-wide and address-wide locks do
 * not apply to it (the per-address delays still do).
 */
export async function beginAttempt(
  d1: D1Database,
  keys: ThrottleKeys,
  now: Date = new Date(),
  knownDevice = false,
): Promise<ThrottleResult> {
  const at = now.toISOString();
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000).toISOString();
  const pairSince = new Date(now.getTime() - PAIR_MEMORY_HOURS * 3_600_000).toISOString();
  const insert = (key: string, accountHash: string | null) =>
    d1
      .prepare("INSERT INTO login_failures (key_hash, at, account_hash) VALUES (?, ?, ?) RETURNING id")
      .bind(key, at, accountHash);
  // Counted before this attempt's rows, which the same batch inserts afterwards.
  const count = (key: string, from: string) =>
    d1
      .prepare(
        "SELECT count(*) AS n, min(at) AS oldest, max(at) AS newest FROM login_failures WHERE key_hash = ? AND at > ?",
      )
      .bind(key, from);
  const results = await d1.batch<Count & { id?: number }>([
    count(keys.pair, pairSince),
    count(keys.account, since),
    count(keys.address, since),
    insert(keys.pair, keys.account),
    insert(keys.account, keys.account),
    insert(keys.address, null),
  ]);
  const [pair, account, address] = results.slice(0, 3).map((r) => (r.results[0] ?? {}) as Count);
  const ids = results.slice(3).map((r) => Number(r.results[0]?.id));
  const waits: number[] = [];
  const delay = pairDelay(pair?.n ?? 0);
  if (delay > 0) waits.push(Date.parse(pair?.newest ?? at) + delay * 1000);
  if (!knownDevice && (account?.n ?? 0) >= ACCOUNT_FAILURES) {
    waits.push(Date.parse(account?.oldest ?? at) + WINDOW_MINUTES * 60_000);
  }
  if (!knownDevice && (address?.n ?? 0) >= ADDRESS_FAILURES) {
    waits.push(Date.parse(address?.oldest ?? at) + WINDOW_MINUTES * 60_000);
  }
  const until = Math.max(0, ...waits);
  if (until <= now.getTime()) return { allowed: true, attempt: { ids, keys } };
  await forget(d1, ids);
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
    unlockStatement(d1, attempt.keys.account),
  ];
}

/** Forgets every failure of an account (from any address): a success, or an admin's unlock. */
export const unlockStatement = (d1: D1Database, accountHash: string) =>
  d1.prepare("DELETE FROM login_failures WHERE account_hash = ?").bind(accountHash);

/** Accounts (by account key) with failures still counting against them, for the admins' page. */
export async function lockedAccountKeys(d1: D1Database, now: Date = new Date()): Promise<Set<string>> {
  const since = new Date(now.getTime() - PAIR_MEMORY_HOURS * 3_600_000).toISOString();
  const { results } = await d1
    .prepare(
      `SELECT account_hash FROM login_failures WHERE key_hash = account_hash AND at > ?
       GROUP BY account_hash HAVING count(*) >= ?`,
    )
    .bind(since, PAIR_FREE_FAILURES)
    .all<{ account_hash: string }>();
  return new Set(results.map((r) => r.account_hash));
}
