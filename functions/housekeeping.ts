import { housekeepingStatements } from "./db/bookings";
import type { Bindings } from "./env";
import { todayInCounty } from "./lib/dates";

/**
 * Run by the cron trigger (wrangler.toml [triggers]): idempotency records older
 * than 24 hours are forgotten, and stays or activities whose date has passed
 * without a check-in become no-shows.
 */
export async function housekeeping(env: Pick<Bindings, "DB">, now: Date = new Date()) {
  const [pruned, noShows] = await env.DB.batch(housekeepingStatements(env.DB, todayInCounty(now)));
  return { prunedKeys: pruned?.meta.changes ?? 0, noShows: noShows?.meta.changes ?? 0 };
}
