import { type CollectionEntry, getCollection } from "astro:content";
import { county } from "../../../county.config";
import { type CountyEvent, groupEvents, listActivitySlots } from "./model";
import { todayIn } from "./time";

type EventEntry = CollectionEntry<"events">;
export type SiteEvent = CountyEvent<EventEntry>;

let loaded: Promise<SiteEvent[]> | undefined;

/** All events, grouped and checked once per build (a bad file stops the build here). */
export async function loadEvents(): Promise<SiteEvent[]> {
  if (import.meta.env.DEV) return groupEvents(await getCollection("events"));
  loaded ??= getCollection("events").then(groupEvents);
  return loaded;
}

/** Every activity slot with its event and status, for loading into the booking database. */
export async function loadActivitySlots() {
  return listActivitySlots(await loadEvents());
}

/**
 * Today's date in the county, at build time: pages are static, so an event moves
 * into the archive (and loses its booking links) at the first build after it ends.
 * Called per page, never at module load: the Workers runtime that prerenders the
 * pages reports the clock as 1970 outside a request.
 */
export function countyToday(): string {
  const today = todayIn(county.timeZone);
  if (today < "2000") throw new Error(`the clock reads ${today}: call countyToday() while rendering a page`);
  return today;
}
