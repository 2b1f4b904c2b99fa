// The attack on bookings, replayed against the served build: scripts that try to hold a
// festival weekend at Gajian Lawn from one source, from one address with many phones, and
// with one phone from many addresses; then a family from elsewhere books one pitch.
// Reported: how many of the weekend's tent pitches each script holds, and the family's answer.
import { readdirSync, readFileSync } from "node:fs";
import { county } from "../../county.config.ts";
import { startPortal } from "../lib/servers.mjs";

const UNIT = "gajian-byo-tent";
const { perRequest, confirmAbove } = county.bookingLimits;
const ATTEMPTS = 64;

/** Today in the county (Asia/Shanghai), as the API counts days. */
const countyToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
const addDays = (date, n) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The next pear festival's first two nights, from content/events (start date in front matter). */
function festivalWeekend(today = countyToday()) {
  const starts = readdirSync("content/events")
    .filter((slug) => /^pear-(blossom|picking)-/.test(slug))
    .flatMap((slug) => {
      const text = readFileSync(`content/events/${slug}/zh-CN.md`, "utf8");
      const start = /^start: (\d{4}-\d{2}-\d{2})/m.exec(text)?.[1];
      return start && start > addDays(today, 1) ? [{ slug, start }] : [];
    })
    .sort((a, b) => a.start.localeCompare(b.start));
  const next = starts[0] ?? { slug: "(none ahead)", start: addDays(today, 30) };
  return { event: next.slug, nights: [next.start, addDays(next.start, 1)] };
}

export async function bookingAbuse({ log = console.log } = {}) {
  const weekend = festivalWeekend();
  const window = Math.ceil((Date.parse(weekend.nights[1]) - Date.parse(countyToday())) / 86_400_000) + 1;
  // The festival is often further ahead than the demo window (90 days): open it that far, nothing else changes.
  const portal = await startPortal(
    8804,
    "bench/.state/abuse",
    `UPDATE unit_types SET booking_window_days = max(booking_window_days, ${window}) WHERE id = '${UNIT}'`,
  );
  let seq = 0;
  const book = async ({ phone, ip, units = 1, checkIn = weekend.nights[0], nights = 2, adults = 2, children = 0 }) => {
    const res = await fetch(`${portal.url}/api/bookings`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "idempotency-key": `abuse-${process.pid}-${++seq}`,
        "cf-connecting-ip": ip,
        "user-agent": "python-requests/2.32",
      },
      body: JSON.stringify({
        unit: UNIT,
        checkIn,
        nights,
        units,
        guests: { adults: Math.max(adults, units), children },
        contact: { name: "Script", phone },
      }),
    });
    const body = await res.json();
    return { status: res.status, units: res.status === 201 ? units : 0, held: body.status === "held" };
  };
  try {
    const [{ capacity }] = portal.query(`SELECT capacity FROM unit_types WHERE id = '${UNIT}'`);
    const phone = (n) => `138${String(n).padStart(8, "0")}`;
    /** Sends `ATTEMPTS` requests (8 at a time), then reads what they hold on the festival nights. */
    const scenario = async (name, request) => {
      const results = [];
      for (let i = 0; i < ATTEMPTS; i += 8) {
        results.push(...(await Promise.all(Array.from({ length: 8 }, (_, k) => book(request(i + k))))));
      }
      const statuses = {};
      for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      const held = results.reduce((sum, r) => sum + r.units, 0);
      const awaiting = results.filter((r) => r.held).length;
      const row = {
        name,
        requests: results.length,
        statuses,
        awaiting,
        pitchesHeld: held,
        capacity,
        share: held / capacity,
      };
      log(`abuse: ${name}: ${held} of ${capacity} pitches per night, ${JSON.stringify(statuses)}`);
      return row;
    };
    const scenarios = [
      // One script, one phone, one address: the most pitches it may ask for, again and again.
      await scenario("one phone, one address", () => ({
        phone: phone(1),
        ip: "203.0.113.10",
        units: perRequest.units,
      })),
      // New phone numbers each time, from one address (one machine, one home line).
      // Each just small enough to be confirmed at once rather than wait for the campsite.
      await scenario("many phones, one address", (i) => ({
        phone: phone(1000 + i),
        ip: "203.0.113.20",
        units: confirmAbove.units,
      })),
      // One phone, a new address each time (a botnet or a pool of mobile data addresses).
      await scenario("one phone, many addresses", (i) => ({
        phone: phone(2),
        ip: `198.51.100.${i + 1}`,
        units: confirmAbove.units,
      })),
    ];
    // A real family from another phone and address, on the same weekend, after all of that.
    const family = await book({ phone: "13912345678", ip: "192.0.2.77", units: 1, adults: 2, children: 1 });
    // The old attack: every tent pitch of the next 62 bookable nights, from one source, in the
    // longest stays the pitch allows, a new phone for each request.
    const [{ maxNights }] = portal.query(`SELECT max_nights AS maxNights FROM unit_types WHERE id = '${UNIT}'`);
    const sweep = [];
    for (let start = 1; start <= 62; start += maxNights) {
      const nights = Math.min(maxNights, 63 - start);
      for (let k = 0; k < Math.ceil(capacity / perRequest.units); k++) {
        const checkIn = addDays(countyToday(), start);
        const r = await book({
          phone: phone(3000 + sweep.length),
          ip: "203.0.113.30",
          units: perRequest.units,
          checkIn,
          nights,
        });
        sweep.push({ ...r, unitNights: r.units * nights });
      }
    }
    const sweptUnitNights = sweep.reduce((sum, r) => sum + r.unitNights, 0);
    const [totals] = portal.query(
      `SELECT max(booked) AS fullest, (SELECT capacity FROM unit_types WHERE id = '${UNIT}') AS capacity FROM night_inventory
       WHERE unit_type_id = '${UNIT}' AND night IN ('${weekend.nights[0]}', '${weekend.nights[1]}')`,
    );
    return {
      festival: weekend,
      capacity,
      scenarios,
      weekendBookedAfterwards: totals.fullest,
      family: { status: family.status, ok: family.status === 201 },
      sweep: {
        requests: sweep.length,
        accepted: sweep.filter((r) => r.status === 201).length,
        unitNights: sweptUnitNights,
        of: capacity * 62,
      },
    };
  } finally {
    portal.stop();
  }
}

// `node bench/abuse/bookings.mjs` (after `npm run build`): print the figures alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await bookingAbuse(), null, 2));
}
