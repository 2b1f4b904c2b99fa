import type { APIRoute } from "astro";
import { loadActivitySlots } from "../../lib/events/load";

/**
 * The bookable activity sessions defined in content/events, as public data.
 * The Worker imports them into D1 from its assets (functions/bookings/session-import.ts),
 * where places are counted; the content stays the source of truth for dates, times,
 * capacity and price, and the event's status and note say what happens to bookings.
 */
export const GET: APIRoute = async () => {
  const slots = await loadActivitySlots();
  return new Response(JSON.stringify(slots, null, 1), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
};
