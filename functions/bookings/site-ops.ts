import type { SessionAccount } from "../accounts/sessions";
import type { UnitType } from "../db/schema";
import { addDays, dateRange } from "../lib/dates";
import type { BookingRow } from "./queries";
import { isClosed } from "./rules";

/**
 * What a site operator sees. Every query takes the signed-in account and only
 * answers inside its scope: an admin sees every campsite, an operator the ones
 * assigned to them, anyone else none. Out of scope reads exactly like "no such
 * row", so the routes can answer 404 for both.
 */

export interface SiteRow {
  id: number;
  slug: string;
  nameZh: string;
  nameEn: string;
  active: number;
}

const SITE_COLUMNS = "c.id, c.slug, c.name_zh AS nameZh, c.name_en AS nameEn, c.active";

/** SQL condition (on campsite alias `c`) and its parameters for an account's scope. */
export function siteScope(account: SessionAccount): { sql: string; params: unknown[] } {
  if (account.role === "admin") return { sql: "1 = 1", params: [] };
  if (account.role === "operator") {
    return { sql: "c.id IN (SELECT campsite_id FROM account_campsites WHERE account_id = ?)", params: [account.id] };
  }
  return { sql: "0 = 1", params: [] };
}

export async function sitesInScope(d1: D1Database, account: SessionAccount): Promise<SiteRow[]> {
  const scope = siteScope(account);
  const { results } = await d1
    .prepare(`SELECT ${SITE_COLUMNS} FROM campsites c WHERE ${scope.sql} ORDER BY c.id`)
    .bind(...scope.params)
    .all<SiteRow>();
  return results;
}

export async function siteInScope(d1: D1Database, account: SessionAccount, slug: string): Promise<SiteRow | null> {
  const scope = siteScope(account);
  return d1
    .prepare(`SELECT ${SITE_COLUMNS} FROM campsites c WHERE c.slug = ? AND ${scope.sql}`)
    .bind(slug, ...scope.params)
    .first<SiteRow>();
}

/**
 * A unit type as UNIT_COLUMNS reads it: every column of the schema's row, but
 * raw D1 gives `active` as the stored 0/1, not drizzle's boolean.
 */
export type UnitRow = Omit<UnitType, "active"> & { active: number };

const UNIT_COLUMNS = `u.id, u.campsite_id AS campsiteId, u.name_zh AS nameZh, u.name_en AS nameEn, u.capacity,
  u.max_guests AS maxGuests, u.price_fen AS priceFen, u.min_nights AS minNights, u.max_nights AS maxNights,
  u.booking_window_days AS bookingWindowDays, u.check_in_time AS checkInTime, u.check_out_time AS checkOutTime,
  u.free_cancel_days AS freeCancelDays, u.sort_order AS sortOrder, u.active`;

export async function unitsOfSite(d1: D1Database, siteId: number): Promise<UnitRow[]> {
  const { results } = await d1
    .prepare(`SELECT ${UNIT_COLUMNS} FROM unit_types u WHERE u.campsite_id = ? ORDER BY u.sort_order, u.id`)
    .bind(siteId)
    .all<UnitRow>();
  return results;
}

/** A unit type, if its campsite is in the account's scope. */
export async function unitInScope(d1: D1Database, account: SessionAccount, unitId: string) {
  const scope = siteScope(account);
  return d1
    .prepare(`SELECT ${UNIT_COLUMNS}, c.slug AS siteSlug FROM unit_types u JOIN campsites c ON c.id = u.campsite_id
              WHERE u.id = ? AND ${scope.sql}`)
    .bind(unitId, ...scope.params)
    .first<UnitRow & { siteSlug: string }>();
}

export interface NightCell {
  capacity: number;
  booked: number;
  closed: boolean;
}

/** Booked and capacity per unit type and night, for the heat map and its JSON twin. */
export async function occupancy(d1: D1Database, siteId: number, from: string, days: number) {
  const to = addDays(from, days);
  const [units, nights, closures] = await d1.batch([
    d1
      .prepare(
        "SELECT id, name_zh, name_en, capacity FROM unit_types WHERE campsite_id = ? AND active = 1 ORDER BY sort_order, id",
      )
      .bind(siteId),
    d1
      .prepare(
        `SELECT n.unit_type_id, n.night, n.capacity, n.booked FROM night_inventory n
         JOIN unit_types u ON u.id = n.unit_type_id WHERE u.campsite_id = ? AND n.night >= ? AND n.night < ?`,
      )
      .bind(siteId, from, to),
    d1
      .prepare(
        `SELECT k.unit_type_id, k.from_date, k.to_date FROM closures k JOIN unit_types u ON u.id = k.unit_type_id
         WHERE u.campsite_id = ? AND k.to_date >= ? AND k.from_date < ?`,
      )
      .bind(siteId, from, to),
  ]);
  const unitRows = (units?.results ?? []) as Array<{ id: string; name_zh: string; name_en: string; capacity: number }>;
  const rows = new Map<string, { capacity: number; booked: number }>();
  for (const r of (nights?.results ?? []) as Array<{
    unit_type_id: string;
    night: string;
    capacity: number;
    booked: number;
  }>) {
    rows.set(`${r.unit_type_id}|${r.night}`, r);
  }
  const closed = (closures?.results ?? []) as Array<{ unit_type_id: string; from_date: string; to_date: string }>;
  const closedOf = new Map(unitRows.map((u) => [u.id, closed.filter((k) => k.unit_type_id === u.id)]));
  return {
    units: unitRows.map((u) => ({ id: u.id, nameZh: u.name_zh, nameEn: u.name_en })),
    nights: dateRange(from, to).map((date) => ({
      date,
      cells: unitRows.map((u): NightCell => {
        const row = rows.get(`${u.id}|${date}`);
        return {
          capacity: row?.capacity ?? u.capacity,
          booked: row?.booked ?? 0,
          closed: isClosed(closedOf.get(u.id) ?? [], date),
        };
      }),
    })),
  };
}

