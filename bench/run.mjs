// `npm run bench`: every benchmark against the locally served production build, one report.
// Builds first (`npm run build`, as `npm start` serves it) unless BENCH_SKIP_BUILD=1.
// Writes bench/results/latest.{json,md} and the README's Performance table; a quick
// (BENCH_QUICK=1) or partial (BENCH_ONLY=api,lighthouse,...) run writes to
// bench/results/tmp/ instead, so committed numbers always come from a full run.
// Every server listens on 127.0.0.1 only; Chromium can resolve no other host.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { bookingAbuse } from "./abuse/bookings.mjs";
import { apiLoad } from "./api/index.mjs";
import { buildScaling } from "./build/scaling.mjs";
import { median } from "./lib/load.mjs";
import { startPortal } from "./lib/servers.mjs";
import { lighthouseTemplates } from "./lighthouse/index.mjs";
import { toMarkdown, updateReadme } from "./report.mjs";
import { workerStartup } from "./worker.mjs";

const env = process.env;
// Nothing the benchmarks start may reach beyond loopback: not wrangler's metrics, Astro's
// telemetry, nor the sample Request.cf that Miniflare fetches from Cloudflare at startup.
Object.assign(env, {
  WRANGLER_SEND_METRICS: "false",
  ASTRO_TELEMETRY_DISABLED: "1",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
});
const QUICK = env.BENCH_QUICK === "1";
const list = (value, fallback) => (value ?? fallback).split(",").map((s) => s.trim());
const numbers = (value, fallback) => list(value, fallback).map(Number);
const ALL = ["worker", "api", "abuse", "lighthouse", "build"];
const only = list(env.BENCH_ONLY, ALL.join(","));

// Sized so a full run stays under 15 minutes on 2 cores; see README "Performance".
const config = {
  workerRuns: Number(env.BENCH_WORKER_RUNS ?? (QUICK ? 1 : 5)),
  levels: numbers(env.BENCH_CONCURRENCY, QUICK ? "1,16" : "1,4,16,64"),
  runs: Number(env.BENCH_RUNS ?? (QUICK ? 1 : 3)),
  requests: Number(env.BENCH_REQUESTS ?? (QUICK ? 50 : 150)),
  lighthouseRuns: Number(env.BENCH_LIGHTHOUSE_RUNS ?? (QUICK ? 1 : 3)),
  buildSizes: numbers(env.BENCH_BUILD_SIZES, QUICK ? "100,200" : "1000,10000"),
  // A 1,000-notice build is short and noisy, a 10,000 one long and steady: 3 runs and 1.
  buildRuns: numbers(env.BENCH_BUILD_RUNS, QUICK ? "1" : "3,1"),
};
const full = !QUICK && ALL.every((s) => only.includes(s));
const out = full ? "bench/results/latest" : "bench/results/tmp/partial";

// Ctrl-C or a kill still runs the `exit` handlers that stop servers and remove temp copies.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(130));

const log = (line) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
const started = performance.now();
const sections = {};
const errors = {};

async function section(name, run) {
  if (!only.includes(name)) return;
  log(`${name}: start`);
  const t0 = performance.now();
  try {
    sections[name] = await run();
    log(`${name}: done in ${Math.round((performance.now() - t0) / 1000)} s`);
  } catch (error) {
    errors[name] = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`${name}: FAILED\n${errors[name]}`);
  }
}

if (env.BENCH_SKIP_BUILD !== "1") {
  log("npm run build");
  execFileSync("npm", ["run", "build"], { stdio: ["ignore", "ignore", "inherit"] });
}

await section("worker", () => workerStartup({ runs: config.workerRuns }));
await section("api", () =>
  apiLoad({ levels: config.levels, runs: config.runs, total: config.requests, log: (l) => log(l) }),
);
await section("abuse", () => bookingAbuse({ log }));
await section("lighthouse", async () => {
  // A quiet portal of its own: the load runs above leave thousands of bookings behind.
  const portal = await startPortal(8803, "bench/.state/lighthouse");
  try {
    const { version } = JSON.parse(readFileSync("node_modules/lighthouse/package.json", "utf8"));
    const templates = await lighthouseTemplates({ baseUrl: portal.url, runs: config.lighthouseRuns, log });
    const benchmarkIndex = median(Object.values(templates).map((t) => t.benchmarkIndex));
    return { version, benchmarkIndex, templates };
  } finally {
    portal.stop();
  }
});
await section("build", () => buildScaling({ sizes: config.buildSizes, runs: config.buildRuns, log }));

const command = [
  ...Object.entries(env)
    .filter(([k]) => k.startsWith("BENCH_"))
    .map(([k, v]) => `${k}=${v}`),
  "npm run bench",
].join(" ");
const report = {
  at: new Date().toISOString(),
  command,
  machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? "CPU"}, Node ${process.version}`,
  seconds: (performance.now() - started) / 1000,
  config,
  sections,
  errors,
};
const markdown = toMarkdown(report);
mkdirSync("bench/results/tmp", { recursive: true });
writeFileSync(`${out}.json`, `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(`${out}.md`, `${markdown}\n`);
console.log(`\n${markdown}\n`);
log(`wrote ${out}.json and ${out}.md${full && updateReadme(markdown) ? " and README.md" : ""}`);

const broken =
  Object.keys(errors).length > 0 ||
  (sections.api && !(sections.api.bookings.invariant.ok && sections.api.orders.invariant.ok)) ||
  (sections.abuse && !sections.abuse.family.ok) ||
  Object.values(sections.lighthouse?.templates ?? {}).some((t) => t.foreignRequests.length > 0);
if (broken) process.exitCode = 1;
