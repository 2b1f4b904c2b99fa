import type { Lang } from "../i18n";
import { campsiteContent } from "./campsites";
import { loadEvents } from "./events/load";
import { versionFor } from "./events/model";

/**
 * Who a guest calls about a booking and what it is for, from the content: the
 * campsite's telephone for a stay; for a festival session, its event and the
 * organiser's telephone (or the campsite's, when the event is held at one).
 */
export async function bookedPlace(subject: { site: string } | { event: string }, locale: Lang, fallbackPhone: string) {
  if ("site" in subject) {
    const site = await campsiteContent(subject.site, locale);
    return { kind: "camp" as const, site, phone: site?.data.contactPhone ?? fallbackPhone };
  }
  const event = (await loadEvents()).find((e) => e.slug === subject.event);
  const shown = event ? versionFor(event, locale) : undefined;
  const campsite = event?.data.place ? await campsiteContent(event.data.place, locale) : undefined;
  const phone = event?.data.organizer.phone ?? campsite?.data.contactPhone ?? fallbackPhone;
  return { kind: "organizer" as const, event, shown, phone };
}
