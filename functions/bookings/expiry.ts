import { auditStatement } from "../db/audit";
import { GUARD, violated } from "../lib/constraints";
import type { BookingRow } from "./queries";
import { releaseStatements } from "./release";
import { tellGuest } from "./tell-guest";

/**
 * A booking awaiting confirmation keeps its places only until its hold_until:
 * the hourly housekeeping cancels the ones the campsite left unanswered, each in
 * its own batch (status guard, audit entry, released places, the guest's text),
 * so one the campsite confirms at the same moment is simply skipped.
 */
export async function releaseExpiredHolds(d1: D1Database, now: Date = new Date(), limit = 200): Promise<number> {
  const { results } = await d1
    .prepare("SELECT * FROM bookings WHERE status = 'held' AND hold_until < ? ORDER BY hold_until LIMIT ?")
    .bind(now.toISOString(), limit)
    .all<BookingRow>();
  let released = 0;
  for (const b of results) {
    const [statusGuard, ...release] = releaseStatements(d1, b, { from: ["held"], by: "housekeeping" });
    try {
      await d1.batch([
        ...(statusGuard ? [statusGuard] : []),
        auditStatement(d1, {
          actorId: null,
          action: "booking.hold_expired",
          targetType: "booking",
          targetId: b.reference,
          before: { status: "held", holdUntil: b.hold_until },
          after: { status: "cancelled" },
        }),
        ...release,
        ...tellGuest(d1, b, "booking-hold-expired"),
      ]);
      released++;
    } catch (error) {
      if (!violated(error, GUARD)) throw error;
    }
  }
  return released;
}
