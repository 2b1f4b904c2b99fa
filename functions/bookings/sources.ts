import { county } from "../../county.config";
import { conflictProblem } from "../accounts/problems";
import type { SessionAccount } from "../accounts/sessions";
import { GUARD, violated } from "../lib/constraints";
import { maskPhone } from "../lib/phone";
import { BOOKING_SELECT, type DashBooking, siteScope } from "./site-ops";
import { findForDashboard } from "./staff-actions";
import { cancelForCampsite } from "./staff-cancel";

/**
 * Finding and removing a flood of bookings: every booking keeps salted hashes of
 * its phone and request address (functions/bookings/holds.ts), so staff see
 * recent bookings grouped by where they came from, and cancel all bookings of
 * one phone in one batch. Only bookings in the account's scope are seen or touched.
 */

/** Bookings still holding places. */
const ACTIVE = ["confirmed", "held"] as const;
/** At most this many bookings cancelled at once (one D1 batch); a larger flood takes a second press. */
export const BULK_MAX = 100;

/** Stays at campsites in scope, and for admins activity places too (as bookingInScope). */
function bookingScope(account: SessionAccount) {
  const scope = siteScope(account);
  const slotRule = account.role === "admin" ? "b.slot_id IS NOT NULL" : "0 = 1";
  return { sql: `((b.unit_type_id IS NOT NULL AND ${scope.sql}) OR ${slotRule})`, params: scope.params };
}

export interface PhoneBooking {
  reference: string;
  phone: string;
  what: string;
  checkIn: string;
  nights: number;
  units: number;
  status: DashBooking["status"];
}

/** The active bookings with the same phone as `reference` (that booking alone when it predates phone hashes). */
async function samePhone(d1: D1Database, account: SessionAccount, reference: string) {
  const b = await findForDashboard(d1, account, reference);
  const scope = bookingScope(account);
  const { results } = await d1
    .prepare(
      `${BOOKING_SELECT} WHERE (b.phone_hash = ? OR b.id = ?) AND b.status IN ('confirmed', 'held') AND ${scope.sql}
       ORDER BY b.check_in, b.id LIMIT ?`,
    )
    .bind(b.phone_hash ?? "", b.id, ...scope.params, BULK_MAX)
    .all<DashBooking>();
  return { booking: b, rows: results };
}

export async function phoneBookings(d1: D1Database, account: SessionAccount, reference: string, lang: "zh-CN" | "en") {
  const { booking, rows } = await samePhone(d1, account, reference);
  return {
    reference: booking.reference,
    phone: maskPhone(booking.contact_phone),
    bookings: rows.map(
      (r): PhoneBooking => ({
        reference: r.reference,
        phone: maskPhone(r.contact_phone),
        what: [lang === "en" ? r.site_name_en : r.site_name_zh, lang === "en" ? r.unit_name_en : r.unit_name_zh]
          .filter(Boolean)
          .join(" · "),
        checkIn: r.check_in,
        nights: r.nights,
        units: r.units,
        status: r.status,
      }),
    ),
  };
}

/** Cancels every active booking of the phone in scope, in one batch with one audit entry each. */
export async function cancelPhoneBookings(d1: D1Database, account: SessionAccount, reference: string, reason: string) {
  const { booking, rows } = await samePhone(d1, account, reference);
  // No text message: a flood's phone is often someone else's, who should not get a hundred messages.
  const statements = rows.flatMap((r) => cancelForCampsite(d1, account, r, reason, ACTIVE, "booking.cancel_by_phone"));
  if (statements.length) {
    try {
      await d1.batch(statements);
    } catch (error) {
      if (violated(error, GUARD)) throw conflictProblem("changed", "dash.changedMeanwhile");
      throw error;
    }
  }
  return { reference: booking.reference, cancelled: rows.map((r) => r.reference), reason };
}

export interface SourceGroup {
  /** The first characters of the address hash: enough to tell groups apart, nothing to trace. */
  source: string;
  bookings: number;
  /** Unit-nights (and activity places) still held by the group's active bookings. */
  held: number;
  phones: Array<{ phone: string; bookings: number; reference: string }>;
  last: string;
}

/** Recent stays at one campsite grouped by request address, the largest holders first. */
export async function bookingSources(d1: D1Database, siteId: number, now = new Date(), limit = 30) {
  const since = new Date(now.getTime() - county.bookingLimits.sourceDays * 86_400_000).toISOString();
  const from = `FROM bookings b JOIN unit_types u ON u.id = b.unit_type_id
    WHERE b.address_hash IS NOT NULL AND b.created_at >= ? AND u.campsite_id = ?`;
  const active = "b.status IN ('confirmed', 'held')";
  const { results: groups } = await d1
    .prepare(
      `SELECT b.address_hash AS hash, count(*) AS bookings, max(b.created_at) AS last,
              sum(CASE WHEN ${active} THEN b.units * max(b.nights, 1) ELSE 0 END) AS held
       ${from} GROUP BY b.address_hash ORDER BY held DESC, bookings DESC LIMIT ?`,
    )
    .bind(since, siteId, limit)
    .all<{ hash: string; bookings: number; last: string; held: number }>();
  if (!groups.length) return [];
  const { results: phones } = await d1
    .prepare(
      `SELECT b.address_hash AS hash, b.phone_hash AS phoneHash, min(b.contact_phone) AS phone, count(*) AS bookings,
              min(b.reference) AS reference
       ${from} AND ${active} AND b.address_hash IN (${groups.map(() => "?").join(",")})
       GROUP BY b.address_hash, b.phone_hash ORDER BY bookings DESC`,
    )
    .bind(since, siteId, ...groups.map((g) => g.hash))
    .all<{ hash: string; phoneHash: string | null; phone: string; bookings: number; reference: string }>();
  return groups.map(
    (g): SourceGroup => ({
      source: g.hash.slice(0, 10),
      bookings: g.bookings,
      held: g.held,
      last: g.last,
      phones: phones
        .filter((p) => p.hash === g.hash)
        .map((p) => ({ phone: maskPhone(p.phone), bookings: p.bookings, reference: p.reference })),
    }),
  );
}
