// Brings the activity sessions of D1 to the build's content/events (dist/client/events/slots.json)
// through the Worker's own import (functions/bookings/session-import.ts), so the bookings of a
// cancelled, postponed or moved session change with it and their guests are told.
// Local by default: runs the built Worker for a moment and asks it for the import.
// `--remote`: the deployed Worker imports its own build on the minute cron; this waits until
// the remote database shows every session as the build has it (except those of events county
// staff manage in the dashboard, which the import leaves alone).
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";

const remote = process.argv.includes("--remote");
const persist = process.env.PORTAL_PERSIST ?? ".wrangler/state";
const slots = JSON.parse(readFileSync("dist/client/events/slots.json", "utf8"));
const env = { ...process.env, WRANGLER_SEND_METRICS: "false" };
// The cron name the Worker runs the import under alone (SESSIONS_IMPORT in session-import.ts).
const IMPORT = "sessions-import";

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function until(what, ms, attempt) {
  const deadline = Date.now() + ms;
  let last = "";
  while (Date.now() < deadline) {
    try {
      if (await attempt()) return;
    } catch (error) {
      last = String(error);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`sync-slots: ${what} ${last}`);
}

async function importLocally() {
  const [port, inspector] = [await freePort(), await freePort()];
  const worker = spawn(
    "wrangler",
    [
      "dev",
      "-c",
      "dist/server/wrangler.json",
      "--port",
      String(port),
      "--inspector-port",
      String(inspector),
      "--persist-to",
      persist,
      "--var",
      "PORTAL_ENV:local",
      "--test-scheduled",
    ],
    { stdio: ["ignore", "ignore", "inherit"], detached: true, env },
  );
  try {
    const base = `http://127.0.0.1:${port}`;
    await until("the Worker did not start", 60_000, async () => (await fetch(`${base}/api/activity-slots?event=x`)).ok);
    const res = await fetch(`${base}/cdn-cgi/handler/scheduled?cron=${IMPORT}`);
    if (!res.ok) throw new Error(`sync-slots: the import failed (${res.status}); the Worker's log says why`);
  } finally {
    try {
      process.kill(-worker.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

const OPEN = new Set(["scheduled", "tentative", "rescheduled"]);

async function awaitRemoteImport() {
  const wanted = new Map(slots.map((s) => [s.id, `${s.date} ${s.start} ${OPEN.has(s.eventStatus) ? 1 : 0}`]));
  const pending = () => {
    const out = execFileSync(
      "wrangler",
      [
        "d1",
        "execute",
        "DB",
        "--remote",
        "--json",
        "--command",
        `SELECT s.id, s.date, s.start_time, s.active, e.managed_at IS NOT NULL AS managed
         FROM activity_slots s LEFT JOIN session_events e ON e.slug = s.event_slug`,
      ],
      { env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
    );
    const rows = JSON.parse(out)[0]?.results ?? [];
    const have = new Map(rows.map((r) => [r.id, `${r.date} ${r.start_time} ${r.active}`]));
    // Events staff manage in the dashboard keep their sessions as staff left them.
    const managed = new Set(rows.filter((r) => r.managed).map((r) => r.id));
    return [...wanted].filter(([id, v]) => !managed.has(id) && have.get(id) !== v).map(([id]) => id);
  };
  let left = [];
  await until("the deployed Worker has not imported the sessions: is its cron trigger deployed?", 180_000, () => {
    left = pending();
    if (left.length) console.log(`sync-slots: waiting for the Worker's cron (${left.length} sessions to go)`);
    return left.length === 0;
  });
}

if (remote) await awaitRemoteImport();
else await importLocally();
console.log(`sync-slots: ${slots.length} activity sessions imported into the ${remote ? "remote" : "local"} database`);
