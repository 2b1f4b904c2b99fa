import { sessionHousekeeping } from "./accounts/sessions";
import { releaseExpiredHolds } from "./bookings/expiry";
import { pastHoldsStatement } from "./bookings/holds";
import { housekeepingStatements } from "./bookings/queries";
import type { Bindings } from "./env";
import { todayInCounty } from "./lib/dates";
import { recoveryHousekeeping } from "./messages/recover";

/**
 * Run by the cron trigger (wrangler.toml [triggers]): idempotency records older
 * than 24 hours are forgotten, stays or activities whose date has passed
 * without a check-in become no-shows, ended sessions and day-old sign-in
 * failures are deleted, and so are throttle records of link resends. Bookings
 * awaiting confirmation past their hold are released first, so they never
 * become no-shows; what phones and addresses held on past nights is forgotten.
 */
export async function housekeeping(env: Pick<Bindings, "DB">, now: Date = new Date()) {
  const releasedHolds = await releaseExpiredHolds(env.DB, now);
  const [pruned, noShows, sessions] = await env.DB.batch([
    ...housekeepingStatements(env.DB, todayInCounty(now)),
    ...sessionHousekeeping(env.DB, now),
    recoveryHousekeeping(env.DB, now),
    pastHoldsStatement(env.DB, todayInCounty(now)),
  ]);
  return {
    prunedKeys: pruned?.meta.changes ?? 0,
    noShows: noShows?.meta.changes ?? 0,
    endedSessions: sessions?.meta.changes ?? 0,
    releasedHolds,
  };
}
