import type { MessageChannel } from "../db/schema";
import type { Bindings } from "../env";
import { requireTokenKeys } from "../lib/token-secret";
import { type SmsConfig, sendSms, smsConfig } from "./aliyun-sms";
import { type OutboxEntry, outboxEntry } from "./outbox";
import { composeMessage, type LinkKeys, type LinkMakers } from "./texts";

/**
 * Sends what is due in the outbox, from the one-minute cron.
 *
 * Never twice. Aliyun's SendSms has no idempotency key (OutId is only echoed in
 * delivery reports), so a second SendSms for the same row would be a second text.
 * A row therefore goes `pending` -> `sending` in one UPDATE that only one run can
 * win, and a claimed row is sent at most once:
 * - the provider answers OK: `sent`, with its BizId;
 * - the provider answers with a refusal (its JSON error code, or an HTTP error
 *   without one): nothing went out, so the row is `pending` again, due after a
 *   backoff, and after MAX_ATTEMPTS refusals `failed`, shown to staff;
 * - no answer (network error, timeout), or a run that died between the send and
 *   the record (the row stays `sending` past STALE_MINUTES): the text may or may
 *   not have gone out. Sending it again could text a person twice, so the row
 *   becomes `uncertain` and staff decide (the outbox page lists it; Aliyun's
 *   console finds it by OutId, the row's id).
 */
export const MAX_ATTEMPTS = 4;
/** Minutes before the 2nd, 3rd, 4th try. */
const BACKOFF_MINUTES = [1, 5, 30] as const;
export const STALE_MINUTES = 10;
/** Messages not sent within this time are left to staff (e.g. when a provider is first configured). */
const WINDOW_HOURS = 24;
const BATCH = 25;

export interface DeliveryResult {
  sent: number;
  refused: number;
  failed: number;
  uncertain: number;
}

type SenderEnv = Pick<
  Bindings,
  | "DB"
  | "TOKEN_SECRET"
  | "ALIYUN_SMS_ACCESS_KEY_ID"
  | "ALIYUN_SMS_ACCESS_KEY_SECRET"
  | "ALIYUN_SMS_SIGN_NAME"
  | "ALIYUN_SMS_TEMPLATES"
  | "ALIYUN_SMS_ENDPOINT"
>;

/** Rows claimed by this run, in one statement: racing runs never claim the same row. */
const CLAIM_SQL = `UPDATE outbox SET status = 'sending', claimed_at = ?1, attempts = attempts + 1
  WHERE status = 'pending' AND id IN (
    SELECT id FROM outbox WHERE status = 'pending' AND channel = ?3 AND due_at <= ?1 AND created_at > ?2
    ORDER BY due_at, id LIMIT ?4)
  RETURNING *`;

/** Claims what is due on one channel (after turning claims of dead runs, on any channel, into `uncertain`). */
export async function claimDue(
  d1: D1Database,
  now: Date,
  { channel = "sms", limit = BATCH }: { channel?: MessageChannel; limit?: number } = {},
): Promise<OutboxEntry[]> {
  const at = now.toISOString();
  const stale = new Date(now.getTime() - STALE_MINUTES * 60_000).toISOString();
  const since = new Date(now.getTime() - WINDOW_HOURS * 3_600_000).toISOString();
  const [, claimed] = await d1.batch<Parameters<typeof outboxEntry>[0]>([
    d1
      .prepare(
        `UPDATE outbox SET status = 'uncertain', claimed_at = NULL,
           last_error = 'claimed at ' || claimed_at || ' and never recorded: maybe sent, not sent again'
         WHERE status = 'sending' AND claimed_at < ?`,
      )
      .bind(stale),
    d1.prepare(CLAIM_SQL).bind(at, since, channel, limit),
  ]);
  return (claimed?.results ?? []).map(outboxEntry);
}

