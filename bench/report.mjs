// Turns the results of `npm run bench` into short Markdown tables, and puts the latest
// full report into the README between two markers, so its numbers always come from a run.
import { readFileSync, writeFileSync } from "node:fs";

const n = (x, digits = 1) => (x === null || x === undefined ? "–" : Number(x).toFixed(digits));
const times = (k) => (k === 1 ? "1 run" : `${k} runs`);
const ok = (value) => (value ? "OK" : "**BROKEN**");

function loadTable(rows, unit) {
  return [
    `| concurrency | ${unit}/s | p50 ms | p99 ms | baseline/s | baseline p50 ms | ratio to baseline |`,
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(
      (r) =>
        `| ${r.concurrency} | ${n(r.perSecond)} | ${n(r.p50)} | ${n(r.p99)} | ${n(r.baselinePerSecond)} | ${n(r.baselineP50)} | ${n(r.ratio, 2)} |`,
    ),
  ];
}

function api(a) {
  const { bookings, orders, reads } = a;
  return [
    `### API load (${times(a.runs)} of ${a.requestsPerRun} requests per level, medians; baseline: one D1 INSERT or SELECT)`,
    "",
    "Bookings, `POST /api/bookings`:",
    "",
    ...loadTable(bookings.rows, "bookings"),
    "",
    `Invariant after every level: ${ok(bookings.invariant.ok)} (overbooked nights ${bookings.invariant.overbookedNights}, inventory rows not matching bookings ${bookings.invariant.inventoryRowsNotMatchingBookings}); ${bookings.race.requests} racing requests for ${bookings.race.capacity} pitches: ${bookings.race.accepted} accepted, ${bookings.race.refused} refused with 409.`,
    "",
    "Orders, `POST /api/orders` (a third span two cooperatives):",
    "",
    ...loadTable(orders.rows, "checkouts"),
    "",
    `Invariant after every level: ${ok(orders.invariant.ok)} (units sold = stock taken = units confirmed to buyers, no 5xx); ${orders.race.requests} racing checkouts for ${orders.race.stock} jars: ${orders.race.accepted} accepted, ${orders.race.refused} refused with 409; ${orders.cancellations.total} orders cancelled at concurrency ${orders.cancellations.concurrency}: ${n(orders.cancellations.rps)}/s, p50 ${n(orders.cancellations.p50)} ms, p99 ${n(orders.cancellations.p99)} ms, every unit back in stock.`,
    "",
    ...Object.entries(reads).flatMap(([name, r]) => [
      `Reads, \`GET ${r.path.replace(/from=[^&]+&to=.+$/, "from&to")}\` (${name})${r.ok ? "" : " **non-200 answers**"}:`,
      "",
      ...loadTable(r.rows, "requests"),
      "",
    ]),
  ];
}

function abuse(a) {
  const pct = (x) => `${Math.round(x * 100)} %`;
  return [
    `### Booking abuse (scripts against the ${a.festival.event} weekend, nights ${a.festival.nights.join(" and ")}, Gajian Lawn tent pitches)`,
    "",
    "| script | requests | accepted | of them awaiting confirmation | pitches held per night | share of the night |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...a.scenarios.map(
      (s) =>
        `| ${s.name} | ${s.requests} | ${s.statuses[201] ?? 0} | ${s.awaiting} | ${s.pitchesHeld} of ${s.capacity} | ${pct(s.share)} |`,
    ),
    "",
    `After all three, ${a.weekendBookedAfterwards} of ${a.capacity} pitches are booked on the fuller night; a family from another phone (2 adults, 1 child, 1 pitch, 2 nights): ${a.family.ok ? "booked (201)" : `**refused (${a.family.status})**`}. One address sweeping the next 62 nights with ${a.sweep.requests} requests: ${a.sweep.accepted} accepted, ${a.sweep.unitNights} of ${a.sweep.of} pitch-nights held (${pct(a.sweep.unitNights / a.sweep.of)}).`,
    "",
  ];
}

