import type { BookingStatus, UnitType } from "../db/schema";
import { guard } from "../lib/constraints";
import { addDays, dateRange } from "../lib/dates";
import { type BookingSource, holdStatements } from "./holds";
import { placesLeft } from "./rules";

/**
 * The booking engine's SQL. Every write is ONE D1 batch: the idempotency claim,
 * the guards, the capacity increments and the booking row commit together or
 * not at all. Capacity is refused by CHECK constraints (night_inventory,
 * activity_slots), never by a read-then-write in JavaScript.
 */

/** A unit type's booking rules as unitRulesQuery reads them, with its campsite's slug. */
export type UnitTypeRules = Omit<UnitType, "campsiteId" | "sortOrder"> & {
  campsiteSlug: string;
  siteNameZh: string;
  siteNameEn: string;
};

export interface SlotRules {
  id: string;
  eventSlug: string;
  nameZh: string;
  nameEn: string;
  date: string;
  startTime: string;
  endTime: string;
  capacity: number;
  booked: number;
  priceFen: number;
  freeCancelDays: number;
  active: boolean;
}

export interface BookingRow {
  id: number;
  reference: string;
  token_hash: string;
  unit_type_id: string | null;
  slot_id: string | null;
  check_in: string;
  nights: number;
  units: number;
  adults: number;
  children: number;
  contact_name: string;
  contact_phone: string;
  contact_email: string | null;
  notes: string | null;
  lang: string;
  status: BookingStatus;
  total_fen: number;
  created_at: string;
  cancelled_at: string | null;
  cancelled_by: "guest" | "campsite" | "housekeeping" | null;
  cancel_reason: string | null;
  /** Set when its session was moved (session-changes.ts); absent on a row built before the write. */
  free_cancel_until?: string | null;
  hold_until: string | null;
  phone_hash: string | null;
  address_hash: string | null;
  agent_hash: string | null;
}

export const unitRulesQuery = (d1: D1Database, unitId: string) =>
  d1
    .prepare(
      `SELECT u.id, c.slug AS campsiteSlug, c.name_zh AS siteNameZh, c.name_en AS siteNameEn, u.name_zh AS nameZh, u.name_en AS nameEn, u.capacity,
              u.max_guests AS maxGuests, u.price_fen AS priceFen, u.min_nights AS minNights,
              u.max_nights AS maxNights, u.booking_window_days AS bookingWindowDays,
              u.check_in_time AS checkInTime, u.check_out_time AS checkOutTime,
              u.free_cancel_days AS freeCancelDays, (u.active AND c.active) AS active
       FROM unit_types u JOIN campsites c ON c.id = u.campsite_id WHERE u.id = ?`,
    )
    .bind(unitId);

export const closedNightsQuery = (d1: D1Database, unitId: string, from: string, to: string) =>
  d1
    .prepare("SELECT from_date, to_date FROM closures WHERE unit_type_id = ? AND to_date >= ? AND from_date < ?")
    .bind(unitId, from, to);

export const slotRulesQuery = (d1: D1Database, slotId: string) =>
  d1
    .prepare(
      `SELECT id, event_slug AS eventSlug, name_zh AS nameZh, name_en AS nameEn, date, start_time AS startTime,
              end_time AS endTime, capacity, booked, price_fen AS priceFen, free_cancel_days AS freeCancelDays, active
       FROM activity_slots WHERE id = ?`,
    )
    .bind(slotId);

export interface NewBooking {
  reference: string;
  tokenHash: string;
  checkIn: string;
  nights: number;
  units: number;
  adults: number;
  children: number;
  contactName: string;
  contactPhone: string;
  contactEmail: string | null;
  notes: string | null;
  lang: string;
  totalFen: number;
  status: "confirmed" | "held";
  holdUntil: string | null;
  source: BookingSource;
}

