import type { Lang } from "../lib/lang";
import { type MessageKey, message } from "../lib/messages";
import type { TokenKeys } from "../lib/tokens";
import type { OutboxEntry } from "./outbox";

/**
 * What a message says, from its kind, language and values. The text itself is a
 * server message string (functions/lib/messages.ts, "sms.*"); with Aliyun the same
 * wording is registered as the template and only the values travel.
 */

/** Composes the link that opens a booking or order from its reference (the token is derived, never stored). */
type LinkMaker = (links: LinkKeys, reference: string, lang: Lang) => Promise<string>;
/**
 * What a link is made with: the token keys, and the database, where the record's token
 * hash says which key it was issued with (a record from before a key change keeps its link).
 */
export interface LinkKeys {
  keys: TokenKeys;
  db: D1Database;
}
export type LinkMakers = Record<"booking" | "order" | "letter", LinkMaker>;

const TEXTS: Record<string, MessageKey> = {
  recovery: "sms.recovery",
  "booking-cancelled": "sms.bookingCancelled",
  "booking-declined": "sms.bookingDeclined",
  "booking-confirmed": "sms.bookingConfirmed",
  "booking-hold-expired": "sms.bookingHoldExpired",
  "order-confirmed": "sms.orderConfirmed",
  "order-ready": "sms.orderReady",
  "order-shipped": "sms.orderShipped",
  "order-cancelled": "sms.orderCancelled",
  "order-cancelled-buyer": "sms.orderCancelledByBuyer",
  "order-cancelled-county": "sms.orderCancelledByCounty",
  "order-expired": "sms.orderExpired",
  "event-cancelled": "sms.eventCancelled",
  "event-postponed": "sms.eventPostponed",
  "session-moved": "sms.sessionMoved",
  "session-cancelled": "sms.sessionCancelled",
  "booking-made": "sms.bookingMade",
  "booking-received": "sms.bookingReceived",
  "booking-guest-cancelled": "sms.bookingGuestCancelled",
  "booking-reminder": "sms.bookingReminder",
  "booking-reminder-notes": "sms.bookingReminderNotes",
  "letter-received": "sms.letterReceived",
  "letter-rejected": "sms.letterRejected",
  "letter-extended": "sms.letterExtended",
  "letter-answered": "sms.letterAnswered",
};

export interface Composed {
  text: string;
  /** The template's values (TemplateParam). */
  values: Record<string, string>;
}

/** The message as it goes out; `links` null composes it for staff eyes, with the link left out. */
export async function composeMessage(
  m: Pick<OutboxEntry, "kind" | "lang" | "params">,
  links: (LinkKeys & { makers: LinkMakers }) | null,
): Promise<Composed> {
  const key = TEXTS[m.kind];
  if (!key) throw new Error(`no text for messages of kind ${m.kind}`);
  const ref = m.params.reference ?? "";
  const about = m.params.about === "order" || m.params.about === "letter" ? m.params.about : "booking";
  const link = links ? await links.makers[about](links, ref, m.lang) : message(m.lang, "sms.linkLeftOut");
  // Values (a reason, a tracking number, a pickup point's hours, a moved session's day and time)
  // travel as they were written, each on a single line.
  const { reference: _ref, about: _about, ...given } = m.params;
  const single = Object.fromEntries(Object.entries(given).map(([k, v]) => [k, String(v).replace(/\s+/g, " ").trim()]));
  const values = { ...single, ref, link };
  return { text: message(m.lang, key, values), values };
}