function lighthouse(l) {
  const rows = Object.entries(l.templates);
  const foreign = rows.flatMap(([, r]) => r.foreignRequests);
  return [
    `### Lighthouse ${l.version} (mobile preset, Debian Chromium, median of ${times(rows[0]?.[1].runs ?? 0)})`,
    "",
    "| template | path | Performance | Accessibility | Best Practices | SEO | LCP ms | TBT ms | CLS |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map(
      ([name, r]) =>
        `| ${name} | \`${r.path}\` | ${r.scores.performance} | ${r.scores.accessibility} | ${r.scores["best-practices"]} | ${r.scores.seo} | ${n(r.lcpMs, 0)} | ${n(r.tbtMs, 0)} | ${n(r.cls, 3)} |`,
    ),
    "",
    "The dashboard is measured signed in as the demo campsite operator. Staff pages tell search engines not to index them (`noindex`), so Lighthouse's SEO score counts that against them (is-crawlable): that is intended.",
    `Lighthouse's CPU benchmark index here: ${n(l.benchmarkIndex, 0)} (a busy or slow machine scores lower and inflates TBT).`,
    `Requests outside loopback: ${foreign.length === 0 ? "none" : foreign.join(", ")}.`,
    ...rows
      .filter(([, r]) => r.failingAudits.length)
      .map(([name, r]) => `Audits that cost ${name} points in at least one run: ${r.failingAudits.join(", ")}.`),
    "",
  ];
}

function build(b) {
  const lines = [
    `### Build scaling (\`astro build\`, cold; median of ${b.rows.map((r) => `${times(r.runs)} at ${r.notices}`).join(", ")})`,
    "",
    "| notice files | portal ms | portal pages | portal ms/page | minimal Astro ms | minimal pages | minimal ms/page | portal / minimal |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...b.rows.map(
      (r) =>
        `| ${r.notices} | ${n(r.portalMs, 0)} | ${r.portalPages} | ${n(r.portalMsPerPage)} | ${n(r.minimalMs, 0)} | ${r.minimalPages} | ${n(r.minimalMsPerPage)} | ${n(r.ratioToMinimal, 2)} |`,
    ),
    "",
  ];
  if (b.growth) {
    lines.push(
      `Growth from ${b.growth.from} to ${b.growth.to} notices (linear = ${n(b.growth.linear, 0)}): portal ${n(b.growth.portal, 2)}, minimal Astro ${n(b.growth.minimal, 2)}.`,
      "",
    );
  }
  return lines;
}

function worker(w) {
  return [
    "### Worker",
    "",
    `Bundle ${n(w.rawKiB)} KiB, ${n(w.gzipKiB)} KiB gzip (${n(w.shareOfFreePlan * 100, 0)} % of the 3 MB free-plan limit); startup CPU ${n(w.startupCpuMs)} ms in local workerd against Cloudflare's 1 s startup limit (median of ${times(w.runs)}, \`wrangler check startup\`).`,
    "",
  ];
}

export function toMarkdown(report) {
  const { sections, errors } = report;
  return [
    `Run ${report.at} on ${report.machine} with \`${report.command}\` (${n(report.seconds / 60)} min).`,
    "",
    ...(sections.worker ? worker(sections.worker) : []),
    ...(sections.api ? api(sections.api) : []),
    ...(sections.abuse ? abuse(sections.abuse) : []),
    ...(sections.lighthouse ? lighthouse(sections.lighthouse) : []),
    ...(sections.build ? build(sections.build) : []),
    ...Object.entries(errors).map(([name, message]) => `**${name} failed:** ${message.split("\n")[0]}`),
  ]
    .join("\n")
    .trimEnd();
}

const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";

/** Replaces what stands between the README's bench markers; false if there are none. */
export function updateReadme(markdown, path = "README.md") {
  const text = readFileSync(path, "utf8");
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from) return false;
  writeFileSync(path, `${text.slice(0, from + START.length)}\n${markdown}\n${text.slice(to)}`);
  return true;
}
