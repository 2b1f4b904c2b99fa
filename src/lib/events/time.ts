import { utcOffsetMinutes } from "@functions/lib/dates";
import type { Lang } from "../../i18n";

/**
 * Calendar arithmetic on wall-clock strings ("2027-03-20", "2027-03-20T09:30").
 * Event times are local to the county, so most work never needs a time zone;
 * only UTC stamps and offsets do, and those go through Intl.
 */

function parts(day: string): [number, number, number] {
  return day.split("-").map(Number) as [number, number, number];
}

function utcDate(day: string): Date {
  const [y, m, d] = parts(day);
  return new Date(Date.UTC(y, m - 1, d));
}

export function addDays(day: string, n: number): string {
  const date = utcDate(day);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/** Monday is 0: weeks in China start on Monday. */
export function weekdayIndex(day: string): number {
  return (utcDate(day).getUTCDay() + 6) % 7;
}

/** The wall-clock date and time of an instant in a time zone. */
function wallClock(instant: Date, timeZone: string): { day: string; time: string } {
  const fmt = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  });
  const p = Object.fromEntries(fmt.formatToParts(instant).map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** Today's date where the county is (not where the build machine is). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return wallClock(now, timeZone).day;
}

/** "+08:00" (defined once, in functions/lib/dates). */
export { formatUtcOffset as formatOffset } from "@functions/lib/dates";

/**
 * The offset every event time is written in. Calendar files describe the zone
 * with a single fixed offset, which is right for China (no daylight saving time
 * since 1991); a zone that changes offset would need real rules, so the build
 * stops instead of writing wrong times.
 */
export function fixedOffset(timeZone: string, years: number[]): number {
  const offsets = new Set<number>();
  for (const year of years) {
    for (const month of [0, 3, 6, 9]) offsets.add(utcOffsetMinutes(timeZone, new Date(Date.UTC(year, month, 15))));
  }
  if (offsets.size !== 1) {
    throw new Error(`time zone ${timeZone} changes its UTC offset during the year; event calendars cannot use it`);
  }
  return [...offsets][0] as number;
}

const intlLocale: Record<Lang, string> = { "zh-CN": "zh-CN", en: "en-GB" };

function dayFormat(locale: Lang, options: Intl.DateTimeFormatOptions) {
  return new Intl.DateTimeFormat(intlLocale[locale], { timeZone: "UTC", ...options });
}

/**
 * "2027年3月20日星期六" / "Saturday 20 March 2027". English is put together from
 * parts: CLDR versions disagree on a comma after the weekday.
 */
export function formatDay(day: string, locale: Lang, weekday = true): string {
  const options: Intl.DateTimeFormatOptions = { year: "numeric", month: "long", day: "numeric" };
  const format = dayFormat(locale, weekday ? { ...options, weekday: "long" } : options);
  if (locale !== "en") return format.format(utcDate(day));
  const p = Object.fromEntries(format.formatToParts(utcDate(day)).map((x) => [x.type, x.value]));
  return [p.weekday, p.day, p.month, p.year].filter(Boolean).join(" ");
}

/**
 * "2027年3月20日至28日" / "20–28 March 2027". Written out by hand because ICU's
 * range format for zh-CN falls back to "2027/3/20 – 2027/3/28".
 */
export function formatDayRange(first: string, last: string, locale: Lang): string {
  if (first === last) return formatDay(first, locale);
  const [fy, fm, fd] = parts(first);
  const [ly, lm, ld] = parts(last);
  const month = (m: number) => dayFormat(locale, { month: "long" }).format(new Date(Date.UTC(2024, m - 1, 1)));
  if (locale === "zh-CN") {
    if (fy !== ly) return `${fy}年${fm}月${fd}日至${ly}年${lm}月${ld}日`;
    return fm === lm ? `${fy}年${fm}月${fd}日至${ld}日` : `${fy}年${fm}月${fd}日至${lm}月${ld}日`;
  }
  if (fy !== ly) return `${fd} ${month(fm)} ${fy} – ${ld} ${month(lm)} ${ly}`;
  return fm === lm ? `${fd}–${ld} ${month(lm)} ${ly}` : `${fd} ${month(fm)} – ${ld} ${month(lm)} ${ly}`;
}

/** "2027年3月" / "March 2027" */
export function formatMonth(month: string, locale: Lang): string {
  return dayFormat(locale, { year: "numeric", month: "long" }).format(utcDate(`${month}-01`));
}

/** "3月20日" / "20 Mar": short, for calendars and timelines. */
export function formatShortDay(day: string, locale: Lang): string {
  return dayFormat(locale, { month: locale === "en" ? "short" : "long", day: "numeric" }).format(utcDate(day));
}

/** Names for calendar column headers; "narrow" fits a phone and stays unambiguous (Tu/Th). */
export function weekdayNames(locale: Lang): Array<{ short: string; narrow: string; long: string }> {
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const date = utcDate(addDays("2024-01-01", i));
    const short = dayFormat(locale, { weekday: "short" }).format(date);
    return {
      short,
      narrow: locale === "en" ? short.slice(0, 2) : dayFormat(locale, { weekday: "narrow" }).format(date),
      long: dayFormat(locale, { weekday: "long" }).format(date),
    };
  });
}
