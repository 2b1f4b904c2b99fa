import type { MessageChannel, MessageStatus } from "../db/schema";
import type { Lang } from "../lib/lang";

/**
 * Putting a message in the outbox. `enqueue` returns statements, not a write:
 * the caller adds them to the batch of the change the message is about, so the
 * change and its message are recorded together or not at all.
 */
export interface NewMessage {
  channel: MessageChannel;
  recipient: string;
  /** The text's key in the message strings (functions/messages/texts.ts). */
  kind: string;
  lang: Lang;
  /** Values the text is made of. Never a token or a link: those are composed at send time. */
  params: Record<string, string>;
  bookingId?: number | null;
  /** A booking written in the same batch, whose id is not known yet: found by its reference. */
  bookingReference?: string;
  orderId?: number | null;
  letterId?: number | null;
  /** A letter written in the same batch: found by its reference. */
  letterReference?: string;
  due?: Date;
}

/**
 * `onlyIf` is an SQL condition (with its values) checked inside the same
 * statement, e.g. "the throttle row of this request was written", so racing
 * requests cannot both pass it.
 */
export function enqueue(
  d1: D1Database,
  m: NewMessage,
  onlyIf?: { sql: string; values: unknown[] },
): D1PreparedStatement[] {
  const values = [
    m.channel,
    m.recipient,
    m.kind,
    m.lang,
    JSON.stringify(m.params),
    m.bookingId ?? null,
    m.bookingReference ?? null,
    m.orderId ?? null,
    m.letterId ?? null,
    m.letterReference ?? null,
    (m.due ?? new Date()).toISOString(),
  ];
  return [
    d1
      .prepare(
        `INSERT INTO outbox (channel, recipient, kind, lang, params, booking_id, order_id, letter_id, due_at)
         SELECT ?, ?, ?, ?, ?, coalesce(?, (SELECT id FROM bookings WHERE reference = ?)), ?,
                coalesce(?, (SELECT id FROM letters WHERE reference = ?)), ? WHERE ${onlyIf?.sql ?? "1"}`,
      )
      .bind(...values, ...(onlyIf?.values ?? [])),
  ];
}

/**
 * One message to each row a query finds (the members of a cooperative, the orders one
 * county run cancelled), as one statement of the caller's batch. `select` yields the
 * columns recipient, lang, params (a JSON object), booking_id and order_id, with plain
 * `?` placeholders for its values.
 */
export function enqueueSelected(
  d1: D1Database,
  m: Pick<NewMessage, "channel" | "kind" | "due">,
  select: { sql: string; values: unknown[] },
): D1PreparedStatement {
  return d1
    .prepare(
      `INSERT INTO outbox (channel, recipient, kind, lang, params, booking_id, order_id, due_at)
       SELECT ?, recipient, ?, lang, params, booking_id, order_id, ? FROM (${select.sql})`,
    )
    .bind(m.channel, m.kind, (m.due ?? new Date()).toISOString(), ...select.values);
}

export interface OutboxEntry {
  id: number;
  channel: MessageChannel;
  recipient: string;
  kind: string;
  lang: Lang;
  params: Record<string, string>;
  bookingId: number | null;
  orderId: number | null;
  status: MessageStatus;
  dueAt: string;
  attempts: number;
  sentAt: string | null;
  providerMessageId: string | null;
  lastError: string | null;
  createdAt: string;
}

interface Row {
  id: number;
  channel: MessageChannel;
  recipient: string;
  kind: string;
  lang: Lang;
  params: string;
  booking_id: number | null;
  order_id: number | null;
  status: MessageStatus;
  due_at: string;
  attempts: number;
  sent_at: string | null;
  provider_message_id: string | null;
  last_error: string | null;
  created_at: string;
}

export function outboxEntry(r: Row): OutboxEntry {
  let params: Record<string, string> = {};
  try {
    params = JSON.parse(r.params);
  } catch {
    // a row written by hand; show it without values
  }
  return {
    id: r.id,
    channel: r.channel,
    recipient: r.recipient,
    kind: r.kind,
    lang: r.lang,
    params,
    bookingId: r.booking_id,
    orderId: r.order_id,
    status: r.status,
    dueAt: r.due_at,
    attempts: r.attempts,
    sentAt: r.sent_at,
    providerMessageId: r.provider_message_id,
    lastError: r.last_error,
    createdAt: r.created_at,
  };
}

/** The newest messages first, for the admins' outbox page. */
export async function recentMessages(d1: D1Database, limit = 100): Promise<OutboxEntry[]> {
  const { results } = await d1.prepare("SELECT * FROM outbox ORDER BY id DESC LIMIT ?").bind(limit).all<Row>();
  return results.map(outboxEntry);
}

/**
 * Messages about a booking or order whose contact details were erased lose their
 * recipient and values too; what was sent when stays. One still waiting is given up.
 * Runs after the erasures, in the same batch.
 */
export function eraseMessagesOfErasedContacts(d1: D1Database): D1PreparedStatement {
  return d1.prepare(
    `UPDATE outbox
        SET recipient = '', params = '{}',
            last_error = CASE WHEN status IN ('pending', 'sending') THEN 'erased' ELSE last_error END,
            status = CASE WHEN status IN ('pending', 'sending') THEN 'failed' ELSE status END
      WHERE recipient <> ''
        AND (booking_id IN (SELECT id FROM bookings WHERE erased_at IS NOT NULL)
          OR order_id IN (SELECT id FROM orders WHERE erased_at IS NOT NULL))`,
  );
}
