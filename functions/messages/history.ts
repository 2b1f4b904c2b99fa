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

export type MessageSubject = { bookingId: number } | { orderId: number };

export async function messageHistory(d1: D1Database, about: MessageSubject): Promise<MessageRecord[]> {
  const [column, id] = "bookingId" in about ? ["booking_id", about.bookingId] : ["order_id", about.orderId];
  const { results } = await d1
    .prepare(
      `SELECT channel, kind, status, sent_at AS sentAt, created_at AS createdAt
         FROM outbox WHERE ${column} = ? ORDER BY id`,
    )
    .bind(id)
    .all<MessageRecord>();
  return results;
}
