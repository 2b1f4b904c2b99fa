import { addDays } from "../lib/dates";

/**
 * Erases what a guest typed about themselves once the booking no longer needs it
 * (county.config.ts `privacy`): `days` after the stay ended (arrival plus nights; an
 * activity's own day) or after it was cancelled. Dates, numbers and the total stay for
 * statistics; the guest's page still opens, without the contact details.
 */
export function eraseBookingContacts(d1: D1Database, today: string, now: Date, days: number): D1PreparedStatement {
  return d1
    .prepare(
      `UPDATE bookings
          SET contact_name = '', contact_phone = '', contact_email = NULL, notes = NULL,
              phone_hash = NULL, address_hash = NULL, agent_hash = NULL, erased_at = ?1
        WHERE erased_at IS NULL
          AND (date(check_in, '+' || nights || ' days') < ?2 OR (status = 'cancelled' AND cancelled_at < ?3))`,
    )
    .bind(now.toISOString(), addDays(today, -days), new Date(now.getTime() - days * 86_400_000).toISOString());
}
