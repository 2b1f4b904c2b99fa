// Loads the activity sessions of content/events (built into dist/client/events/slots.json)
// into D1. Local by default; `--remote` updates the production database. Capacity never
// drops below places already booked, and sessions of cancelled or postponed events
// stop taking bookings.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const remote = process.argv.includes("--remote");
const persist = process.env.PORTAL_PERSIST ?? ".wrangler/state";
const slots = JSON.parse(readFileSync("dist/client/events/slots.json", "utf8"));
const OPEN = new Set(["scheduled", "tentative", "rescheduled"]);
const q = (v) => (typeof v === "number" ? String(Math.trunc(v)) : `'${String(v).replaceAll("'", "''")}'`);

const statements = slots.map((s) => {
  const values = [
    s.id,
    s.event,
    s.title["zh-CN"],
    s.title.en,
    s.date,
    s.start,
    s.end,
    s.capacity,
    s.price,
    OPEN.has(s.eventStatus) ? 1 : 0,
  ];
  return `INSERT INTO activity_slots (id, event_slug, name_zh, name_en, date, start_time, end_time, capacity, price_fen, active)
VALUES (${values.map(q).join(", ")})
ON CONFLICT (id) DO UPDATE SET event_slug = excluded.event_slug, name_zh = excluded.name_zh, name_en = excluded.name_en,
  date = excluded.date, start_time = excluded.start_time, end_time = excluded.end_time,
  capacity = max(excluded.capacity, activity_slots.booked), price_fen = excluded.price_fen, active = excluded.active;`;
});

const dir = mkdtempSync(join(tmpdir(), "portal-slots-"));
try {
  const file = join(dir, "slots.sql");
  writeFileSync(file, statements.join("\n"));
  const where = remote ? ["--remote"] : ["--local", "--persist-to", persist];
  execFileSync("wrangler", ["d1", "execute", "DB", ...where, "--yes", "--file", file], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  console.log(`sync-slots: ${slots.length} activity sessions loaded into the ${remote ? "remote" : "local"} database`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
