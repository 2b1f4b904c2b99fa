import { auditedBatch } from "../db/audit";
import { campsiteIds } from "./invites";
import { conflictProblem, notFoundProblem } from "./problems";
import { accountById, campsitesJsonSql } from "./queries";
import { revokeAllSessions, type SessionAccount } from "./sessions";
import { accountKey, unlockStatement } from "./throttle";

/** What admins do to accounts besides inviting. Each change and its audit entry are one batch. */

const statusSql = (id: number) => ({
  sql: "SELECT json_object('disabledAt', disabled_at) FROM accounts WHERE id = ?",
  params: [id],
});

/** Disabling ends the account's sessions at once; its rows and history stay. */
export async function disableAccount(d1: D1Database, admin: SessionAccount, id: number, now: Date = new Date()) {
  if (id === admin.id) throw conflictProblem("not-self", "dash.notSelf");
  if (!(await accountById(d1, id, now))) throw notFoundProblem();
  const at = now.toISOString();
  await auditedBatch(
    d1,
    {
      actorId: admin.id,
      action: "account.disable",
      targetType: "account",
      targetId: id,
      beforeSql: statusSql(id),
      after: { disabledAt: at },
    },
    [
      d1.prepare("UPDATE accounts SET disabled_at = coalesce(disabled_at, ?) WHERE id = ?").bind(at, id),
      revokeAllSessions(d1, id),
    ],
  );
}

export async function enableAccount(d1: D1Database, admin: SessionAccount, id: number, now: Date = new Date()) {
  if (!(await accountById(d1, id, now))) throw notFoundProblem();
  await auditedBatch(
    d1,
    {
      actorId: admin.id,
      action: "account.enable",
      targetType: "account",
      targetId: id,
      beforeSql: statusSql(id),
      after: { disabledAt: null },
    },
    [d1.prepare("UPDATE accounts SET disabled_at = NULL WHERE id = ?").bind(id)],
  );
}

/** Replaces the campsites a site operator may touch. */
export async function setCampsites(d1: D1Database, admin: SessionAccount, id: number, slugs: string[]) {
  const account = await accountById(d1, id);
  if (!account) throw notFoundProblem();
  if (account.role !== "operator") throw conflictProblem("not-operator", "dash.notOperator");
  const ids = await campsiteIds(d1, slugs);
  await auditedBatch(
    d1,
    {
      actorId: admin.id,
      action: "account.campsites",
      targetType: "account",
      targetId: id,
      beforeSql: { sql: campsitesJsonSql.sql, params: [id] },
      after: { campsites: ids },
    },
    [
      d1.prepare("DELETE FROM account_campsites WHERE account_id = ?").bind(id),
      ...ids.map((c) =>
        d1.prepare("INSERT INTO account_campsites (account_id, campsite_id) VALUES (?, ?)").bind(id, c),
      ),
    ],
  );
}

/**
 * An account held back by failed sign-ins (someone guessing, or its owner on a bad day)
 * opens again at once: every failure counted against it, from any address, is forgotten.
 */
export async function unlockSignIn(d1: D1Database, admin: SessionAccount, id: number, now: Date = new Date()) {
  const account = await accountById(d1, id, now);
  if (!account) throw notFoundProblem();
  const key = await accountKey(account.email);
  const failures = await d1
    .prepare("SELECT count(*) AS n FROM login_failures WHERE key_hash = ?")
    .bind(key)
    .first<{ n: number }>();
  await auditedBatch(
    d1,
    {
      actorId: admin.id,
      action: "account.unlock",
      targetType: "account",
      targetId: id,
      before: { failedSignIns: failures?.n ?? 0 },
      after: { failedSignIns: 0 },
    },
    [unlockStatement(d1, key)],
  );
}
