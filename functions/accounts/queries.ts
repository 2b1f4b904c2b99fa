import type { AccountRole } from "../db/schema";

/** Account queries for sign-in and for the admin pages. Writes live beside it in functions/accounts/. */

export interface LoginRow {
  id: number;
  password_hash: string | null;
  disabled_at: string | null;
}

export const accountForLogin = (d1: D1Database, email: string) =>
  d1
    .prepare(
      // A member of a disabled cooperative is refused like a disabled account.
      `SELECT a.id, a.password_hash, coalesce(a.disabled_at, k.disabled_at) AS disabled_at
       FROM accounts a LEFT JOIN cooperatives k ON k.id = a.cooperative_id WHERE a.email = ?`,
    )
    .bind(email)
    .first<LoginRow>();

export const passwordHashOf = (d1: D1Database, id: number) =>
  d1.prepare("SELECT password_hash FROM accounts WHERE id = ?").bind(id).first<{ password_hash: string | null }>();

type AccountStatus = "active" | "invited" | "disabled";

export interface AccountListRow {
  id: number;
  email: string;
  name: string;
  role: AccountRole;
  cooperativeId: string | null;
  status: AccountStatus;
  createdAt: string;
  /** Campsite ids of an operator. */
  campsiteIds: number[];
  /** Agencies of an editor or reviewer. */
  agencies: string[];
  /** The newest unused, unexpired invite of an invited account. */
  invite: { reference: string; expiresAt: string } | null;
}

interface Row {
  id: number;
  email: string;
  name: string;
  role: AccountRole;
  cooperative_id: string | null;
  password_hash: string | null;
  disabled_at: string | null;
  created_at: string;
  campsite_ids: string;
  agencies: string;
  invite_ref: string | null;
  invite_expires: string | null;
}

const SELECT = `SELECT a.id, a.email, a.name, a.role, a.cooperative_id, a.password_hash, a.disabled_at, a.created_at,
    (SELECT json_group_array(campsite_id) FROM account_campsites WHERE account_id = a.id) AS campsite_ids,
    (SELECT json_group_array(agency) FROM account_agencies WHERE account_id = a.id) AS agencies,
    i.reference AS invite_ref, i.expires_at AS invite_expires
  FROM accounts a
  LEFT JOIN invites i ON i.reference = (
    SELECT reference FROM invites WHERE account_id = a.id AND used_at IS NULL AND expires_at > ?
    ORDER BY expires_at DESC LIMIT 1)`;

function toAccount(r: Row): AccountListRow {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    cooperativeId: r.cooperative_id,
    status: r.disabled_at ? "disabled" : r.password_hash ? "active" : "invited",
    createdAt: r.created_at,
    campsiteIds: JSON.parse(r.campsite_ids) as number[],
    agencies: (JSON.parse(r.agencies) as string[]).sort(),
    invite: r.invite_ref && r.invite_expires ? { reference: r.invite_ref, expiresAt: r.invite_expires } : null,
  };
}

export async function listAccounts(d1: D1Database, now: Date = new Date()): Promise<AccountListRow[]> {
  const { results } = await d1.prepare(`${SELECT} ORDER BY a.role, a.email`).bind(now.toISOString()).all<Row>();
  return results.map(toAccount);
}

export async function accountById(d1: D1Database, id: number, now: Date = new Date()) {
  const row = await d1.prepare(`${SELECT} WHERE a.id = ?`).bind(now.toISOString(), id).first<Row>();
  return row ? toAccount(row) : null;
}

/** JSON of an account's campsite ids, for an audit entry's "before". */
export const campsitesJsonSql = {
  sql: "SELECT json_object('campsites', json_group_array(campsite_id)) FROM account_campsites WHERE account_id = ?",
};
