import type { Lang } from "../lib/lang";
import { message } from "../lib/messages";
import { enqueue } from "../messages/outbox";
import { bookedSubject } from "./lookup";
import type { BookingRow } from "./queries";

/**
 * The guest's text messages about their own booking. Each is a statement for the
 * batch of the change it tells about; the link is composed when it is sent.
 */

type Told = Pick<BookingRow, "reference" | "contact_phone" | "lang"> & { id?: number };

export const guestLang = (lang: string): Lang => (lang === "en" ? "en" : "zh-CN");

/** `onlyIf`: a condition checked inside the write (see enqueue), e.g. "no reminder yet". */
export function tellGuest(
  d1: D1Database,
  b: Told,
  kind: string,
  values: Record<string, string> = {},
  onlyIf?: Parameters<typeof enqueue>[2],
) {
  return enqueue(
    d1,
    {
      channel: "sms",
      recipient: b.contact_phone,
      kind,
      lang: guestLang(b.lang),
      params: { reference: b.reference, about: "booking", ...values },
      // A booking written in the same batch has no id yet: the outbox finds it by reference.
      ...(b.id ? { bookingId: b.id } : { bookingReference: b.reference }),
    },
    onlyIf,
  );
}

/** When, as a text says it: a stay's first night and length, or a session's date and time. */
export function datesInText(lang: Lang, checkIn: string, nights: number, time?: string): string {
  return nights > 0
    ? message(lang, "sms.datesStay", { date: checkIn, nights })
    : message(lang, "sms.datesSession", { date: checkIn, time: time ?? "" });
}

/** The place and dates of a booking, as its guest's texts name them. */
export async function whatInText(d1: D1Database, row: BookingRow): Promise<{ place: string; dates: string }> {
  const lang = guestLang(row.lang);
  const subject = await bookedSubject(d1, row);
  const en = lang === "en";
  const place = !subject
    ? ""
    : "stay" in subject
      ? en
        ? subject.stay.siteEn
        : subject.stay.siteZh
      : en
        ? subject.session.nameEn
        : subject.session.nameZh;
  const time = subject && "session" in subject ? subject.session.startTime : undefined;
  return { place, dates: datesInText(lang, row.check_in, row.nights, time) };
}
