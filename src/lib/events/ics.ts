import { calendar, escapeText, fixedOffsetTimezone, placeLines } from "@functions/lib/ical";
import { type Lang, t } from "../../i18n";
import { labelled } from "./display";
import { type CountyEvent, versionFor } from "./model";
import type { EventStatus } from "./schema";
import { addDays, fixedOffset, formatOffset } from "./time";

/** iCalendar (RFC 5545) files for one event or the whole programme. */

export interface CalendarOptions {
  /** Language of the feed: picks each event's version and its page address. */
  locale: Lang;
  siteUrl: string;
  timeZone: string;
  name: string;
  description: string;
  /** Address of this feed, for calendar apps that refresh it. */
  source?: string;
  /** Address of an event's page in the feed's language. */
  eventUrl: (slug: string) => string;
}

const STATUS: Record<EventStatus, "CONFIRMED" | "TENTATIVE" | "CANCELLED"> = {
  scheduled: "CONFIRMED",
  rescheduled: "CONFIRMED",
  tentative: "TENTATIVE",
  // No iCalendar status says "put off, new date to come"; TENTATIVE keeps it on
  // people's calendars while the summary says it is postponed.
  postponed: "TENTATIVE",
  cancelled: "CANCELLED",
};

const compact = (dateTime: string) => dateTime.replace(/[-:]/g, "");

function dateValue(property: string, value: string, timeZone: string): string {
  if (value.length === 10) return `${property};VALUE=DATE:${compact(value)}`;
  return `${property};TZID=${timeZone}:${compact(value)}00`;
}

function description(event: CountyEvent, locale: Lang, url: string): string {
  const { data } = versionFor(event, locale).version;
  const lines = [data.summary];
  if (data.statusNote) lines.push("", data.statusNote);
  if (data.programme.length) {
    lines.push("", t(locale, "events.programme"));
    for (const item of data.programme) {
      const when = `${item.date ?? event.firstDay} ${item.start}${item.end ? `–${item.end}` : ""}`;
      lines.push(`${when} ${item.title}${item.place ? ` (${item.place})` : ""}`);
    }
  }
  lines.push("", url);
  return lines.join("\n");
}

function vevent(event: CountyEvent, options: CalendarOptions, host: string): string[] {
  const shown = versionFor(event, options.locale);
  const { data } = shown.version;
  const lang = shown.locale;
  const url = options.eventUrl(event.slug);
  const prefix =
    event.data.status === "scheduled" ? "" : labelled(lang, t(lang, `events.status.${event.data.status}`), "");
  const stamp = `${compact(event.data.updated)}T000000Z`;
  const end = event.allDay ? addDays(event.lastDay, 1) : event.data.end;
  return [
    "BEGIN:VEVENT",
    `UID:${event.slug}@${host}`,
    `DTSTAMP:${stamp}`,
    `LAST-MODIFIED:${stamp}`,
    `SEQUENCE:${event.sequence}`,
    dateValue("DTSTART", event.data.start, options.timeZone),
    dateValue("DTEND", end, options.timeZone),
    `SUMMARY;LANGUAGE=${lang}:${escapeText(prefix + data.title)}`,
    `DESCRIPTION;LANGUAGE=${lang}:${escapeText(description(event, options.locale, url))}`,
    ...placeLines(data.venue, url, lang),
    `STATUS:${STATUS[event.data.status]}`,
    // A festival lasting days should not mark the whole week as busy.
    `TRANSP:${event.allDay ? "TRANSPARENT" : "OPAQUE"}`,
    "CLASS:PUBLIC",
    "END:VEVENT",
  ];
}

export function buildCalendar(events: CountyEvent[], options: CalendarOptions): string {
  const host = new URL(options.siteUrl).host;
  const years = [...new Set(events.flatMap((e) => [e.firstDay, e.lastDay]).map((d) => Number(d.slice(0, 4))))];
  const timed = events.some((e) => !e.allDay);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:-//${host}//County portal events//${options.locale.toUpperCase()}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `NAME:${escapeText(options.name)}`,
    `X-WR-CALNAME:${escapeText(options.name)}`,
    `DESCRIPTION:${escapeText(options.description)}`,
    `X-WR-CALDESC:${escapeText(options.description)}`,
    `X-WR-TIMEZONE:${options.timeZone}`,
    ...(options.source
      ? [`SOURCE;VALUE=URI:${options.source}`, "REFRESH-INTERVAL;VALUE=DURATION:PT6H", "X-PUBLISHED-TTL:PT6H"]
      : []),
    ...(timed ? fixedOffsetTimezone(options.timeZone, formatOffset(fixedOffset(options.timeZone, years), "")) : []),
    ...events.flatMap((event) => vevent(event, options, host)),
    "END:VCALENDAR",
  ];
  return calendar(lines);
}
