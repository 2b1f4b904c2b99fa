import { auditedBatch } from "../db/audit";
import { message } from "../lib/messages";
import { ProblemError } from "../lib/problem";
import { hashPassword, needsRehash, verifyDummy, verifyPassword } from "./passwords";
import { accountForLogin, passwordHashOf } from "./queries";
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

/**
 * Signs a person in and returns the new session's token. Unknown e-mail, wrong
 * password, disabled account and "invited but no password yet" all give the
 * same 401 after the same amount of hashing work.
 */
export async function login(
  d1: D1Database,
  input: { email: string; password: string },
  address: string,
  now: Date = new Date(),
): Promise<{ token: string; accountId: number }> {
  const email = normaliseEmail(input.email);
  const gate = await beginAttempt(d1, await throttleKeys(email, address), now);
  if (!gate.allowed) throw throttled(gate.retryAfter);

  const account = await accountForLogin(d1, email);
  const usable = account?.password_hash && !account.disabled_at ? account.password_hash : null;
  const ok = usable ? await verifyPassword(input.password, usable) : await verifyDummy(input.password);
  if (!ok || !account || !usable) throw invalidCredentials();

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
  return { token: session.token, accountId: account.id };
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
  const gate = await beginAttempt(d1, await throttleKeys(account.email, address), now);
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
