import { type Lang, localePath } from "../lib/lang";
import { enqueue } from "../messages/outbox";
import type { LetterStatus, LetterType, RejectReason } from "./model";

/** The addresses of a letter for its writer: the page (the token is swapped for a cookie there) and the API. */
export function letterLinks(reference: string, token: string, lang: Lang) {
  const q = `ref=${encodeURIComponent(reference)}&token=${encodeURIComponent(token)}`;
  return {
    page: `${localePath(lang, "/interact/letter/")}?${q}`,
    api: `/api/letters/${reference}?token=${encodeURIComponent(token)}`,
  };
}

const writerLang = (lang: string): Lang => (lang === "en" ? "en" : "zh-CN");

/**
 * A text to the letter's writer, as statements for the batch of the change it tells
 * about; the link is composed when it is sent (functions/api/index.ts messageLinks).
 */
export function tellWriter(
  d1: D1Database,
  l: { id?: number; reference: string; phone: string; lang: string },
  kind: string,
  values: Record<string, string> = {},
) {
  if (!l.phone) return [];
  return enqueue(d1, {
    channel: "sms",
    recipient: l.phone,
    kind,
    lang: writerLang(l.lang),
    params: { reference: l.reference, about: "letter", ...values },
    ...(l.id ? { letterId: l.id } : { letterReference: l.reference }),
  });
}

/** The columns of a letters row, as D1 returns them. */
export interface LetterRow {
  id: number;
  reference: string;
  token_hash: string;
  type: LetterType;
  subject: string;
  message: string;
  township: string | null;
  agency_asked: string | null;
  agency: string | null;
  name: string;
  phone: string;
  email: string | null;
  publish: number;
  lang: string;
  status: LetterStatus;
  received_on: string;
  due_by: string;
  accepted_on: string | null;
  extended_to: string | null;
  extension_reason: string | null;
  answered_on: string | null;
  reply: string | null;
  replied_by: number | null;
  reject_reason: RejectReason | null;
  reject_note: string | null;
  published_subject: string | null;
  published_message: string | null;
  published_reply: string | null;
  published_on: string | null;
  photo_key: string | null;
  created_at: string;
  erased_at: string | null;
}

/** What the writer sees of their letter (GET /api/letters/:reference, /interact/letter/). */
export interface LetterView {
  reference: string;
  type: LetterType;
  subject: string;
  message: string;
  township: string | null;
  /** The agency answering it, else the one the writer named. */
  agency: string | null;
  status: LetterStatus;
  receivedOn: string;
  acceptedOn: string | null;
  dueBy: string;
  extendedTo: string | null;
  extensionReason: string | null;
  answeredOn: string | null;
  reply: string | null;
  rejectReason: RejectReason | null;
  rejectNote: string | null;
  publish: boolean;
  publishedOn: string | null;
  hasPhoto: boolean;
}

export function letterView(r: LetterRow): LetterView {
  return {
    reference: r.reference,
    type: r.type,
    subject: r.subject,
    message: r.message,
    township: r.township,
    agency: r.agency ?? r.agency_asked,
    status: r.status,
    receivedOn: r.received_on,
    acceptedOn: r.accepted_on,
    dueBy: r.due_by,
    extendedTo: r.extended_to,
    extensionReason: r.extension_reason,
    answeredOn: r.answered_on,
    reply: r.reply,
    rejectReason: r.reject_reason,
    rejectNote: r.reject_note,
    publish: r.publish === 1,
    publishedOn: r.published_on,
    hasPhoto: r.photo_key !== null,
  };
}
