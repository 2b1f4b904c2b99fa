import { county } from "../../county.config";
import type { Lang } from "../lib/lang";

/**
 * Where a booked campsite or festival event is and whom to call. Editors write
 * these in content/, not in D1; the build publishes them as /bookings/places.json
 * (src/pages/bookings/places.json.ts), which the Worker reads from its assets.
 */
export interface BookedPlace {
  phone?: string;
  latitude: number;
  longitude: number;
  text: Record<Lang, { name: string; address: string }>;
  /** A campsite's metres above sea level and its weather-and-road note per language (may be empty). */
  altitude?: number;
  arrivalNote?: Record<Lang, string>;
}

interface Places {
  campsites: Record<string, BookedPlace>;
  events: Record<string, BookedPlace>;
}

/** The place, or null when it is unknown or the assets cannot be read (the caller says less). */
export async function bookedPlace(
  assets: Fetcher | undefined,
  kind: keyof Places,
  key: string,
): Promise<BookedPlace | null> {
  if (!assets) return null;
  try {
    const res = await assets.fetch(new URL("/bookings/places.json", county.siteUrl));
    if (!res.ok) return null;
    const places = (await res.json()) as Places;
    const group = places[kind] ?? {};
    return Object.hasOwn(group, key) ? (group[key] ?? null) : null;
  } catch {
    return null;
  }
}
