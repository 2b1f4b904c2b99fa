import { county } from "../../county.config";

/** Calendar dates are `YYYY-MM-DD` in the county's time zone; arithmetic runs on UTC midnights. */
const formatter = new Intl.DateTimeFormat("en-CA", {
  timeZone: county.timeZone,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

export function todayInCounty(now: Date = new Date()): string {
  return formatter.format(now);
}

const clock = new Intl.DateTimeFormat("en-CA", {
  timeZone: county.timeZone,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The county's wall-clock time of a UTC timestamp, `YYYY-MM-DD HH:MM`. */
export function countyDateTime(iso: string): string {
  const parts = clock.formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

/** Minutes east of UTC of a time zone at an instant, as Intl knows it: 480 for UTC+8. */
export function utcOffsetMinutes(timeZone: string, instant: Date): number {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return Math.round((wall - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The one UTC offset of a zone that keeps it all year, or an error for a zone
 * with daylight saving time (its offsets at the two solstices differ).
 */
export function fixedUtcOffset(timeZone: string, year: number = new Date().getUTCFullYear()): number {
  const june = utcOffsetMinutes(timeZone, new Date(Date.UTC(year, 5, 21, 12)));
  const december = utcOffsetMinutes(timeZone, new Date(Date.UTC(year, 11, 21, 12)));
  if (june !== december) {
    throw new Error(
      `county.timeZone ${timeZone} has daylight saving time (UTC offset ${june} min in June, ${december} min in December): the SQL county dates use one fixed offset and would be wrong`,
    );
  }
  return june;
}

/**
 * The county's UTC offset in minutes, from `county.timeZone`. SQLite's date
 * functions know no time zones, so queries shift UTC timestamps by this fixed
 * offset; that is valid only for a zone without daylight saving time, which is
 * why this module refuses to load for a zone that has it.
 */
export const COUNTY_UTC_OFFSET_MINUTES = fixedUtcOffset(county.timeZone);

/**
 * The same offset as a quoted SQLite date modifier, "'+8 hours'", for every
 * query that turns a UTC timestamp into a county date or month:
 * `date(created_at, ${COUNTY_SQL_OFFSET})`.
 */
export const COUNTY_SQL_OFFSET = sqlOffset(COUNTY_UTC_OFFSET_MINUTES);

function sqlOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return abs % 60 === 0 ? `'${sign}${abs / 60} hours'` : `'${sign}${abs} minutes'`;
}

/** A UTC offset as ISO 8601 writes it, "+08:00", or iCalendar, "+0800" (separator ""). */
export function formatUtcOffset(minutes: number, separator = ":"): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${sign}${hh}${separator}${mm}`;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Every date from `from` up to but not including `to`. */
export function dateRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d < to; d = addDays(d, 1)) out.push(d);
  return out;
}

export function isRealDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  // Month 00 or 13 does not parse at all (toISOString would throw); 02-30 parses as 03-02.
  const time = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === date;
}
