import { type Lang, localePath } from "../../i18n";
import type { CountyEvent } from "./model";
import { formatDay, formatDayRange } from "./time";

/** Addresses and human-readable facts shared by the event pages and lists. */

export const eventPath = (locale: Lang, slug: string) => localePath(locale, `/events/${slug}/`);
export const eventIcsPath = (locale: Lang, slug: string) => localePath(locale, `/events/${slug}.ics`);
export const feedPath = (locale: Lang) => localePath(locale, "/events/calendar.ics");
export const monthPath = (locale: Lang, month: string) => localePath(locale, `/events/calendar/${month}/`);
export const bookingPath = (locale: Lang, slotId: string) =>
  localePath(locale, `/visit/book/?slot=${encodeURIComponent(slotId)}`);

/** "已取消：标题" / "Cancelled: Title": Chinese takes a full-width colon. */
export function labelled(locale: Lang, label: string, text: string): string {
  return `${label}${locale === "zh-CN" ? "：" : ": "}${text}`;
}

/** "2027年3月20日至28日" or "Saturday 19 December 2026, 10:00–17:00". */
export function formatWhen(start: string, end: string, locale: Lang): string {
  const [first, last] = [start.slice(0, 10), end.slice(0, 10)];
  if (start.length === 10) return formatDayRange(first, last, locale);
  const sep = locale === "en" ? ", " : " ";
  const [from, to] = [start.slice(11), end.slice(11)];
  if (first === last) return `${formatDay(first, locale)}${sep}${from}–${to}`;
  return `${formatDay(first, locale)}${sep}${from} – ${formatDay(last, locale)}${sep}${to}`;
}

export function eventWhen(event: CountyEvent, locale: Lang): string {
  return formatWhen(event.data.start, event.data.end, locale);
}

/** A day or day-and-time the event used to start on. */
export function formatStart(start: string, locale: Lang): string {
  if (start.length === 10) return formatDay(start, locale);
  return `${formatDay(start.slice(0, 10), locale)}${locale === "en" ? ", " : " "}${start.slice(11)}`;
}

/** "Riverside Square, Old Town", in the language the venue is written in. */
export function venueLine(venue: { name: string; area: string }, written: Lang): string {
  if (venue.name.includes(venue.area)) return venue.name;
  return `${venue.name}${written === "zh-CN" ? "，" : ", "}${venue.area}`;
}

/** Outbound links only: the portal embeds no third-party maps. */
export function mapLinks(venue: { name: string; latitude: number; longitude: number }, site: string) {
  const { latitude: lat, longitude: lon } = venue;
  const osm = `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=15/${lat}/${lon}`;
  // Amap works in GCJ-02; coordinate=wgs84 tells it to convert our GPS coordinates.
  const amap = new URL("https://uri.amap.com/marker");
  amap.searchParams.set("position", `${lon},${lat}`);
  amap.searchParams.set("name", venue.name);
  amap.searchParams.set("coordinate", "wgs84");
  amap.searchParams.set("callnative", "1");
  amap.searchParams.set("src", new URL(site).host);
  return { osm, amap: amap.href };
}
