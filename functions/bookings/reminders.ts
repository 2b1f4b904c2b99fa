import { addDays, todayInCounty } from "../lib/dates";
import { message } from "../lib/messages";
import { type BookedPlace, bookedPlace } from "./places";
import type { BookingRow } from "./queries";
import { freeCancellationUntil } from "./rules";
import { datesInText, guestLang, tellGuest } from "./tell-guest";

/**
 * The text two days before a stay: when, where and the last free-cancellation day,
 * then (a second SMS, so each stays within 70 Chinese characters) the campsite's
 * altitude, weather and road from its content. Queued by the hourly housekeeping;
 * each statement re-checks inside the write that the booking is still confirmed and
 * has no reminder yet, so overlapping runs and later hours never queue a second.
 */
const REMINDER_DAYS_AHEAD = 2;
/** A booking made just before (its confirmation has just gone out) gets no reminder on top. */
const FRESH_HOURS = 12;

type Due = BookingRow & { site_slug: string; site_zh: string; site_en: string; free_cancel_days: number };

export async function queueArrivalReminders(
  d1: D1Database,
  assets: Fetcher | undefined,
  now: Date = new Date(),
  limit = 500,
): Promise<number> {
  const arrival = addDays(todayInCounty(now), REMINDER_DAYS_AHEAD);
  const fresh = new Date(now.getTime() - FRESH_HOURS * 3_600_000).toISOString();
  const { results } = await d1
    .prepare(
      `SELECT b.*, c.slug AS site_slug, c.name_zh AS site_zh, c.name_en AS site_en, u.free_cancel_days
         FROM bookings b JOIN unit_types u ON u.id = b.unit_type_id JOIN campsites c ON c.id = u.campsite_id
        WHERE b.status = 'confirmed' AND b.check_in = ? AND b.created_at < ? AND b.erased_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM outbox WHERE booking_id = b.id AND kind = 'booking-reminder')
        ORDER BY b.id LIMIT ?`,
    )
    .bind(arrival, fresh, limit)
    .all<Due>();
  if (!results.length) return 0;
  const places = new Map<string, BookedPlace | null>();
  const statements: D1PreparedStatement[] = [];
  for (const b of results) {
    if (!places.has(b.site_slug)) places.set(b.site_slug, await bookedPlace(assets, "campsites", b.site_slug));
    statements.push(...reminderStatements(d1, b, places.get(b.site_slug) ?? null));
  }
  const written = await d1.batch(statements);
  return written.filter((r, i) => i % 2 === 0 && (r.meta.changes ?? 0) > 0).length;
}

/** The two texts of one booking (the second may be empty of notes: then it is not queued). */
function reminderStatements(d1: D1Database, b: Due, place: BookedPlace | null): D1PreparedStatement[] {
  const lang = guestLang(b.lang);
  const name = lang === "en" ? b.site_en : b.site_zh;
  const notes = [
    place?.altitude ? message(lang, "sms.altitude", { metres: place.altitude }) : "",
    place?.arrivalNote?.[lang] ?? "",
  ]
    .join("")
    .trim();
  const once = (kind: string) => ({
    sql: `NOT EXISTS (SELECT 1 FROM outbox WHERE booking_id = ? AND kind = ?)
          AND EXISTS (SELECT 1 FROM bookings WHERE id = ? AND status = 'confirmed')`,
    values: [b.id, kind, b.id],
  });
  const reminder = tellGuest(
    d1,
    b,
    "booking-reminder",
    {
      place: name,
      dates: datesInText(lang, b.check_in, b.nights),
      until: freeCancellationUntil(b.check_in, b.free_cancel_days),
    },
    once("booking-reminder"),
  );
  const withNotes = notes
    ? tellGuest(d1, b, "booking-reminder-notes", { place: name, notes }, once("booking-reminder-notes"))
    : [d1.prepare("SELECT 0 WHERE 0")];
  return [...reminder, ...withNotes];
}
