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
