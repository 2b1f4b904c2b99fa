import { county } from "../../county.config";
import { addDays } from "../lib/dates";
import { COUNTY_VTIMEZONE, calendar, escapeText, utcStamp } from "../lib/ical";
import type { Lang } from "../lib/lang";
import type { BookingRow } from "./queries";

/** A calendar entry for a guest's own booking: the stay as all-day dates, an activity at its local time. */
export async function stayCalendar(d1: D1Database, row: BookingRow, lang: Lang): Promise<string> {
  const host = new URL(county.siteUrl).host;
  const what = row.unit_type_id
    ? await d1
        .prepare(
          `SELECT u.name_zh, u.name_en, c.name_zh AS site_zh, c.name_en AS site_en, u.check_in_time AS start, u.check_out_time AS finish
           FROM unit_types u JOIN campsites c ON c.id = u.campsite_id WHERE u.id = ?`,
        )
        .bind(row.unit_type_id)
        .first<{ name_zh: string; name_en: string; site_zh: string; site_en: string; start: string; finish: string }>()
    : await d1
        .prepare(
          "SELECT name_zh, name_en, name_zh AS site_zh, name_en AS site_en, start_time AS start, end_time AS finish FROM activity_slots WHERE id = ?",
        )
        .bind(row.slot_id)
        .first<{ name_zh: string; name_en: string; site_zh: string; site_en: string; start: string; finish: string }>();
  const name = lang === "en" ? what?.name_en : what?.name_zh;
  const site = lang === "en" ? what?.site_en : what?.site_zh;
  const summary = row.unit_type_id ? `${site} · ${name}` : (name ?? "");
  const compact = (d: string) => d.replace(/-/g, "");
  const time = (t: string | undefined) => `${(t ?? "00:00").replace(":", "")}00`;
  const when = row.unit_type_id
    ? [`DTSTART;VALUE=DATE:${compact(row.check_in)}`, `DTEND;VALUE=DATE:${compact(addDays(row.check_in, row.nights))}`]
    : [
        `DTSTART;TZID=${county.timeZone}:${compact(row.check_in)}T${time(what?.start)}`,
        `DTEND;TZID=${county.timeZone}:${compact(row.check_in)}T${time(what?.finish)}`,
      ];
  return calendar([
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:-//${host}//bookings//${lang}`,
    "CALSCALE:GREGORIAN",
    ...COUNTY_VTIMEZONE,
    "BEGIN:VEVENT",
    `UID:booking-${row.reference}@${host}`,
    `DTSTAMP:${utcStamp(new Date())}`,
    ...when,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(`${lang === "en" ? "Booking reference" : "预订号"} ${row.reference}`)}`,
    `STATUS:${row.status === "cancelled" ? "CANCELLED" : "CONFIRMED"}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ]);
}
