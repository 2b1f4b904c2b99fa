import { sessionHousekeeping } from "./auth/sessions";
import { housekeepingStatements } from "./db/bookings";
import type { Bindings } from "./env";
import { todayInCounty } from "./lib/dates";
import { deliverOrderNotices } from "./notify/orders";

/**
 * Run by the cron trigger (wrangler.toml [triggers]): idempotency records older
 * than 24 hours are forgotten, stays or activities whose date has passed
 * without a check-in become no-shows, ended sessions and day-old sign-in
 * failures are deleted, and new orders a background send missed are e-mailed
 * to their cooperatives (functions/notify/orders.ts).
 */
export async function housekeeping(env: Pick<Bindings, "DB" | "MAIL">, now: Date = new Date()) {
  const [pruned, noShows, sessions] = await env.DB.batch([
    ...housekeepingStatements(env.DB, todayInCounty(now)),
    ...sessionHousekeeping(env.DB, now),
  ]);
  const notices = await deliverOrderNotices(env, { now });
  return {
    prunedKeys: pruned?.meta.changes ?? 0,
    noShows: noShows?.meta.changes ?? 0,
    endedSessions: sessions?.meta.changes ?? 0,
    orderMails: notices.sent,
  };
}