/** `final`: a refusal no retry can mend (no template for the language), given up at once. */
export type SendResult =
  | { outcome: "sent"; id: string }
  | { outcome: "refused" | "uncertain"; reason: string; final?: boolean };

/** One claimed message to the provider. Never throws. */
export async function sendClaimed(
  config: SmsConfig,
  m: OutboxEntry,
  links: LinkKeys & { makers: LinkMakers },
): Promise<SendResult> {
  const template = config.templates[`${m.kind}:${m.lang}`];
  if (!template) {
    return {
      outcome: "refused",
      reason: `no template code for ${m.kind}:${m.lang} in ALIYUN_SMS_TEMPLATES`,
      final: true,
    };
  }
  let values: Record<string, string>;
  try {
    ({ values } = await composeMessage(m, links));
  } catch (error) {
    return { outcome: "refused", reason: String(error), final: true };
  }
  try {
    const answer = await sendSms(config, { phone: m.recipient, template, values, outId: String(m.id) });
    return answer.accepted ? { outcome: "sent", id: answer.id } : { outcome: "refused", reason: answer.reason };
  } catch (error) {
    return { outcome: "uncertain", reason: `no answer from the provider: ${String(error)}`.slice(0, 500) };
  }
}

export function givenUp(m: OutboxEntry, result: SendResult): boolean {
  if (result.outcome === "refused" && result.final) return true;
  return result.outcome === "uncertain" || m.attempts >= MAX_ATTEMPTS;
}

/** Writes down what happened to a claimed message; only while this run's claim holds. */
async function recordResult(d1: D1Database, m: OutboxEntry, result: SendResult, now: Date): Promise<void> {
  await resultStatement(d1, m, result, now).run();
}

/** The record of one claimed message, as a statement (an e-mail to several rows records them in one batch). */
export function resultStatement(d1: D1Database, m: OutboxEntry, result: SendResult, now: Date): D1PreparedStatement {
  const at = now.toISOString();
  const mine = "WHERE id = ? AND status = 'sending'";
  if (result.outcome === "sent") {
    return d1
      .prepare(
        // Also over `uncertain`: a slow run whose claim another run has meanwhile called stale still knows best.
        `UPDATE outbox SET status = 'sent', sent_at = ?, provider_message_id = ?, claimed_at = NULL, last_error = NULL
         WHERE id = ? AND status IN ('sending', 'uncertain')`,
      )
      .bind(at, result.id, m.id);
  }
  const giveUp = givenUp(m, result);
  const status = result.outcome === "uncertain" ? "uncertain" : giveUp ? "failed" : "pending";
  const wait = BACKOFF_MINUTES[Math.min(m.attempts, BACKOFF_MINUTES.length) - 1] ?? 1;
  const due = new Date(now.getTime() + wait * 60_000).toISOString();
  return d1
    .prepare(`UPDATE outbox SET status = ?, due_at = ?, claimed_at = NULL, last_error = ? ${mine}`)
    .bind(status, giveUp ? m.dueAt : due, result.reason, m.id);
}

/**
 * The cron's job. Without a configured provider nothing is claimed: messages
 * stay pending, and the admins' outbox page is the call list.
 */
export async function deliverMessages(
  env: SenderEnv,
  makers: LinkMakers,
  opts: { now?: Date } = {},
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, refused: 0, failed: 0, uncertain: 0 };
  const config = smsConfig(env);
  if (!config) return result;
  const now = opts.now ?? new Date();
  const links = { keys: requireTokenKeys(env), db: env.DB, makers };
  const claimed = await claimDue(env.DB, now);
  for (const m of claimed) {
    const sent = await sendClaimed(config, m, links);
    // Recorded one by one, right after each send, to keep the window in which a dying run leaves `sending` small.
    await recordResult(env.DB, m, sent, now);
    if (sent.outcome === "sent") result.sent++;
    else if (sent.outcome === "uncertain") result.uncertain++;
    else if (givenUp(m, sent)) result.failed++;
    else result.refused++;
  }
  return result;
}
