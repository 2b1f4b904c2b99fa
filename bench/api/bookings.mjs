// POST /api/bookings at rising concurrency against the baseline's one-INSERT write.
// After each level: no night is overbooked and the inventory matches the bookings.
// At the end: 100 racing requests for 7 pitches sell exactly 7.
import { compareLevels, load } from "../lib/load.mjs";

// A bench-only unit type large enough that the run measures writes, not refusals,
// plus a small one that the same load must never oversell.
export const bookingsSql = `INSERT INTO unit_types (id, campsite_id, name_zh, name_en, capacity, max_guests, price_fen, max_nights, booking_window_days)
  SELECT 'bench-big', id, '压测营位', 'Bench pitch', 1000000, 4, 5000, 7, 365 FROM campsites WHERE slug = 'gajian-lawn';
INSERT INTO unit_types (id, campsite_id, name_zh, name_en, capacity, max_guests, price_fen, max_nights, booking_window_days)
  SELECT 'bench-small', id, '压测小营位', 'Bench small', 7, 4, 5000, 7, 365 FROM campsites WHERE slug = 'gajian-lawn';`;

/** A date `n` days from today in the county's time zone, as the API expects. */
export const day = (n) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + n * 86_400_000));

const DRIFT = `SELECT
  (SELECT count(*) FROM night_inventory WHERE booked > capacity OR booked < 0) AS overbooked,
  (SELECT count(*) FROM (SELECT n.booked,
      (SELECT coalesce(sum(b.units), 0) FROM bookings b WHERE b.unit_type_id = n.unit_type_id
         AND b.status IN ('confirmed', 'held') AND b.check_in <= n.night AND date(b.check_in, '+' || b.nights || ' days') > n.night) AS sold
    FROM night_inventory n) WHERE booked <> sold) AS mismatched,
  (SELECT count(*) FROM bookings) AS bookings`;

function checkInventory(portal) {
  const [row] = portal.query(DRIFT);
  return {
    ok: row.overbooked === 0 && row.mismatched === 0,
    overbookedNights: row.overbooked,
    inventoryRowsNotMatchingBookings: row.mismatched,
    bookings: row.bookings,
  };
}

export async function benchBookings({ portal, baseline, levels, runs, total }) {
  let seq = 0;
  // Every booking from its own phone and address, as many guests make them: one phone or
  // address may hold only a family's share of a night (bench/abuse/ measures that limit).
  const booking = (unit, fixedDay) => () => {
    const n = ++seq;
    return fetch(`${portal.url}/api/bookings`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "idempotency-key": `bench-booking-${process.pid}-${n}`,
        "cf-connecting-ip": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      },
      body: JSON.stringify({
        unit,
        checkIn: fixedDay ?? day(5 + (n % 20)),
        nights: 2,
        units: 1,
        guests: { adults: 2, children: 0 },
        contact: { name: "Bench", phone: `138${String(n).padStart(8, "0")}` },
      }),
    });
  };
  const write = () => fetch(`${baseline.url}/`, { method: "POST", body: `booking ${++seq}` });

  const rows = await compareLevels({
    levels,
    runs,
    total,
    portal: booking("bench-big"),
    baseline: write,
    after: () => checkInventory(portal),
  });
  const race = await load({ total: 100, concurrency: 32, request: booking("bench-small", day(40)) });
  const accepted = race.statuses[201] ?? 0;
  const refused = race.statuses[409] ?? 0;
  const final = checkInventory(portal);
  return {
    rows,
    race: { requests: 100, concurrency: 32, capacity: 7, accepted, refused },
    invariant: { ...final, ok: final.ok && rows.every((r) => r.invariant.ok) && accepted === 7 && refused === 93 },
  };
}
