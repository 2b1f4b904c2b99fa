import { sessionHousekeeping } from "./accounts/sessions";
import { housekeepingStatements } from "./bookings/queries";
import type { Bindings } from "./env";
import { usedChallengeHousekeeping } from "./lib/challenge";
import { todayInCounty } from "./lib/dates";
import { sourceCountHousekeeping } from "./lib/source-limits";
import { recoveryHousekeeping } from "./messages/recover";

/**
 * Run by the cron trigger (wrangler.toml [triggers]): idempotency records older
 * than 24 hours are forgotten, stays or activities whose date has passed
 * without a check-in become no-shows, ended sessions and day-old sign-in
 * failures are deleted, and so are throttle records of link resends, counts of
 * public writes per source from hours gone and answered checks that have expired.
 */
export async function housekeeping(env: Pick<Bindings, "DB">, now: Date = new Date()) {
  const [pruned, noShows, sessions] = await env.DB.batch([
    ...housekeepingStatements(env.DB, todayInCounty(now)),
    ...sessionHousekeeping(env.DB, now),
    recoveryHousekeeping(env.DB, now),
    sourceCountHousekeeping(env.DB, now),
    usedChallengeHousekeeping(env.DB, now),
  ]);
  return {
    prunedKeys: pruned?.meta.changes ?? 0,
    noShows: noShows?.meta.changes ?? 0,
    endedSessions: sessions?.meta.changes ?? 0,
  };
}
