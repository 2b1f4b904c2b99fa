import type { Bindings } from "../env";
import { claimDue, givenUp, resultStatement, type SendResult } from "./deliver";
import type { OutboxEntry } from "./outbox";

/**
 * Sends the outbox's e-mails through the MAIL binding, from the same one-minute cron
 * and by the same claim-once rule as texts (deliver.ts): a row goes `pending` ->
 * `sending` in the one UPDATE that only one run can win, and a run that dies between
 * the send and the record leaves it `sending`, which the next runs turn into
 * `uncertain`, never sending it again. The binding takes no idempotency key
 * (SendEmail.send has none), so the claim is what keeps a mail single.
 *
 * The binding answers from Cloudflare's own mail service: a thrown error is its
 * refusal (a sender or address it does not allow), so the row is tried again after
 * the backoff and given up after MAX_ATTEMPTS, as a refused text is.
 *
 * Rows of one kind to one address claimed by one run go out as ONE e-mail: a rush of
 * orders is a digest per member and minute, not a rush of mail.
 */
interface Mail {
  subject: string;
  text: string;
}

export interface Mailer {
  from: { email: string; name: string };
  /**
   * The e-mail about these messages, and which of them it tells about; the others are
   * not needed any more (e.g. the order was cancelled first) and are given up. Null: none is.
   */
  compose(d1: D1Database, messages: OutboxEntry[]): Promise<{ mail: Mail; about: OutboxEntry[] } | null>;
}

/** What writes the e-mails of each kind. */
export type Mailers = Record<string, Mailer>;

export interface MailResult {
  /** E-mails, not rows: one digest may tell about several. */
  sent: number;
  refused: number;
  failed: number;
}

/** Rows one run claims at most; a digest per address keeps the number of e-mails far lower. */
const BATCH = 200;

const noLongerNeeded: SendResult = {
  outcome: "refused",
  reason: "not sent: no longer needed (the order had moved on)",
  final: true,
};

/** One address's e-mail for its claimed rows of one kind. Never throws. */
async function sendGroup(
  mail: SendEmail,
  mailer: Mailer | undefined,
  d1: D1Database,
  group: OutboxEntry[],
): Promise<{ result: SendResult; about: OutboxEntry[] }> {
  const [first] = group;
  if (!first || !mailer) {
    return {
      result: { outcome: "refused", reason: `no e-mail for messages of kind ${first?.kind}`, final: true },
      about: group,
    };
  }
  let composed: Awaited<ReturnType<Mailer["compose"]>>;
  try {
    composed = await mailer.compose(d1, group);
  } catch (error) {
    return { result: { outcome: "refused", reason: String(error).slice(0, 500), final: true }, about: group };
  }
  if (!composed) return { result: noLongerNeeded, about: group };
  try {
    const { subject, text } = composed.mail;
    const { messageId } = await mail.send({ from: mailer.from, to: first.recipient, subject, text });
    return { result: { outcome: "sent", id: messageId }, about: composed.about };
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    return { result: { outcome: "refused", reason }, about: composed.about };
  }
}

/** The cron's e-mail job. Without a MAIL binding nothing is claimed: e-mails stay pending, listed on the outbox page. */
export async function deliverEmails(
  env: Pick<Bindings, "DB" | "MAIL">,
  mailers: Mailers,
  opts: { now?: Date } = {},
): Promise<MailResult> {
  const result: MailResult = { sent: 0, refused: 0, failed: 0 };
  const mail = env.MAIL;
  if (!mail) return result;
  const d1 = env.DB;
  const now = opts.now ?? new Date();
  const claimed = await claimDue(d1, now, { channel: "email", limit: BATCH });
  const groups = Map.groupBy(claimed, (m) => `${m.kind}\n${m.recipient}`);
  for (const group of groups.values()) {
    const { result: sent, about } = await sendGroup(mail, mailers[group[0]?.kind ?? ""], d1, group);
    const told = new Set(about.map((m) => m.id));
    // Recorded right after each send, in one batch for all the rows the e-mail told about.
    await d1.batch(group.map((m) => resultStatement(d1, m, told.has(m.id) ? sent : noLongerNeeded, now)));
    if (sent.outcome === "sent") result.sent++;
    else if (group.some((m) => told.has(m.id) && givenUp(m, sent))) result.failed++;
    else result.refused++;
  }
  return result;
}