const INSERT_BOOKING = `INSERT INTO bookings (reference, token_hash, unit_type_id, slot_id, check_in, nights, units,
  adults, children, contact_name, contact_phone, contact_email, notes, lang, total_fen, status, hold_until,
  phone_hash, address_hash, agent_hash)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

function bookingParams(b: NewBooking, unitId: string | null, slotId: string | null) {
  return [
    b.reference,
    b.tokenHash,
    unitId,
    slotId,
    b.checkIn,
    b.nights,
    b.units,
    b.adults,
    b.children,
    b.contactName,
    b.contactPhone,
    b.contactEmail,
    b.notes,
    b.lang,
    b.totalFen,
    b.status,
    b.holdUntil,
    b.source.phoneHash,
    b.source.addressHash,
    b.source.agentHash,
  ];
}

/** Statements that take `units` on every night of a stay and record the booking. */
export function stayStatements(d1: D1Database, unit: UnitTypeRules, b: NewBooking): D1PreparedStatement[] {
  const nights = dateRange(b.checkIn, addDays(b.checkIn, b.nights));
  return [
    // The unit type may have been deactivated or repriced since it was read.
    guard(
      d1,
      "NOT EXISTS (SELECT 1 FROM unit_types WHERE id = ? AND active = 1 AND price_fen = ?)",
      unit.id,
      unit.priceFen,
    ),
    // Nights closed since the closures were read: the closure's batch, in turn, refuses bookings it did not list.
    guard(
      d1,
      "EXISTS (SELECT 1 FROM closures WHERE unit_type_id = ? AND from_date <= ? AND to_date >= ?)",
      unit.id,
      nights.at(-1) ?? b.checkIn,
      b.checkIn,
    ),
    ...nights.map((night) =>
      d1
        .prepare(
          `INSERT INTO night_inventory (unit_type_id, night, capacity, booked)
           SELECT id, ?, capacity, ? FROM unit_types WHERE id = ?
           ON CONFLICT (unit_type_id, night) DO UPDATE SET booked = booked + excluded.booked`,
        )
        .bind(night, b.units, unit.id),
    ),
    ...holdStatements(
      d1,
      { unitTypeId: unit.id, slotId: null, checkIn: b.checkIn, nights: b.nights },
      nights,
      b.units,
      b.source,
    ),
    d1.prepare(INSERT_BOOKING).bind(...bookingParams(b, unit.id, null)),
  ];
}

export function slotStatements(d1: D1Database, slot: SlotRules, b: NewBooking): D1PreparedStatement[] {
  return [
    guard(
      d1,
      "NOT EXISTS (SELECT 1 FROM activity_slots WHERE id = ? AND active = 1 AND price_fen = ?)",
      slot.id,
      slot.priceFen,
    ),
    d1.prepare("UPDATE activity_slots SET booked = booked + ? WHERE id = ?").bind(b.units, slot.id),
    ...holdStatements(d1, { unitTypeId: null, slotId: slot.id, checkIn: b.checkIn, nights: 0 }, [], b.units, b.source),
    d1.prepare(INSERT_BOOKING).bind(...bookingParams(b, null, slot.id)),
  ];
}

/** Which nights of a stay have fewer than `units` left (for the 409 after a refused batch). */
export async function shortNights(
  d1: D1Database,
  unit: UnitTypeRules,
  checkIn: string,
  nights: number,
  units: number,
): Promise<Array<{ date: string; remaining: number }>> {
  const { results } = await d1
    .prepare("SELECT night, capacity, booked FROM night_inventory WHERE unit_type_id = ? AND night >= ? AND night < ?")
    .bind(unit.id, checkIn, addDays(checkIn, nights))
    .all<{ night: string; capacity: number; booked: number }>();
  return results
    .map((r) => ({ date: r.night, remaining: placesLeft(r.capacity, r.booked) }))
    .filter((r) => r.remaining < units);
}

/** Housekeeping for the cron trigger: forget old idempotency keys, mark no-shows. */
export function housekeepingStatements(d1: D1Database, today: string): D1PreparedStatement[] {
  return [
    d1.prepare("DELETE FROM idempotency_keys WHERE created_at < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1 day')"),
    d1
      .prepare(
        `UPDATE bookings SET status = 'no_show', updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
         WHERE status = 'confirmed' AND check_in < ?`,
      )
      .bind(today),
  ];
}
