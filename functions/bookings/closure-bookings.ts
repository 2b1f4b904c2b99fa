import { conflictProblem, fieldProblem } from "../accounts/problems";
import type { SessionAccount } from "../accounts/sessions";
import { guard } from "../lib/constraints";
import type { BookingRow } from "./queries";
import { cancelForCampsite } from "./staff-cancel";
import { tellGuest } from "./tell-guest";

/**
 * Bookings on nights an operator closes. Closing over them is refused unless the
 * operator chooses to cancel them; then each is cancelled, released and its guest
 * texted in the closure's own batch.
 */

const STILL_BOOKED = ["confirmed", "held"] as const;
const OVERLAPS = `unit_type_id = ? AND status IN ('confirmed', 'held')
  AND check_in <= ? AND date(check_in, '+' || nights || ' days') > ?`;

export interface ClosureRange {
  unit: string;
  from: string;
  to: string;
}

/** The bookings a closure of these nights would leave without a pitch (also listed on the closure form). */
export async function bookingsOnNights(d1: D1Database, r: ClosureRange): Promise<BookingRow[]> {
  const { results } = await d1
    .prepare(`SELECT * FROM bookings WHERE ${OVERLAPS} ORDER BY check_in, id LIMIT 200`)
    .bind(r.unit, r.to, r.from)
    .all<BookingRow>();
  return results;
}

/** The 409 naming the bookings in the way, with nothing written. */
export function bookedNightsProblem(bookings: BookingRow[]) {
  return conflictProblem(
    "closure-booked",
    "dash.closureBooked",
    { references: bookings.map((b) => b.reference).join(", "), n: bookings.length },
    {
      bookings: bookings.map((b) => ({
        reference: b.reference,
        checkIn: b.check_in,
        nights: b.nights,
        status: b.status,
      })),
    },
  );
}

/** A booking made after the list was read refuses the batch: the operator sees the new list. */
export function noOtherBookings(d1: D1Database, r: ClosureRange, known: BookingRow[]): D1PreparedStatement {
  const ids = known.map((b) => b.id);
  const notKnown = ids.length ? ` AND id NOT IN (${ids.map(() => "?").join(", ")})` : "";
  return guard(d1, `EXISTS (SELECT 1 FROM bookings WHERE ${OVERLAPS}${notKnown})`, r.unit, r.to, r.from, ...ids);
}

/** The guest reads the closure's reason in their own language, or in the other if only that one was written. */
function reasonFor(b: BookingRow, reasons: { reasonZh: string; reasonEn: string }): string {
  return b.lang === "en" ? reasons.reasonEn || reasons.reasonZh : reasons.reasonZh || reasons.reasonEn;
}

/** Each affected booking cancelled by the campsite, its nights released, its audit entry and its guest's text. */
export function cancelForClosure(
  d1: D1Database,
  account: SessionAccount,
  bookings: BookingRow[],
  reasons: { reasonZh: string; reasonEn: string },
): D1PreparedStatement[] {
  if (bookings.length && !reasons.reasonZh && !reasons.reasonEn) throw fieldProblem("reasonZh", "dash.closureReason");
  return bookings.flatMap((b) => {
    const reason = reasonFor(b, reasons);
    return [
      ...cancelForCampsite(d1, account, b, reason, STILL_BOOKED, "booking.cancel_closure"),
      ...tellGuest(d1, b, "booking-cancelled", { reason }),
    ];
  });
}
