import { conflictProblem, notFoundProblem } from "../accounts/problems";
import type { SessionAccount } from "../accounts/sessions";
import { auditedBatch } from "../db/audit";
import { GUARD, guard, violated } from "../lib/constraints";
import { addDays, todayInCounty } from "../lib/dates";
import { normaliseReference } from "../lib/tokens";
import { bookingInScope, type DashBooking } from "./site-ops";
import { BOOKING_STATUS_IN_TEXT } from "./status-labels";

/**
 * Check-in and no-show at the campsite. The date rules are checked here; the
 * status rule is checked again inside the batch (a guard), so two staff members
 * pressing the button at once record one change and one audit entry.
 */

const statusJson = (id: number) => ({
  sql: "SELECT json_object('status', status) FROM bookings WHERE id = ?",
  params: [id],
});

/** The last day a booking can still be checked in: the last night of a stay, the day of an activity. */
export const lastDay = (b: DashBooking) =>
  b.unit_type_id ? addDays(b.check_in, Math.max(1, b.nights) - 1) : b.check_in;

function wrongStatus(b: DashBooking) {
  return conflictProblem("wrong-status", "dash.wrongStatus", (lang) => ({
    status: BOOKING_STATUS_IN_TEXT[lang][b.status],
  }));
}

export async function findForDashboard(d1: D1Database, account: SessionAccount, reference: string) {
  const b = await bookingInScope(d1, account, normaliseReference(reference));
  if (!b) throw notFoundProblem();
  return b;
}

async function transition(
  d1: D1Database,
  account: SessionAccount,
  b: DashBooking,
  from: string[],
  to: "checked_in" | "no_show",
) {
  const allowed = from.map(() => "?").join(",");
  try {
    await auditedBatch(
      d1,
      {
        actorId: account.id,
        action: `booking.${to}`,
        targetType: "booking",
        targetId: b.reference,
        beforeSql: statusJson(b.id),
        after: { status: to },
      },
      [
        d1
          .prepare("UPDATE bookings SET status = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?")
          .bind(to, b.id),
      ],
      [guard(d1, `NOT EXISTS (SELECT 1 FROM bookings WHERE id = ? AND status IN (${allowed}))`, b.id, ...from)],
    );
  } catch (error) {
    if (violated(error, GUARD)) {
      const now = await bookingInScope(d1, account, b.reference);
      throw wrongStatus(now ?? b);
    }
    throw error;
  }
  return { ...b, status: to };
}

/** From the arrival day to the last night; a booking marked no-show can still arrive late. */
export async function checkIn(d1: D1Database, account: SessionAccount, reference: string, today = todayInCounty()) {
  const b = await findForDashboard(d1, account, reference);
  if (b.status !== "confirmed" && b.status !== "no_show") throw wrongStatus(b);
  if (today < b.check_in) throw conflictProblem("too-early", "dash.checkInEarly", { date: b.check_in });
  if (today > lastDay(b)) throw conflictProblem("too-late", "dash.checkInOver", { date: lastDay(b) });
  return transition(d1, account, b, ["confirmed", "no_show"], "checked_in");
}

/** Only once the arrival day has come. The places stay taken, as when housekeeping marks it. */
export async function markNoShow(d1: D1Database, account: SessionAccount, reference: string, today = todayInCounty()) {
  const b = await findForDashboard(d1, account, reference);
  if (b.status !== "confirmed") throw wrongStatus(b);
  if (today < b.check_in) throw conflictProblem("too-early", "dash.noShowEarly", { date: b.check_in });
  return transition(d1, account, b, ["confirmed"], "no_show");
}
