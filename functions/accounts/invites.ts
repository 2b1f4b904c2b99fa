import type { z } from "zod";
import { county } from "../../county.config";
import { auditedBatch } from "../db/audit";
import { GUARD, guard, violated } from "../lib/constraints";
import { type Lang, localePath } from "../lib/lang";
import { type MessageKey, message } from "../lib/messages";
import { ProblemError } from "../lib/problem";
import { newReference, normaliseReference, randomToken, sameDigest, sha256Hex } from "../lib/tokens";
import { agencyStatements, isAgencyRole } from "./agency-roles";
import { assertAcceptablePassword } from "./login";
import { hashPassword } from "./passwords";
import { conflictProblem, fieldProblem, notFoundProblem } from "./problems";
import { accountById } from "./queries";
import type { InviteRequest } from "./schema";
import { newSession, revokeAllSessions, type SessionAccount } from "./sessions";

/**
 * Admins invite people; nobody else creates accounts. An invitation creates the
 * account without a password plus a one-time link valid for 72 hours. The link's
 * token is random and D1 keeps only its hash: it is shown to the admin once, when
 * it is made (a lost link is replaced with a new one, which spends nothing else).
 */
const INVITE_HOURS = 72;

/** The link, always on the county's own address (county.siteUrl), never on the Host a request named. */
export function inviteLink(reference: string, token: string, lang: Lang): string {
  const q = `ref=${encodeURIComponent(reference)}&token=${encodeURIComponent(token)}`;
  return new URL(`${localePath(lang, "/dashboard/invite/")}?${q}`, county.siteUrl).href;
}

/** Campsite ids for slugs; an unknown slug is a 400 on the field. */
export async function campsiteIds(d1: D1Database, slugs: string[]): Promise<number[]> {
  if (slugs.length === 0) return [];
  const unique = [...new Set(slugs)];
  const { results } = await d1
    .prepare(`SELECT id, slug FROM campsites WHERE slug IN (${unique.map(() => "?").join(",")})`)
    .bind(...unique)
    .all<{ id: number; slug: string }>();
  const missing = unique.find((s) => !results.some((r) => r.slug === s));
  if (missing) {
    throw fieldProblem("campsites", "dash.unknownCampsite", { slug: missing });
  }
  return results.map((r) => r.id);
}

async function inviteStatements(
  d1: D1Database,
  adminId: number,
  accountSql: { sql: string; params: unknown[] },
  now: Date,
) {
  const reference = newReference();
  const token = randomToken();
  const expires = new Date(now.getTime() + INVITE_HOURS * 3_600_000).toISOString();
  const statement = d1
    .prepare(
      `INSERT INTO invites (reference, token_hash, account_id, created_by, expires_at) VALUES (?, ?, (${accountSql.sql}), ?, ?)`,
    )
    .bind(reference, await sha256Hex(token), ...accountSql.params, adminId, expires);
  return { reference, token, expires, statement };
}

export async function inviteAccount(
  d1: D1Database,
  admin: SessionAccount,
  input: z.output<typeof InviteRequest>,
  now: Date = new Date(),
) {
  if (input.role === "cooperative") {
    if (!input.cooperative) throw fieldProblem("cooperative", "field.required");
    const known = await d1.prepare("SELECT 1 FROM cooperatives WHERE id = ?").bind(input.cooperative).first();
    if (!known) throw fieldProblem("cooperative", "dash.unknownCooperative", { id: input.cooperative });
  }
  const sites = input.role === "operator" ? await campsiteIds(d1, input.campsites) : [];
  const agencies = isAgencyRole(input.role) ? [...new Set(input.agencies)].sort() : [];
  if (isAgencyRole(input.role) && agencies.length === 0) throw fieldProblem("agencies", "dash.agenciesRequired");
  const exists = await d1.prepare("SELECT 1 FROM accounts WHERE email = ?").bind(input.email).first();
  if (exists) throw conflictProblem("email-taken", "dash.emailTaken");
  const byEmail = { sql: "SELECT id FROM accounts WHERE email = ?", params: [input.email] };
  const cooperativeId = input.role === "cooperative" ? (input.cooperative ?? null) : null;
  const invite = await inviteStatements(d1, admin.id, byEmail, now);
  try {
    await auditedBatch(
      d1,
      {
        actorId: admin.id,
        action: "account.invite",
        targetType: "account",
        targetId: "",
        targetIdSql: byEmail,
        after: {
          email: input.email,
          name: input.name,
          role: input.role,
          campsites: sites,
          ...(agencies.length ? { agencies } : {}),
          cooperativeId,
          invite: invite.reference,
        },
      },
      [
        d1
          .prepare("INSERT INTO accounts (email, name, role, cooperative_id) VALUES (?, ?, ?, ?)")
          .bind(input.email, input.name, input.role, cooperativeId),
        ...sites.map((id) =>
          d1
            .prepare(`INSERT INTO account_campsites (account_id, campsite_id) VALUES ((${byEmail.sql}), ?)`)
            .bind(input.email, id),
        ),
        ...agencyStatements(d1, { email: input.email }, agencies),
        invite.statement,
      ],
    );
  } catch (error) {
    // Two admins inviting the same address at once: one wins, the other is told.
    if (violated(error, "accounts.email")) throw conflictProblem("email-taken", "dash.emailTaken");
    throw error;
  }
  const created = await d1.prepare("SELECT id FROM accounts WHERE email = ?").bind(input.email).first<{ id: number }>();
  return { reference: invite.reference, token: invite.token, expiresAt: invite.expires, accountId: created?.id ?? 0 };
}

