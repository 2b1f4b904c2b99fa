import { auditedBatch } from "../db/audit";
import { message } from "../lib/messages";
import { ProblemError } from "../lib/problem";
import { newReference, normaliseReference, sha256Hex } from "../lib/tokens";
import type { SessionAccount } from "./sessions";
import { matchingStep, newTotpSecret } from "./totp";

/**
 * Admins' second factor: a TOTP secret confirmed with a first code, and ten one-time
 * recovery codes for a lost phone, stored as SHA-256 only. Enrolled accounts must give
 * a code (or a recovery code) at sign-in and re-authentication; in production an admin
 * must enrol before the admin pages open (middleware.ts). The local demo admin is not
 * enrolled, so it signs in with e-mail and password as the README says.
 */
const RECOVERY_CODES = 10;

export const codeProblem = (key: "security.codeRequired" | "security.codeWrong") =>
  new ProblemError(401, key === "security.codeRequired" ? "code-required" : "code-wrong", (lang) => ({
    detail: message(lang, key),
    errors: [{ field: "code", message: message(lang, key) }],
  }));

/** The secret being enrolled (made on the first call, kept until confirmed). */
export async function startEnrolment(d1: D1Database, account: SessionAccount): Promise<string> {
  await d1
    .prepare("UPDATE accounts SET totp_pending = coalesce(totp_pending, ?) WHERE id = ?")
    .bind(newTotpSecret(), account.id)
    .run();
  return (await pendingSecret(d1, account.id)) ?? "";
}

export async function pendingSecret(d1: D1Database, accountId: number): Promise<string | null> {
  const row = await d1
    .prepare("SELECT totp_pending FROM accounts WHERE id = ?")
    .bind(accountId)
    .first<{ totp_pending: string | null }>();
  return row?.totp_pending ?? null;
}

/** Readable recovery codes, e.g. 7KQ2M-Z4PXR; case, spaces and dashes do not matter when typed. */
const newRecoveryCode = () => {
  const code = newReference(10);
  return `${code.slice(0, 5)}-${code.slice(5)}`;
};
const recoveryHash = (code: string) => sha256Hex(`recovery:${normaliseReference(code)}`);

/**
 * The first code proves the app holds the secret: the factor is switched on, new
 * recovery codes replace any old ones, and the plain codes are returned to be shown once.
 */
export async function confirmEnrolment(
  d1: D1Database,
  account: SessionAccount,
  code: string,
  now: Date = new Date(),
): Promise<string[]> {
  const secret = await pendingSecret(d1, account.id);
  if (!secret) {
    throw new ProblemError(409, "not-enrolling", (lang) => ({ detail: message(lang, "security.notEnrolling") }));
  }
  const step = await matchingStep(secret, code.trim(), now, null);
  if (step === null) throw codeProblem("security.codeWrong");
  const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
  const hashes = await Promise.all(codes.map(recoveryHash));
  await auditedBatch(
    d1,
    { actorId: account.id, action: "account.two_factor_on", targetType: "account", targetId: account.id },
    [
      d1
        .prepare("UPDATE accounts SET totp_secret = totp_pending, totp_pending = NULL, totp_last_step = ? WHERE id = ?")
        .bind(step, account.id),
      d1.prepare("DELETE FROM recovery_codes WHERE account_id = ?").bind(account.id),
      ...hashes.map((h) =>
        d1.prepare("INSERT INTO recovery_codes (account_id, code_hash) VALUES (?, ?)").bind(account.id, h),
      ),
    ],
  );
  return codes;
}

/**
 * Checks a code for an enrolled account and spends it: a TOTP code's step is recorded
 * so it cannot be used again, a recovery code is marked used. True when accepted.
 */
export async function spendSecondFactor(
  d1: D1Database,
  accountId: number,
  code: string,
  now: Date = new Date(),
): Promise<boolean> {
  const typed = code.trim();
  if (/^\d{6}$/.test(typed)) {
    const row = await d1
      .prepare("SELECT totp_secret, totp_last_step FROM accounts WHERE id = ?")
      .bind(accountId)
      .first<{ totp_secret: string | null; totp_last_step: number | null }>();
    if (!row?.totp_secret) return false;
    const step = await matchingStep(row.totp_secret, typed, now, row.totp_last_step);
    if (step === null) return false;
    // Two sign-ins racing with the same code: only one moves the step forward.
    const moved = await d1
      .prepare(
        "UPDATE accounts SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL OR totp_last_step < ?) RETURNING id",
      )
      .bind(step, accountId, step)
      .first();
    return moved !== null;
  }
  if (typed.length < 10 || typed.length > 20) return false;
  const used = await d1
    .prepare(
      "UPDATE recovery_codes SET used_at = ? WHERE account_id = ? AND code_hash = ? AND used_at IS NULL RETURNING id",
    )
    .bind(now.toISOString(), accountId, await recoveryHash(typed))
    .first();
  return used !== null;
}

export async function hasSecondFactor(d1: D1Database, accountId: number): Promise<boolean> {
  const row = await d1
    .prepare("SELECT totp_secret IS NOT NULL AS on_ FROM accounts WHERE id = ?")
    .bind(accountId)
    .first<{
      on_: number;
    }>();
  return row?.on_ === 1;
}

/** Recovery codes still unused, for the two-step page. */
export async function unusedRecoveryCodes(d1: D1Database, accountId: number): Promise<number> {
  const row = await d1
    .prepare("SELECT count(*) AS n FROM recovery_codes WHERE account_id = ? AND used_at IS NULL")
    .bind(accountId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}
