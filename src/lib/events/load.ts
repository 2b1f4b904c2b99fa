import { type CollectionEntry, getCollection } from "astro:content";
import { county } from "../../../county.config";
import { type CampsitePlace, checkPlaces, placePoints, resolveVenue } from "../places";
import { type CountyEvent, groupEvents, listActivitySlots } from "./model";
import { type EventData, eventSchema } from "./schema";
import { todayIn } from "./time";

type EventEntry = Omit<CollectionEntry<"events">, "data"> & { data: EventData };
export type SiteEvent = CountyEvent<EventEntry>;

let loaded: Promise<SiteEvent[]> | undefined;

/** The campsite files as places: where they are, in each language. */
export async function loadCampsitePlaces(): Promise<CampsitePlace[]> {
  return (await getCollection("campsites")).map(({ data, filePath, id }) => ({
    site: data.site,
    lang: data.lang,
    where: filePath ?? id,
    name: data.name,
    township: data.township,
    village: data.village,
    address: data.address,
    directions: data.directions,
    latitude: data.latitude,
    longitude: data.longitude,
  }));
}

type Entry = CollectionEntry<"events"> & { liveHtml?: string };

async function load(extra: Entry[] = []): Promise<SiteEvent[]> {
  const [built, campsites] = await Promise.all([getCollection("events"), loadCampsitePlaces()]);
  const replaced = new Set(extra.map((e) => e.id.split("/").at(-2)));
  const entries: Entry[] = [...built.filter((e) => !replaced.has(e.id.split("/").at(-2))), ...extra];
  const where = (e: (typeof entries)[number]) => e.filePath ?? e.id;
  checkPlaces(
    placePoints(
      campsites,
      entries.map((e) => ({ where: where(e), front: e.data })),
    ),
  );
  const lang = (e: (typeof entries)[number]) => (/\/en(\.md)?$/.test(where(e)) ? "en" : "zh-CN");
  return groupEvents(
    entries.map((e) => ({ ...e, data: { ...e.data, venue: resolveVenue(e.data, lang(e), campsites, where(e)) } })),
  );
}

/** All events, grouped and checked once per build (a bad file stops the build here). */
export async function loadEvents(): Promise<SiteEvent[]> {
  if (import.meta.env.DEV) return load();
  loaded ??= load();
  return loaded;
}

/**
 * The events as the build has them, with editions published since (the Worker's
 * on-demand pages until the rebuild, functions/events/live.ts): each replaces the
 * build's versions of its event.
 */
export async function loadEventsWith(
  editions: {
    id: number;
    slug: string;
    versions: Partial<Record<"zh-CN" | "en", { frontMatter: unknown; html: string }>>;
  }[],
): Promise<SiteEvent[]> {
  const extra: Entry[] = editions.flatMap((edition) =>
    (["zh-CN", "en"] as const).flatMap((lang) => {
      const version = edition.versions[lang];
      if (!version) return [];
      const entry = {
        id: `editions/${edition.id}/${edition.slug}/${lang}`,
        collection: "events",
        data: eventSchema.parse(version.frontMatter),
        liveHtml: version.html,
      };
      return [entry as unknown as Entry];
    }),
  );
  return load(extra);
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
