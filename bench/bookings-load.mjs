// Load on POST /api/bookings against the locally served production build, next to the
// baseline Worker (one trivial D1 write per request), measured in the same run.
// Prints bookings per second, p50/p99 and the ratio to the baseline, then checks that
// the inventory matches the bookings exactly. Run `npm run build` first.
import { mkdirSync, writeFileSync } from "node:fs";
import { load, median } from "./lib/load.mjs";
import { startBaseline, startPortal } from "./lib/servers.mjs";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TOTAL = Number(process.env.BENCH_REQUESTS ?? 200);
const LEVELS = (process.env.BENCH_CONCURRENCY ?? "1,4,16,64").split(",").map(Number);
const day = (n) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + n * 86_400_000));

// A bench-only unit type large enough that the run measures writes, not refusals,
// plus a small one that the same load must never oversell.
const extraSql = `INSERT INTO unit_types (id, campsite_id, name_zh, name_en, capacity, max_guests, price_fen, max_nights, booking_window_days)
  SELECT 'bench-big', id, '压测营位', 'Bench pitch', 1000000, 4, 5000, 7, 365 FROM campsites WHERE slug = 'gajian-lawn';
  INSERT INTO unit_types (id, campsite_id, name_zh, name_en, capacity, max_guests, price_fen, max_nights, booking_window_days)
  SELECT 'bench-small', id, '压测小营位', 'Bench small', 7, 4, 5000, 7, 365 FROM campsites WHERE slug = 'gajian-lawn';`;

const portal = await startPortal(8801, "bench/.state/portal", extraSql);
const baseline = await startBaseline(8802, "bench/.state/baseline");
let seq = 0;
const booking = (unit, fixedDay) => () =>
  fetch(`${portal.url}/api/bookings`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": `bench-${process.pid}-${++seq}` },
    body: JSON.stringify({
      unit,
      checkIn: fixedDay ?? day(5 + (seq % 20)),
      nights: 2,
      units: 1,
      guests: { adults: 2, children: 0 },
      contact: { name: "Bench", phone: "13800000000" },
    }),
  });
const write = () => fetch(`${baseline.url}/`, { method: "POST", body: `write ${++seq}` });

const rows = [];
try {
  for (const concurrency of LEVELS) {
    const p = [];
    const b = [];
    for (let run = 0; run < RUNS; run++) {
      b.push(await load({ total: TOTAL, concurrency, request: write }));
      p.push(await load({ total: TOTAL, concurrency, request: booking("bench-big") }));
    }
    const row = {
      concurrency,
      bookingsPerSecond: median(p.map((r) => r.rps)),
      p50: median(p.map((r) => r.p50)),
      p99: median(p.map((r) => r.p99)),
      baselinePerSecond: median(b.map((r) => r.rps)),
      baselineP50: median(b.map((r) => r.p50)),
      statuses: p.at(-1)?.statuses,
    };
    row.ratio = row.bookingsPerSecond / row.baselinePerSecond;
    rows.push(row);
  }
  // The same load on 7 pitches: exactly 7 per night may be sold, whatever the concurrency.
  const race = await load({ total: 100, concurrency: 32, request: booking("bench-small", day(40)) });

  const [drift] = portal.query(`SELECT
      (SELECT count(*) FROM night_inventory WHERE booked > capacity OR booked < 0) AS overbooked,
      (SELECT count(*) FROM (SELECT n.unit_type_id, n.night, n.booked,
          (SELECT coalesce(sum(b.units), 0) FROM bookings b WHERE b.unit_type_id = n.unit_type_id
             AND b.status = 'confirmed' AND b.check_in <= n.night AND date(b.check_in, '+' || b.nights || ' days') > n.night) AS sold
        FROM night_inventory n) WHERE booked <> sold) AS mismatched,
      (SELECT count(*) FROM bookings) AS bookings`);
  const accepted = race.statuses[201] ?? 0;
  const invariant = {
    overbookedNights: drift.overbooked,
    inventoryRowsNotMatchingBookings: drift.mismatched,
    smallUnitAccepted: accepted,
    smallUnitRefused409: race.statuses[409] ?? 0,
    ok: drift.overbooked === 0 && drift.mismatched === 0 && accepted === 7 && race.statuses[409] === 93,
  };

  const table = [
    "| concurrency | bookings/s | p50 ms | p99 ms | baseline writes/s | ratio to baseline |",
    "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${r.concurrency} | ${r.bookingsPerSecond.toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.baselinePerSecond.toFixed(1)} | ${r.ratio.toFixed(2)} |`,
    ),
  ].join("\n");
  const summary = `${table}\n\nInvariant after the run: ${invariant.ok ? "OK" : "BROKEN"} (overbooked nights ${invariant.overbookedNights}, inventory rows not matching bookings ${invariant.inventoryRowsNotMatchingBookings}; 100 racing requests for 7 pitches: ${invariant.smallUnitAccepted} accepted, ${invariant.smallUnitRefused409} refused with 409)`;
  console.log(summary);
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(
    "bench/results/bookings-load.json",
    JSON.stringify({ at: new Date().toISOString(), runs: RUNS, requests: TOTAL, rows, invariant }, null, 2),
  );
  writeFileSync("bench/results/bookings-load.md", `${summary}\n`);
  if (!invariant.ok) process.exitCode = 1;
} finally {
  portal.stop();
  baseline.stop();
}
