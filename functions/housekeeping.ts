import { county } from "../county.config";
import { sessionHousekeeping } from "./accounts/sessions";
import { eraseBookingContacts } from "./bookings/erasure";
import { releaseExpiredHolds } from "./bookings/expiry";
import { pastHoldsStatement } from "./bookings/holds";
import { housekeepingStatements } from "./bookings/queries";
import { queueArrivalReminders } from "./bookings/reminders";
import type { Bindings } from "./env";
import { letterHousekeeping } from "./letters/housekeeping";
import { usedChallengeHousekeeping } from "./lib/challenge";
import { todayInCounty } from "./lib/dates";
import { sourceCountHousekeeping } from "./lib/source-limits";
import { eraseMessagesOfErasedContacts } from "./messages/outbox";
import { recoveryHousekeeping } from "./messages/recover";
import { expireUnconfirmedOrders } from "./produce/county-cancel";
import { eraseOrderContacts } from "./produce/erasure";

/**
 * Run by the cron trigger (wrangler.toml [triggers]): idempotency records older
 * than 24 hours are forgotten, stays or activities whose date has passed
 * without a check-in become no-shows, ended sessions and day-old sign-in
 * failures are deleted, and so are throttle records of link resends. Bookings
 * awaiting confirmation past their hold are released first, so they never
 * become no-shows; what phones and addresses held on past nights is forgotten.
 * Orders no cooperative confirmed in time are cancelled and their stock returned
 * (own batch). Contact details of guests and buyers are erased when the privacy
 * page says (county.config.ts), and so are letter writers' (letters/housekeeping.ts, which
 * also queues the county office's morning list of overdue letters). Guests arriving in two days are reminded. Counts of public writes per source from hours gone
 * and answered checks that have expired are forgotten.
 */
export async function housekeeping(
  env: Pick<Bindings, "DB"> & Partial<Pick<Bindings, "ASSETS" | "MEDIA">>,
  now: Date = new Date(),
) {
  const releasedHolds = await releaseExpiredHolds(env.DB, now);
  const reminders = await queueArrivalReminders(env.DB, env.ASSETS, now);
  const expiredOrders = await expireUnconfirmedOrders(env.DB, now);
  const letters = await letterHousekeeping(env, now);
  const today = todayInCounty(now);
  const days = county.privacy.contactRetentionDays;
  // The outbox statement runs after the two erasures it follows.
  const erasures = [
    eraseBookingContacts(env.DB, today, now, days),
    eraseOrderContacts(env.DB, now, days),
    eraseMessagesOfErasedContacts(env.DB),
  ];
  const results = await env.DB.batch([
    ...housekeepingStatements(env.DB, today),
    ...sessionHousekeeping(env.DB, now),
    recoveryHousekeeping(env.DB, now),
    pastHoldsStatement(env.DB, today),
    sourceCountHousekeeping(env.DB, now),
    usedChallengeHousekeeping(env.DB, now),
    ...erasures,
  ]);
  const changes = (result: D1Result | undefined) => result?.meta.changes ?? 0;
  const [erasedBookings, erasedOrders] = results.slice(-erasures.length);
  return {
    prunedKeys: changes(results[0]),
    noShows: changes(results[1]),
    endedSessions: changes(results[2]),
    releasedHolds,
    reminders,
    expiredOrders,
    erasedBookings: changes(erasedBookings),
    erasedOrders: changes(erasedOrders),
    ...letters,
  };
}
