import type { AccountRole } from "../db/schema";
import { randomToken, sha256Hex } from "../lib/tokens";
import { isAgencyRole } from "./agency-roles";

/**
 * Sessions are random tokens in a `__Host-` cookie; D1 keeps only their SHA-256,
 * so a copy of the database signs nobody in. A session ends after 12 hours
 * whatever happens, after an hour without use, at logout, when the account is
 * disabled, and (for other browsers) when the password changes.
 */
export const SESSION_COOKIE = "__Host-portal_session";
export const SESSION_HOURS = 12;
const IDLE_MINUTES = 60;
/** last_seen_at is written at most this often: one D1 write per 5 minutes, not per request. */
const TOUCH_MINUTES = 5;

export interface SessionAccount {
  id: number;
  email: string;
  name: string;
  role: AccountRole;
  cooperativeId: string | null;
  /** Campsites an operator may touch (empty for other roles). */
  campsiteIds: number[];
  /** Agencies an editor or reviewer works for (empty for other roles). */
  agencies: string[];
  /** Hash of this session's token, to keep it while revoking the others. */
  sessionHash: string;
  /** The account has a second factor (totp.ts) switched on. */
  twoFactor: boolean;
  /** When the password (and code) were last typed in this session. */
  reauthAt: string | null;
}

const iso = (d: Date) => d.toISOString();
const minutesBefore = (now: Date, m: number) => iso(new Date(now.getTime() - m * 60_000));

/** The statement that starts a session, and the token for the cookie (never stored). */
export async function newSession(d1: D1Database, accountId: number, now: Date = new Date()) {
  const token = randomToken();
  const statement = d1
    .prepare(
      "INSERT INTO sessions (token_hash, account_id, expires_at, last_seen_at, reauth_at) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(
      await sha256Hex(token),
      accountId,
      iso(new Date(now.getTime() + SESSION_HOURS * 3_600_000)),
      iso(now),
      iso(now),
    );
  return { token, statement };
}

interface Row {
  token_hash: string;
  last_seen_at: string;
  id: number;
  email: string;
  name: string;
  role: AccountRole;
  cooperative_id: string | null;
  campsite_ids: string;
  agencies: string;
  two_factor: number;
  reauth_at: string | null;
}

/** The signed-in account for a cookie token, or null (unknown, expired, idle, or disabled). */
export async function sessionAccount(
  d1: D1Database,
  token: string | undefined,
  now: Date = new Date(),
): Promise<SessionAccount | null> {
  if (!token || token.length < 20 || token.length > 100) return null;
  const hash = await sha256Hex(token);
  const row = await d1
    .prepare(
      `SELECT s.token_hash, s.last_seen_at, s.reauth_at, a.totp_secret IS NOT NULL AS two_factor, a.id, a.email, a.name, a.role, a.cooperative_id,
              (SELECT json_group_array(campsite_id) FROM account_campsites WHERE account_id = a.id) AS campsite_ids,
              (SELECT json_group_array(agency) FROM account_agencies WHERE account_id = a.id) AS agencies
       FROM sessions s JOIN accounts a ON a.id = s.account_id
       WHERE s.token_hash = ? AND s.expires_at > ? AND s.last_seen_at > ?
         AND a.disabled_at IS NULL AND a.password_hash IS NOT NULL
         AND (a.cooperative_id IS NULL OR EXISTS (SELECT 1 FROM cooperatives k WHERE k.id = a.cooperative_id AND k.disabled_at IS NULL))`,
    )
    .bind(hash, iso(now), minutesBefore(now, IDLE_MINUTES))
    .first<Row>();
  if (!row) return null;
  if (row.last_seen_at < minutesBefore(now, TOUCH_MINUTES)) {
    await d1.prepare("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?").bind(iso(now), hash).run();
  }
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    cooperativeId: row.cooperative_id,
    campsiteIds: row.role === "operator" ? (JSON.parse(row.campsite_ids) as number[]) : [],
    agencies: isAgencyRole(row.role) ? (JSON.parse(row.agencies) as string[]).sort() : [],
    sessionHash: row.token_hash,
    twoFactor: row.two_factor === 1,
    reauthAt: row.reauth_at,
  };
}

export async function revokeSession(d1: D1Database, token: string): Promise<void> {
  await d1
    .prepare("DELETE FROM sessions WHERE token_hash = ?")
    .bind(await sha256Hex(token))
    .run();
}

export const revokeOtherSessions = (d1: D1Database, accountId: number, keepHash: string) =>
  d1.prepare("DELETE FROM sessions WHERE account_id = ? AND token_hash <> ?").bind(accountId, keepHash);

export const revokeAllSessions = (d1: D1Database, accountId: number) =>
  d1.prepare("DELETE FROM sessions WHERE account_id = ?").bind(accountId);

/**
 * `__Host-` makes the browser insist on Secure, Path=/ and no Domain, so no
 * sibling subdomain can plant or read it. Browsers accept Secure cookies on
 * plain http only from localhost, which is how `npm start` works locally.
 */
export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; Path=/; Max-Age=${SESSION_HOURS * 3600}; HttpOnly; Secure; SameSite=Lax`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax`;
}

/** The session token from a Cookie header. */
export function tokenFromCookies(header: string | null | undefined): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === SESSION_COOKIE) return value.join("=");
  }
  return undefined;
}

/** Housekeeping: forget ended sessions and old sign-in failures. */
export function sessionHousekeeping(d1: D1Database, now: Date = new Date()): D1PreparedStatement[] {
  return [
    d1
      .prepare("DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?")
      .bind(iso(now), minutesBefore(now, IDLE_MINUTES)),
    d1.prepare("DELETE FROM login_failures WHERE at < ?").bind(minutesBefore(now, 24 * 60)),
  ];
}
