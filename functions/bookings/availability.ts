import { dateRange, todayInCounty } from "../lib/dates";
import type { Lang } from "../lib/lang";
import { inBookingWindow, isClosed, placesLeft } from "./rules";

export interface NightAvailability {
  date: string;
  remaining: number;
  closed: boolean;
  /** False for past nights and nights beyond the booking window. */
  bookable: boolean;
}

export interface UnitAvailability {
  id: string;
  name: string;
  price: number;
  capacity: number;
  nights: NightAvailability[];
}

interface UnitRow {
  id: string;
  name_zh: string;
  name_en: string;
  capacity: number;
  price_fen: number;
  booking_window_days: number;
}

/**
 * Nights left per unit type of a campsite, in ONE round trip (a batch of reads):
 * unit types, the inventory rows in range, and the closures overlapping it.
 */
export async function campsiteAvailability(
  d1: D1Database,
  slug: string,
  from: string,
  to: string,
  lang: Lang,
  now: Date = new Date(),
): Promise<UnitAvailability[] | null> {
  const [units, nights, closed] = await d1.batch([
    d1
      .prepare(
        `SELECT u.id, u.name_zh, u.name_en, u.capacity, u.price_fen, u.booking_window_days
         FROM unit_types u JOIN campsites c ON c.id = u.campsite_id
         WHERE c.slug = ? AND c.active = 1 AND u.active = 1 ORDER BY u.sort_order, u.id`,
      )
      .bind(slug),
    d1
      .prepare(
        `SELECT n.unit_type_id, n.night, n.capacity, n.booked FROM night_inventory n
         JOIN unit_types u ON u.id = n.unit_type_id JOIN campsites c ON c.id = u.campsite_id
         WHERE c.slug = ? AND n.night >= ? AND n.night < ?`,
      )
      .bind(slug, from, to),
    d1
      .prepare(
        `SELECT k.unit_type_id, k.from_date, k.to_date FROM closures k
         JOIN unit_types u ON u.id = k.unit_type_id JOIN campsites c ON c.id = u.campsite_id
         WHERE c.slug = ? AND k.to_date >= ? AND k.from_date < ?`,
      )
      .bind(slug, from, to),
  ]);
  const unitRows = (units?.results ?? []) as unknown as UnitRow[];
  if (unitRows.length === 0) return null;
  const taken = new Map<string, { capacity: number; booked: number }>();
  for (const r of (nights?.results ?? []) as Array<{
    unit_type_id: string;
    night: string;
    capacity: number;
    booked: number;
  }>) {
    taken.set(`${r.unit_type_id}|${r.night}`, { capacity: r.capacity, booked: r.booked });
  }
  const closures = (closed?.results ?? []) as Array<{ unit_type_id: string; from_date: string; to_date: string }>;
  const today = todayInCounty(now);
  const dates = dateRange(from, to);
  return unitRows.map((u) => {
    const own = closures.filter((k) => k.unit_type_id === u.id);
    return {
      id: u.id,
      name: lang === "en" ? u.name_en : u.name_zh,
      price: u.price_fen,
      capacity: u.capacity,
      nights: dates.map((date) => {
        const row = taken.get(`${u.id}|${date}`);
        const closed = isClosed(own, date);
        const remaining = closed ? 0 : placesLeft(row?.capacity ?? u.capacity, row?.booked ?? 0);
        return { date, remaining, closed, bookable: !closed && inBookingWindow(date, today, u.booking_window_days) };
      }),
    };
  });
}
