import type { APIRoute } from "astro";
import { LANGS, type Lang } from "../../i18n";
import { campsiteContent } from "../../lib/campsites";
import { loadCampsitePlaces, loadEvents } from "../../lib/events/load";
import { versionFor } from "../../lib/events/model";

/**
 * Where each campsite and festival event is and whom to call, from content/, for
 * the Worker: a booking's calendar file gives its location and link, and "too
 * late to cancel online" gives the right telephone, the reminder before arrival the
 * altitude, weather and road. Public facts only.
 */
export const GET: APIRoute = async () => {
  const text = (get: (l: Lang) => { name: string; address: string }) =>
    Object.fromEntries(LANGS.map((l) => [l, { name: get(l).name, address: get(l).address }])) as Record<
      Lang,
      { name: string; address: string }
    >;
  const campsites: Record<string, unknown> = {};
  for (const site of new Set((await loadCampsitePlaces()).map((c) => c.site))) {
    const versions = Object.fromEntries(await Promise.all(LANGS.map(async (l) => [l, await campsiteContent(site, l)])));
    const any = versions["zh-CN"] ?? versions.en;
    campsites[site] = {
      phone: any.data.contactPhone,
      latitude: any.data.latitude,
      longitude: any.data.longitude,
      ...(any.data.altitude !== undefined ? { altitude: any.data.altitude } : {}),
      text: text((l) => (versions[l] ?? any).data),
      // What the text two days before arrival says about weather and road.
      arrivalNote: Object.fromEntries(LANGS.map((l) => [l, versions[l]?.data.arrivalNote ?? ""])),
    };
  }
  const events: Record<string, unknown> = {};
  for (const event of await loadEvents()) {
    if (event.data.slots.length === 0) continue;
    const { venue, organizer } = event.data;
    events[event.slug] = {
      phone:
        organizer.phone ?? (event.data.place ? (campsites[event.data.place] as { phone: string }).phone : undefined),
      latitude: venue.latitude,
      longitude: venue.longitude,
      text: text((l) => versionFor(event, l).version.data.venue),
    };
  }
  return new Response(JSON.stringify({ campsites, events }, null, 1), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
};
