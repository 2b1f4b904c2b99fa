import { fenToDecimal } from "@functions/lib/money";
import type { Lang } from "../../i18n";
import type { CountyEvent, EventSource } from "./model";
import type { EventData, EventStatus } from "./schema";
import { fixedOffset, formatOffset } from "./time";

/** schema.org Event, as search engines read it from the event page. */

const STATUS: Record<EventStatus, string> = {
  scheduled: "https://schema.org/EventScheduled",
  // schema.org has no "tentative": the date is announced, just not final.
  tentative: "https://schema.org/EventScheduled",
  postponed: "https://schema.org/EventPostponed",
  rescheduled: "https://schema.org/EventRescheduled",
  cancelled: "https://schema.org/EventCancelled",
};

export interface JsonLdOptions {
  locale: Lang;
  url: string;
  timeZone: string;
  currency: string;
  countryCode: string;
  region: string;
  bookingUrl: (slotId: string) => string;
  /** Slots are offered only while booking is open. */
  bookable: boolean;
}

function stamp(value: string, offset: string): string {
  return value.length === 10 ? value : `${value}:00${offset}`;
}

function previousStartDate(starts: string[], offset: string) {
  const dates = starts.map((p) => stamp(p, offset));
  if (dates.length === 0) return {};
  return { previousStartDate: dates.length === 1 ? dates[0] : dates };
}

function offers(data: EventData, options: JsonLdOptions) {
  const list: Record<string, unknown>[] = [];
  if (data.price !== "free") {
    list.push({
      "@type": "Offer",
      name: data.priceNote,
      price: fenToDecimal(data.price),
      priceCurrency: options.currency,
      url: options.url,
    });
  }
  if (options.bookable) {
    for (const slot of data.slots) {
      list.push({
        "@type": "Offer",
        name: `${slot.title} ${slot.date} ${slot.start}`,
        price: fenToDecimal(slot.price),
        priceCurrency: options.currency,
        url: options.bookingUrl(slot.id),
      });
    }
  }
  return list;
}

export function eventJsonLd(event: CountyEvent, version: EventSource, options: JsonLdOptions) {
  const { data } = version;
  const offset = formatOffset(fixedOffset(options.timeZone, [Number(event.firstDay.slice(0, 4))]));
  const list = offers(data, options);
  return {
    "@context": "https://schema.org",
    "@type": "Event",
    name: data.title,
    description: data.summary,
    url: options.url,
    inLanguage: options.locale,
    startDate: stamp(event.data.start, offset),
    endDate: stamp(event.data.end, offset),
    eventStatus: STATUS[event.data.status],
    ...previousStartDate(event.data.previousStart, offset),
    eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
    location: {
      "@type": "Place",
      name: data.venue.name,
      address: {
        "@type": "PostalAddress",
        streetAddress: data.venue.address,
        addressLocality: data.venue.area,
        addressRegion: options.region,
        addressCountry: options.countryCode,
      },
      geo: { "@type": "GeoCoordinates", latitude: data.venue.latitude, longitude: data.venue.longitude },
    },
    organizer: {
      "@type": "Organization",
      name: data.organizer.name,
      ...(data.organizer.url ? { url: data.organizer.url } : {}),
      ...(data.organizer.phone ? { telephone: data.organizer.phone } : {}),
    },
    ...(data.price === "free" ? { isAccessibleForFree: true } : {}),
    ...(list.length ? { offers: list } : {}),
  };
}

/** JSON inside <script type="application/ld+json">: "</script" must not appear. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
