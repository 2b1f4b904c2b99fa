import type { BookingStatus } from "../db/schema";
import { guard } from "../lib/constraints";
import { addDays } from "../lib/dates";
import { releaseHoldStatement } from "./holds";
import type { BookingRow } from "./queries";

/**
 * Cancelling a booking, whoever does it (the guest, the campsite, housekeeping
 * when a hold runs out): the statements for ONE batch that refuse unless the
 * booking is still in one of `from`, give back its nights or places and what its
 * phone and address held, and mark it cancelled with who and why.
 */
export interface Release {
  from: readonly BookingStatus[];
  by: "guest" | "campsite" | "housekeeping";
  reason?: string | null;
}

export function releaseStatements(d1: D1Database, booking: BookingRow, release: Release): D1PreparedStatement[] {
  const allowed = release.from.map(() => "?").join(", ");
  const still = {
    sql: `EXISTS (SELECT 1 FROM bookings WHERE id = ? AND status IN (${allowed}))`,
    params: [booking.id, ...release.from],
  };
  const giveBack = booking.unit_type_id
    ? d1
        .prepare(
          `UPDATE night_inventory SET booked = booked - ?
           WHERE unit_type_id = ? AND night >= ? AND night < ? AND ${still.sql}`,
        )
        .bind(
          booking.units,
          booking.unit_type_id,
          booking.check_in,
          addDays(booking.check_in, booking.nights),
          ...still.params,
        )
    : d1
        .prepare(`UPDATE activity_slots SET booked = booked - ? WHERE id = ? AND ${still.sql}`)
        .bind(booking.units, booking.slot_id, ...still.params);
  return [
    guard(d1, `NOT ${still.sql}`, ...still.params),
    giveBack,
    releaseHoldStatement(
      d1,
      { unitTypeId: booking.unit_type_id, slotId: booking.slot_id, checkIn: booking.check_in, ...booking },
      still,
    ),
    d1
      .prepare(
        `UPDATE bookings SET status = 'cancelled', cancelled_by = ?, cancel_reason = ?, hold_until = NULL,
           cancelled_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
         WHERE id = ? AND status IN (${allowed})`,
      )
      .bind(release.by, release.reason ?? null, booking.id, ...release.from),
  ];
}
