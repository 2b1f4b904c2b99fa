import type { APIRoute } from "astro";
import { loadEvents } from "../../lib/events/load";

/**
 * What this build holds of festival events, for the Worker (functions/events/editions.ts):
 * the last event edition published from the dashboard it includes (`seq`), so the
 * dashboard can say "live" or "site rebuilding", and every event's address.
 */
export const GET: APIRoute = async () => {
  const all = await loadEvents();
  let seq = 0;
  for (const event of all) {
    for (const version of Object.values(event.versions)) {
      const edition = (version?.data as { edition?: { seq: number } } | undefined)?.edition;
      if (edition && edition.seq > seq) seq = edition.seq;
    }
  }
  return new Response(JSON.stringify({ seq, slugs: all.map((e) => e.slug) }), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
};
