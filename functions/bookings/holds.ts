import { county } from "../../county.config";
import { clientAddress, requestSource } from "../lib/client-address";
import { addDays } from "../lib/dates";
import { normalisePhone } from "../lib/phone";
import { sha256Hex } from "../lib/tokens";

/**
 * What one phone, and one request address, may hold: the rows of booking_holds
 * that a booking's own batch adds to and a cancellation takes back. The CHECK on
 * booking_holds (held <= cap) is what refuses a booking over the limit, so a
 * hundred racing requests from one phone cannot pass it either.
 */

/** Where a booking came from, as it stores it: salted hashes only. */
export interface BookingSource {
  phoneHash: string;
  addressHash: string;
  agentHash: string;
  /** Whether the address is a real one: "local" (one machine, no trusted header) counts nobody. */
  addressKnown: boolean;
}

/** The salted hash of a normalised phone: the same for "+86 138-0000-0000" and "13800000000". */
const phoneHash = (secret: string, phone: string) => sha256Hex(`${secret}:booking-phone:${normalisePhone(phone)}`);

export async function bookingSource(
  c: Parameters<typeof requestSource>[0],
  secret: string,
  phone: string,
): Promise<BookingSource> {
  const address = clientAddress(c);
  const [source, phoneKey] = await Promise.all([requestSource(c, secret), phoneHash(secret, phone)]);
  return { ...source, phoneHash: phoneKey, addressKnown: address !== "local" && address !== "unknown" };
}

/** The booking_holds rows a booking counts against: each night of a stay, or its session. */
export interface HeldThings {
  unitTypeId: string | null;
  slotId: string | null;
  checkIn: string;
  nights: number;
}

function whatRange(b: HeldThings): { from: string; to: string } {
  if (b.slotId) return { from: `slot:${b.slotId}`, to: `slot:${b.slotId}` };
  return { from: `stay:${b.checkIn}`, to: `stay:${addDays(b.checkIn, b.nights - 1)}` };
}

function whats(b: HeldThings, nights: string[]): string[] {
  return b.slotId ? [`slot:${b.slotId}`] : nights.map((n) => `stay:${n}`);
}

const phoneHolder = (hash: string) => `phone:${hash}`;
const addressHolder = (hash: string) => `address:${hash}`;

/** Unlimited, for an address nobody can tell apart (every local request is "local"). */
const NO_LIMIT = 1_000_000_000;

/** Statements adding `size` units or places to the phone's and the address's rows. */
export function holdStatements(
  d1: D1Database,
  b: HeldThings,
  nights: string[],
  size: number,
  source: BookingSource,
): D1PreparedStatement[] {
  const { perPhone, perAddress } = county.bookingLimits;
  const stay = !b.slotId;
  const phoneCap = stay ? perPhone.unitsPerNight : perPhone.placesPerSession;
  const addressCap = !source.addressKnown ? NO_LIMIT : stay ? perAddress.unitsPerNight : perAddress.placesPerSession;
  const upsert = (holder: string, cap: number, what: string) =>
    d1
      .prepare(
        `INSERT INTO booking_holds (holder, what, cap, held) VALUES (?, ?, ?, ?)
         ON CONFLICT (holder, what) DO UPDATE SET held = held + excluded.held, cap = excluded.cap`,
      )
      .bind(holder, what, cap, size);
  return whats(b, nights).flatMap((what) => [
    upsert(phoneHolder(source.phoneHash), phoneCap, what),
    upsert(addressHolder(source.addressHash), addressCap, what),
  ]);
}

/**
 * Takes back what a booking held, if `stillHeld` (an SQL condition on the booking,
 * with its values) is true when the statement runs: the booking's own batch
 * changes its status right after.
 */
export function releaseHoldStatement(
  d1: D1Database,
  b: HeldThings & { units: number; phone_hash: string | null; address_hash: string | null },
  stillHeld: { sql: string; params: unknown[] },
): D1PreparedStatement {
  const { from, to } = whatRange(b);
  return d1
    .prepare(
      `UPDATE booking_holds SET held = max(0, held - ?)
       WHERE holder IN (?, ?) AND what >= ? AND what <= ? AND ${stillHeld.sql}`,
    )
    .bind(b.units, phoneHolder(b.phone_hash ?? ""), addressHolder(b.address_hash ?? ""), from, to, ...stillHeld.params);
}

/** After a batch refused by booking_holds_cap: whether the phone (else the address) was over, and on which nights. */
export async function overLimit(
  d1: D1Database,
  b: HeldThings,
  nights: string[],
  size: number,
  source: BookingSource,
): Promise<{ by: "phone" | "address"; nights: string[]; held: number; max: number }> {
  const list = whats(b, nights);
  const { results } = await d1
    .prepare(
      `SELECT holder, what, held, cap FROM booking_holds WHERE holder IN (?, ?) AND what IN (${list.map(() => "?").join(",")})`,
    )
    .bind(phoneHolder(source.phoneHash), addressHolder(source.addressHash), ...list)
    .all<{ holder: string; what: string; held: number; cap: number }>();
  const { perPhone } = county.bookingLimits;
  const phoneCap = b.slotId ? perPhone.placesPerSession : perPhone.unitsPerNight;
  const phoneRows = results.filter((r) => r.holder === phoneHolder(source.phoneHash));
  const over = (held: number, cap: number) => held + size > cap;
  const phoneOver = list.filter((w) => over(phoneRows.find((r) => r.what === w)?.held ?? 0, phoneCap));
  const label = (w: string) => (w.startsWith("stay:") ? w.slice(5) : b.checkIn);
  if (phoneOver.length || size > phoneCap) {
    const held = Math.max(0, ...phoneRows.map((r) => r.held));
    return { by: "phone", nights: (phoneOver.length ? phoneOver : list).map(label), held, max: phoneCap };
  }
  const addressOver = results.filter((r) => r.holder !== phoneHolder(source.phoneHash) && over(r.held, r.cap));
  return {
    by: "address",
    nights: (addressOver.length ? addressOver.map((r) => r.what) : list).map(label),
    held: 0,
    max: 0,
  };
}

/** Housekeeping: rows of nights and sessions that are over can no longer be booked or matter. */
export function pastHoldsStatement(d1: D1Database, today: string): D1PreparedStatement {
  return d1
    .prepare(
      `DELETE FROM booking_holds WHERE (what LIKE 'stay:%' AND what < 'stay:' || ?)
         OR what IN (SELECT 'slot:' || id FROM activity_slots WHERE date < ?)`,
    )
    .bind(today, today);
}
