import type { Lang } from "../i18n";
import type { EventFrontMatter, Venue } from "./events/schema";

/**
 * One place, one name, one coordinate, one set of directions. A campsite is
 * described once, in content/campsites (one file per language); an event held
 * there names it by key (`place: <campsite key>`) and takes everything from it. The
 * build refuses content that gives one place two coordinates.
 */

/** What a campsite file says about where it is. */
export interface CampsitePlace {
  site: string;
  lang: Lang;
  /** The file, for messages. */
  where: string;
  name: string;
  township: string;
  village: string;
  address: string;
  directions: string;
  latitude: number;
  longitude: number;
}

export class PlaceContentError extends Error {}

/** "某某乡某某村" / "Such Village, Such Township". */
function campsiteArea(c: Pick<CampsitePlace, "lang" | "township" | "village">): string {
  return c.lang === "zh-CN" ? `${c.township}${c.village}` : `${c.village}, ${c.township}`;
}

/** The venue of an event in one language: its own, or its campsite's. */
export function resolveVenue(
  front: Pick<EventFrontMatter, "venue" | "place">,
  lang: Lang,
  campsites: readonly CampsitePlace[],
  where: string,
): Venue {
  if (front.venue) return front.venue;
  const forSite = campsites.filter((c) => c.site === front.place);
  const site = forSite.find((c) => c.lang === lang) ?? forSite[0];
  if (!site) {
    const known = [...new Set(campsites.map((c) => c.site))].join(", ");
    throw new PlaceContentError(
      `${where}: field "place": no campsite "${front.place}" in content/campsites (${known})`,
    );
  }
  const { name, address, directions, latitude, longitude } = site;
  return { name, area: campsiteArea(site), address, directions, latitude, longitude };
}

/** A point on the map as some file gives it, under every name it is known by. */
export interface PlacePoint {
  where: string;
  /** Names that mean this place: a campsite's key and its names, or a venue's name. */
  names: string[];
  latitude: number;
  longitude: number;
}

/** Throws, naming both files, when one name is given two different coordinates. */
export function checkPlaces(points: readonly PlacePoint[]): void {
  const seen = new Map<string, PlacePoint>();
  for (const point of points) {
    for (const name of point.names) {
      const first = seen.get(name);
      if (!first) {
        seen.set(name, point);
        continue;
      }
      if (first.latitude !== point.latitude || first.longitude !== point.longitude) {
        throw new PlaceContentError(
          `${point.where}: "${name}" is at ${point.latitude}, ${point.longitude} but ${first.where} puts it at ${first.latitude}, ${first.longitude}; one place has one coordinate (name a campsite with place: <key>)`,
        );
      }
    }
  }
}

/** Every point the content gives: each campsite file, and each event's own venue. */
export function placePoints(
  campsites: readonly CampsitePlace[],
  events: ReadonlyArray<{ where: string; front: Pick<EventFrontMatter, "venue"> }>,
): PlacePoint[] {
  return [
    ...campsites.map((c) => ({
      where: c.where,
      names: [`campsite:${c.site}`, c.name],
      latitude: c.latitude,
      longitude: c.longitude,
    })),
    ...events.flatMap(({ where, front }) =>
      front.venue
        ? [{ where, names: [front.venue.name], latitude: front.venue.latitude, longitude: front.venue.longitude }]
        : [],
    ),
  ];
}
