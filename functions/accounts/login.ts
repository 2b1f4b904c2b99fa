import { auditedBatch } from "../db/audit";
import { message } from "../lib/messages";
import { ProblemError } from "../lib/problem";
import type { TokenKeys } from "../lib/tokens";
import { screenPassword } from "./common-passwords";
import { isKnownDevice } from "./known-device";
import { hashPassword, needsRehash, verifyDummy, verifyPassword } from "./passwords";
import { accountForLogin, passwordHashOf } from "./queries";
import { codeProblem, hasSecondFactor, spendSecondFactor } from "./second-factor";
import { newSession, revokeOtherSessions, type SessionAccount } from "./sessions";
import { beginAttempt, succeedStatements, throttleKeys } from "./throttle";

const normaliseEmail = (email: string) => email.trim().toLowerCase();

function invalidCredentials() {
  return new ProblemError(401, "invalid-credentials", (lang) => ({ detail: message(lang, "auth.invalid") }));
}

function throttled(retryAfter: number) {
  return new ProblemError(
    429,
    "too-many-sign-ins",
    (lang) => ({ detail: message(lang, "auth.throttled", { minutes: Math.ceil(retryAfter / 60) }), retryAfter }),
    { "retry-after": String(retryAfter) },
  );
}

/** What sign-in needs besides the typed fields: the keys that check a known-device cookie, and the cookies. */
export interface LoginContext {
  address: string;
  keys: TokenKeys | null;
  cookies: string | null | undefined;
}

/**
 * Signs a person in and returns the new session's token. Unknown e-mail, wrong
 * password, disabled account and "invited but no password yet" all give the
 * same 401 after the same amount of hashing work. An account with a second factor
 * also needs its code (or a recovery code); a missing or wrong code counts as a
 * failed attempt.
 */
export async function login(
  d1: D1Database,
  input: { email: string; password: string; code?: string | undefined },
  context: LoginContext,
  now: Date = new Date(),
): Promise<{ token: string; accountId: number; email: string }> {
  const email = normaliseEmail(input.email);
  const known = await isKnownDevice(context.keys, email, context.cookies, now);
  const gate = await beginAttempt(d1, await throttleKeys(email, context.address), now, known);
  if (!gate.allowed) throw throttled(gate.retryAfter);

  const account = await accountForLogin(d1, email);
  const usable = account?.password_hash && !account.disabled_at ? account.password_hash : null;
  const ok = usable ? await verifyPassword(input.password, usable) : await verifyDummy(input.password);
  if (!ok || !account || !usable) throw invalidCredentials();
  if (await hasSecondFactor(d1, account.id)) {
    if (!input.code) throw codeProblem("security.codeRequired");
    if (!(await spendSecondFactor(d1, account.id, input.code, now))) throw codeProblem("security.codeWrong");
  }

  const session = await newSession(d1, account.id, now);
  const statements = [...succeedStatements(d1, gate.attempt), session.statement];
  if (needsRehash(usable)) {
    // Raised work factor: re-hash now, while the plain password is at hand.
    statements.push(
      d1
        .prepare("UPDATE accounts SET password_hash = ? WHERE id = ? AND password_hash = ?")
        .bind(await hashPassword(input.password), account.id, usable),
    );
  }
  const entry = { actorId: account.id, action: "session.login", targetType: "account", targetId: account.id };
  await auditedBatch(d1, entry, statements);
  return { token: session.token, accountId: account.id, email };
}

/**
 * Re-authentication before an admin hands out access (invitations, password resets):
 * the password again, and the code when the account has a second factor. Throttled
 * like a sign-in; on success this session's reauth_at moves to now.
 */
export async function reauthenticate(
  d1: D1Database,
  account: SessionAccount,
  input: { password: string; code?: string | undefined },
  address: string,
  now: Date = new Date(),
): Promise<void> {
  const gate = await beginAttempt(d1, await throttleKeys(account.email, address), now, true);
  if (!gate.allowed) throw throttled(gate.retryAfter);
  const stored = (await passwordHashOf(d1, account.id))?.password_hash;
  if (!stored || !(await verifyPassword(input.password, stored))) {
    throw new ProblemError(400, "validation", (lang) => ({
      detail: message(lang, "problem.badRequest.detail"),
      errors: [{ field: "password", message: message(lang, "auth.currentWrong") }],
    }));
  }
  if (account.twoFactor) {
    if (!input.code) throw codeProblem("security.codeRequired");
    if (!(await spendSecondFactor(d1, account.id, input.code, now))) throw codeProblem("security.codeWrong");
  }
  await auditedBatch(
    d1,
    { actorId: account.id, action: "session.reauth", targetType: "account", targetId: account.id },
    [
      ...succeedStatements(d1, gate.attempt),
      d1.prepare("UPDATE sessions SET reauth_at = ? WHERE token_hash = ?").bind(now.toISOString(), account.sessionHash),
    ],
  );
}

/** A new password that is common, or contains the e-mail name or the county's name, is refused (400 on the field). */
export function assertAcceptablePassword(password: string, email: string): void {
  const refusal = screenPassword(password, email);
  if (refusal) {
    throw new ProblemError(400, "validation", (lang) => ({
      detail: message(lang, "problem.badRequest.detail"),
      errors: [{ field: "password", message: message(lang, refusal) }],
    }));
  }
}

/**
 * A password change needs the current password (throttled like a sign-in) and
 * ends every other session of the account in the same batch.
 */
export async function changePassword(
  d1: D1Database,
  account: SessionAccount,
  input: { current: string; password: string },
  address: string,
  now: Date = new Date(),
): Promise<void> {
  // The browser holds a live session of this account: the account-wide lock does not apply.
  const gate = await beginAttempt(d1, await throttleKeys(account.email, address), now, true);
  if (!gate.allowed) throw throttled(gate.retryAfter);
  const stored = (await passwordHashOf(d1, account.id))?.password_hash;
  if (!stored || !(await verifyPassword(input.current, stored))) {
    throw new ProblemError(400, "validation", (lang) => ({
      detail: message(lang, "problem.badRequest.detail"),
      errors: [{ field: "current", message: message(lang, "auth.currentWrong") }],
    }));
  }
  if (input.current === input.password) {
    await d1.batch(succeedStatements(d1, gate.attempt));
    throw new ProblemError(400, "validation", (lang) => ({
      detail: message(lang, "problem.badRequest.detail"),
      errors: [{ field: "password", message: message(lang, "auth.passwordSame") }],
    }));
  }
  const refusal = screenPassword(input.password, account.email);
  if (refusal) await d1.batch(succeedStatements(d1, gate.attempt));
  assertAcceptablePassword(input.password, account.email);
  await auditedBatch(
    d1,
    {
      actorId: account.id,
      action: "account.password",
      targetType: "account",
      targetId: account.id,
      after: { otherSessionsEnded: true },
    },
    [
      ...succeedStatements(d1, gate.attempt),
      d1
        .prepare("UPDATE accounts SET password_hash = ? WHERE id = ?")
        .bind(await hashPassword(input.password), account.id),
      revokeOtherSessions(d1, account.id, account.sessionHash),
    ],
  );
}
