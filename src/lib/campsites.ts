import { getCollection } from "astro:content";
import type { Lang } from "../i18n";

/** The editor-written page of a campsite in one language, if there is one. */
export async function campsiteContent(site: string, locale: Lang) {
  const entries = await getCollection("campsites", (e) => e.data.site === site && e.data.lang === locale);
  return entries[0];
}

export function mapLinks(latitude: number, longitude: number, name: string) {
  return {
    osm: `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=14/${latitude}/${longitude}`,
    amap: `https://uri.amap.com/marker?position=${longitude},${latitude}&name=${encodeURIComponent(name)}&coordinate=wgs84`,
  };
}
