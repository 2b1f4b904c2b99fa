import { conflictProblem } from "../accounts/problems";
import type { SessionAccount } from "../accounts/sessions";
import { auditStatement } from "../db/audit";
import type { BookingStatus } from "../db/schema";
import { GUARD, guard, violated } from "../lib/constraints";
import type { BookingRow } from "./queries";
import { releaseStatements } from "./release";
import { bookingInScope, type DashBooking } from "./site-ops";
import { findForDashboard } from "./staff-actions";
import { BOOKING_STATUS_IN_TEXT } from "./status-labels";
import { tellGuest } from "./tell-guest";

/**
 * What the campsite decides about a booking: cancel it with a reason, confirm or
 * decline one awaiting confirmation. Each is one batch: the status guard, the
 * audit entry, the released nights or places, and the guest's text message.
 */

/** Staff may also cancel a no-show, to free its pitches for the remaining nights. */
export const STAFF_CANCELS: readonly BookingStatus[] = ["confirmed", "held", "no_show"];

const statusJson = (id: number) => ({
  sql: "SELECT json_object('status', status) FROM bookings WHERE id = ?",
  params: [id],
});

function wrongStatus(status: BookingStatus) {
  return conflictProblem("wrong-status", "dash.wrongStatus", (lang) => ({
    status: BOOKING_STATUS_IN_TEXT[lang][status],
  }));
}

/** Runs a decision's batch; a guard refusal (the status changed meanwhile) becomes the 409 of the new status. */
async function decide(d1: D1Database, account: SessionAccount, b: DashBooking, statements: D1PreparedStatement[]) {
  try {
    await d1.batch(statements);
  } catch (error) {
    if (violated(error, GUARD)) {
      const now = await bookingInScope(d1, account, b.reference);
      throw wrongStatus(now?.status ?? b.status);
    }
    throw error;
  }
}

/** Statements cancelling one booking for the campsite, with its audit entry (`action`). */
export function cancelForCampsite(
  d1: D1Database,
  account: SessionAccount,
  b: BookingRow,
  reason: string,
  from: readonly BookingStatus[],
  action: string,
): D1PreparedStatement[] {
  const [statusGuard, ...release] = releaseStatements(d1, b, { from, by: "campsite", reason });
  return [
    ...(statusGuard ? [statusGuard] : []),
    auditStatement(d1, {
      actorId: account.id,
      action,
      targetType: "booking",
      targetId: b.reference,
      beforeSql: statusJson(b.id),
      after: { status: "cancelled", reason },
    }),
    ...release,
  ];
}

export async function staffCancel(d1: D1Database, account: SessionAccount, reference: string, reason: string) {
  const b = await findForDashboard(d1, account, reference);
  if (!STAFF_CANCELS.includes(b.status)) throw wrongStatus(b.status);
  await decide(d1, account, b, [
    ...cancelForCampsite(d1, account, b, reason, STAFF_CANCELS, "booking.cancel"),
    ...tellGuest(d1, b, "booking-cancelled", { reason }),
  ]);
  return { reference: b.reference, status: "cancelled" as const, reason, site: b.site_slug };
}

export async function declineHeld(d1: D1Database, account: SessionAccount, reference: string, reason: string) {
  const b = await findForDashboard(d1, account, reference);
  if (b.status !== "held") throw wrongStatus(b.status);
  await decide(d1, account, b, [
    ...cancelForCampsite(d1, account, b, reason, ["held"], "booking.decline"),
    ...tellGuest(d1, b, "booking-declined", { reason }),
  ]);
  return { reference: b.reference, status: "cancelled" as const, reason, site: b.site_slug };
}

export async function confirmHeld(d1: D1Database, account: SessionAccount, reference: string) {
  const b = await findForDashboard(d1, account, reference);
  if (b.status !== "held") throw wrongStatus(b.status);
  await decide(d1, account, b, [
    guard(d1, "NOT EXISTS (SELECT 1 FROM bookings WHERE id = ? AND status = 'held')", b.id),
    auditStatement(d1, {
      actorId: account.id,
      action: "booking.confirm",
      targetType: "booking",
      targetId: b.reference,
      beforeSql: statusJson(b.id),
      after: { status: "confirmed" },
    }),
    d1
      .prepare(
        `UPDATE bookings SET status = 'confirmed', hold_until = NULL,
           updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ? AND status = 'held'`,
      )
      .bind(b.id),
    ...tellGuest(d1, b, "booking-confirmed"),
  ]);
  return { reference: b.reference, status: "confirmed" as const, site: b.site_slug };
}