/** A new link for someone who has not set a password yet (e.g. the first one expired). */
export async function reinvite(d1: D1Database, admin: SessionAccount, accountId: number, now: Date = new Date()) {
  const account = await accountById(d1, accountId, now);
  if (!account) throw notFoundProblem();
  if (account.status !== "invited") throw conflictProblem("not-invited", "dash.notInvited");
  const invite = await inviteStatements(d1, admin.id, { sql: "SELECT ?", params: [accountId] }, now);
  await auditedBatch(
    d1,
    {
      actorId: admin.id,
      action: "account.reinvite",
      targetType: "account",
      targetId: accountId,
      after: { invite: invite.reference },
    },
    [invite.statement],
    [
      guard(
        d1,
        "NOT EXISTS (SELECT 1 FROM accounts WHERE id = ? AND password_hash IS NULL AND disabled_at IS NULL)",
        accountId,
      ),
    ],
  ).catch(rethrowGuard("not-invited", "dash.notInvited"));
  return { reference: invite.reference, token: invite.token, expiresAt: invite.expires };
}

/** A batch aborted by its guard (the account changed since it was read) is a 409, not a 500. */
function rethrowGuard(type: string, key: MessageKey) {
  return (error: unknown): never => {
    if (violated(error, GUARD)) throw conflictProblem(type, key);
    throw error;
  };
}

/**
 * For someone who forgot their password, or whose password may be known to others:
 * the admin clears it, ends every session of the account and issues a one-time link
 * (72 hours, the same as an invitation) to set a new one, all in one batch. Until
 * the link is used nobody can sign in to the account, with the old password or any.
 * Admins change their own password on the password page, not here.
 */
export async function resetPassword(d1: D1Database, admin: SessionAccount, accountId: number, now: Date = new Date()) {
  if (accountId === admin.id) throw conflictProblem("not-self", "dash.notSelfReset");
  const account = await accountById(d1, accountId, now);
  if (!account) throw notFoundProblem();
  if (account.status !== "active") throw conflictProblem("not-active", "dash.notActive");
  const invite = await inviteStatements(d1, admin.id, { sql: "SELECT ?", params: [accountId] }, now);
  await auditedBatch(
    d1,
    {
      actorId: admin.id,
      action: "account.reset_password",
      targetType: "account",
      targetId: accountId,
      after: { invite: invite.reference },
    },
    [
      d1.prepare("UPDATE accounts SET password_hash = NULL WHERE id = ?").bind(accountId),
      revokeAllSessions(d1, accountId),
      invite.statement,
    ],
    [
      guard(
        d1,
        "NOT EXISTS (SELECT 1 FROM accounts WHERE id = ? AND password_hash IS NOT NULL AND disabled_at IS NULL)",
        accountId,
      ),
    ],
  ).catch(rethrowGuard("not-active", "dash.notActive"));
  return { reference: invite.reference, token: invite.token, expiresAt: invite.expires };
}

function inviteInvalid() {
  return new ProblemError(404, "invite-invalid", (lang) => ({ detail: message(lang, "auth.inviteInvalid") }));
}

/**
 * The invited person sets a password; the link is spent, every other pending
 * link of the account too, and they are signed in, all in one batch.
 */
export async function acceptInvite(
  d1: D1Database,
  input: { reference: string; token: string; password: string },
  now: Date = new Date(),
): Promise<{ token: string; accountId: number }> {
  const ref = normaliseReference(input.reference);
  const row = await d1
    .prepare(
      `SELECT i.token_hash, i.account_id, a.email FROM invites i JOIN accounts a ON a.id = i.account_id
       WHERE i.reference = ? AND i.used_at IS NULL AND i.expires_at > ? AND a.password_hash IS NULL AND a.disabled_at IS NULL`,
    )
    .bind(ref, now.toISOString())
    .first<{ token_hash: string; account_id: number; email: string }>();
  if (!row || !sameDigest(row.token_hash, await sha256Hex(input.token))) throw inviteInvalid();
  assertAcceptablePassword(input.password, row.email);
  const session = await newSession(d1, row.account_id, now);
  const at = now.toISOString();
  try {
    await auditedBatch(
      d1,
      {
        actorId: row.account_id,
        action: "account.accept_invite",
        targetType: "account",
        targetId: row.account_id,
        after: { invite: ref },
      },
      [
        d1
          .prepare("UPDATE accounts SET password_hash = ? WHERE id = ?")
          .bind(await hashPassword(input.password), row.account_id),
        d1.prepare("UPDATE invites SET used_at = ? WHERE account_id = ? AND used_at IS NULL").bind(at, row.account_id),
        session.statement,
      ],
      [
        // Two tabs submitting the same link: only the first may set the password.
        guard(
          d1,
          `NOT EXISTS (SELECT 1 FROM invites i JOIN accounts a ON a.id = i.account_id
          WHERE i.reference = ? AND i.used_at IS NULL AND a.password_hash IS NULL AND a.disabled_at IS NULL)`,
          ref,
        ),
      ],
    );
  } catch (error) {
    if (violated(error, GUARD)) throw inviteInvalid();
    throw error;
  }
  return { token: session.token, accountId: row.account_id };
}

/** Who an unused, unexpired invitation is for (for the set-password page), or null. */
export async function openInvite(d1: D1Database, reference: string, token: string, now: Date = new Date()) {
  const row = await d1
    .prepare(
      `SELECT i.token_hash, a.email, a.name FROM invites i JOIN accounts a ON a.id = i.account_id
       WHERE i.reference = ? AND i.used_at IS NULL AND i.expires_at > ? AND a.password_hash IS NULL AND a.disabled_at IS NULL`,
    )
    .bind(normaliseReference(reference), now.toISOString())
    .first<{ token_hash: string; email: string; name: string }>();
  if (!row || !sameDigest(row.token_hash, await sha256Hex(token))) return null;
  return { email: row.email, name: row.name };
}
