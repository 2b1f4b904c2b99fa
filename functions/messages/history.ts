import type { MessageChannel, MessageStatus } from "../db/schema";

/**
 * What was sent about one booking or order, for the guest's own page and JSON
 * (`messages: [{ channel, kind, status, sentAt }]`). Never the recipient or the text:
 * the person already knows both, and the page may be open on a shared phone.
 */
export interface MessageRecord {
  channel: MessageChannel;
  kind: string;
  status: MessageStatus;
  sentAt: string | null;
  createdAt: string;
}

/** A booking by its reference: its history read in the same batch as the booking itself. */
export type MessageSubject = { bookingId: number } | { orderId: number } | { bookingReference: string };

export function messageHistoryQuery(d1: D1Database, about: MessageSubject): D1PreparedStatement {
  const [where, value] =
    "bookingId" in about
      ? ["booking_id = ?", about.bookingId]
      : "orderId" in about
        ? ["order_id = ?", about.orderId]
        : ["booking_id = (SELECT id FROM bookings WHERE reference = ?)", about.bookingReference];
  return d1
    .prepare(
      `SELECT channel, kind, status, sent_at AS sentAt, created_at AS createdAt
         FROM outbox WHERE ${where} ORDER BY id`,
    )
    .bind(value);
}

export async function messageHistory(d1: D1Database, about: MessageSubject): Promise<MessageRecord[]> {
  const { results } = await messageHistoryQuery(d1, about).all<MessageRecord>();
  return results;
}
