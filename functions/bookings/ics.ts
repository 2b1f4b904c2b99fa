import { county } from "../../county.config";
import { addDays } from "../lib/dates";
import { COUNTY_VTIMEZONE, calendar, escapeText, placeLines, utcStamp } from "../lib/ical";
import { type Lang, localePath } from "../lib/lang";
import { bookedPlace } from "./places";
import type { BookingRow } from "./queries";

interface Booked {
  name_zh: string;
  name_en: string;
  site_zh: string;
  site_en: string;
  start: string;
  finish: string;
  /** The campsite's slug for a stay, the event's for a session. */
  page: string;
}

/**
 * A calendar entry for a guest's own booking: the stay as all-day dates, an
 * activity at its local time; both with the place (from content, via the
 * build's places file) and the campsite's or event's page.
 */
export async function stayCalendar(
  d1: D1Database,
  row: BookingRow,
  lang: Lang,
  assets: Fetcher | undefined,
): Promise<string> {
  const host = new URL(county.siteUrl).host;
  const stay = row.unit_type_id !== null;
  const what = stay
    ? await d1
        .prepare(
          `SELECT u.name_zh, u.name_en, c.name_zh AS site_zh, c.name_en AS site_en, u.check_in_time AS start, u.check_out_time AS finish, c.slug AS page
           FROM unit_types u JOIN campsites c ON c.id = u.campsite_id WHERE u.id = ?`,
        )
        .bind(row.unit_type_id)
        .first<Booked>()
    : await d1
        .prepare(
          "SELECT name_zh, name_en, name_zh AS site_zh, name_en AS site_en, start_time AS start, end_time AS finish, event_slug AS page FROM activity_slots WHERE id = ?",
        )
        .bind(row.slot_id)
        .first<Booked>();
  const name = lang === "en" ? what?.name_en : what?.name_zh;
  const site = lang === "en" ? what?.site_en : what?.site_zh;
  const summary = stay ? `${site} · ${name}` : (name ?? "");
  const compact = (d: string) => d.replace(/-/g, "");
  const time = (t: string | undefined) => `${(t ?? "00:00").replace(":", "")}00`;
  const when = stay
    ? [`DTSTART;VALUE=DATE:${compact(row.check_in)}`, `DTEND;VALUE=DATE:${compact(addDays(row.check_in, row.nights))}`]
    : [
        `DTSTART;TZID=${county.timeZone}:${compact(row.check_in)}T${time(what?.start)}`,
        `DTEND;TZID=${county.timeZone}:${compact(row.check_in)}T${time(what?.finish)}`,
      ];
  const page = what?.page ?? "";
  const place = page ? await bookedPlace(assets, stay ? "campsites" : "events", page) : null;
  const url = new URL(localePath(lang, stay ? `/visit/${page}/` : `/events/${page}/`), county.siteUrl).href;
  const located = place ? { ...place.text[lang], latitude: place.latitude, longitude: place.longitude } : null;
  const words =
    lang === "en"
      ? { ref: "Booking reference", phone: stay ? "Campsite" : "Organiser" }
      : { ref: "预订号", phone: stay ? "营地电话" : "主办方电话" };
  const description = [
    `${words.ref} ${row.reference}`,
    ...(place?.phone ? [`${words.phone} ${place.phone}`] : []),
    url,
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
    `DESCRIPTION:${escapeText(description.join("\n"))}`,
    ...(page ? placeLines(located, url, lang) : []),
    `STATUS:${row.status === "cancelled" ? "CANCELLED" : "CONFIRMED"}`,
    ...(row.status === "cancelled" ? [] : alarm(lang, stay, summary)),
    "END:VEVENT",
    "END:VCALENDAR",
  ]);
}

/**
 * The phone's own reminder, like the text message: two days before a stay (time to
 * check weather and road, and the last free-cancellation day), the evening before an activity.
 */
function alarm(lang: Lang, stay: boolean, summary: string): string[] {
  const before = lang === "en" ? (stay ? "In two days" : "Tomorrow") : stay ? "两天后" : "明天";
  return [
    "BEGIN:VALARM",
    "ACTION:DISPLAY",
    `DESCRIPTION:${escapeText(`${before}: ${summary}`)}`,
    `TRIGGER:${stay ? "-P2D" : "-PT15H"}`,
    "END:VALARM",
  ];
}