export interface DashBooking extends BookingRow {
  unit_name_zh: string | null;
  unit_name_en: string | null;
  campsite_id: number | null;
  site_slug: string | null;
  site_name_zh: string | null;
  site_name_en: string | null;
}

export const BOOKING_SELECT = `SELECT b.*, coalesce(u.name_zh, s.name_zh) AS unit_name_zh, coalesce(u.name_en, s.name_en) AS unit_name_en,
    c.id AS campsite_id, c.slug AS site_slug, c.name_zh AS site_name_zh, c.name_en AS site_name_en
  FROM bookings b LEFT JOIN unit_types u ON u.id = b.unit_type_id LEFT JOIN campsites c ON c.id = u.campsite_id
  LEFT JOIN activity_slots s ON s.id = b.slot_id`;

/**
 * A booking the account may act on: a stay at a campsite in scope. Activity
 * places have no campsite, so only admins see them.
 */
export async function bookingInScope(d1: D1Database, account: SessionAccount, reference: string) {
  const scope = siteScope(account);
  const slotRule = account.role === "admin" ? "b.slot_id IS NOT NULL" : "0 = 1";
  return d1
    .prepare(
      `${BOOKING_SELECT} WHERE b.reference = ? AND ((b.unit_type_id IS NOT NULL AND ${scope.sql}) OR ${slotRule})`,
    )
    .bind(reference, ...scope.params)
    .first<DashBooking>();
}

/** Stays arriving at a campsite on a date (cancelled ones left out). */
export async function arrivals(d1: D1Database, siteId: number, date: string): Promise<DashBooking[]> {
  const { results } = await d1
    .prepare(
      `${BOOKING_SELECT} WHERE c.id = ? AND b.check_in = ? AND b.status <> 'cancelled' ORDER BY b.contact_name, b.id`,
    )
    .bind(siteId, date)
    .all<DashBooking>();
  return results;
}

/** Large bookings of a campsite awaiting its confirmation, the soonest to run out first. */
export async function heldAtSite(d1: D1Database, siteId: number): Promise<DashBooking[]> {
  const { results } = await d1
    .prepare(`${BOOKING_SELECT} WHERE c.id = ? AND b.status = 'held' ORDER BY b.hold_until, b.id LIMIT 100`)
    .bind(siteId)
    .all<DashBooking>();
  return results;
}

/** Every booking arriving in [from, to) at a campsite, for the CSV export. */
export async function bookingsForExport(
  d1: D1Database,
  siteId: number,
  from: string,
  to: string,
): Promise<DashBooking[]> {
  const { results } = await d1
    .prepare(`${BOOKING_SELECT} WHERE c.id = ? AND b.check_in >= ? AND b.check_in < ? ORDER BY b.check_in, b.id`)
    .bind(siteId, from, to)
    .all<DashBooking>();
  return results;
}

export interface ClosureRow {
  id: number;
  unitTypeId: string;
  fromDate: string;
  toDate: string;
  reasonZh: string;
  reasonEn: string;
}

/** Closures of a campsite that have not ended before `today`. */
export async function closuresOfSite(d1: D1Database, siteId: number, today: string): Promise<ClosureRow[]> {
  const { results } = await d1
    .prepare(
      `SELECT k.id, k.unit_type_id AS unitTypeId, k.from_date AS fromDate, k.to_date AS toDate, k.reason_zh AS reasonZh,
              k.reason_en AS reasonEn
       FROM closures k JOIN unit_types u ON u.id = k.unit_type_id
       WHERE u.campsite_id = ? AND k.to_date >= ? ORDER BY k.from_date, k.id`,
    )
    .bind(siteId, today)
    .all<ClosureRow>();
  return results;
}

export async function closureInScope(d1: D1Database, account: SessionAccount, id: number) {
  const scope = siteScope(account);
  return d1
    .prepare(
      `SELECT k.id, k.unit_type_id AS unitTypeId, k.from_date AS fromDate, k.to_date AS toDate, c.slug AS siteSlug
       FROM closures k JOIN unit_types u ON u.id = k.unit_type_id JOIN campsites c ON c.id = u.campsite_id
       WHERE k.id = ? AND ${scope.sql}`,
    )
    .bind(id, ...scope.params)
    .first<{ id: number; unitTypeId: string; fromDate: string; toDate: string; siteSlug: string }>();
}
