// Lighthouse (mobile preset: Moto G Power, slow 4G and 4x CPU, all simulated) on each page
// template of the locally served build, in Debian's Chromium. Chromium may resolve no
// host name but the loopback ones, and every request Lighthouse saw is checked.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import lighthouse from "lighthouse";
import { median } from "../lib/load.mjs";

const TEMPLATES = {
  home: "/",
  notice: "/notices/waste-sorting-chain/",
  "notice list": "/notices/",
  event: "/events/pear-picking-2027/",
  calendar: "/events/calendar/2027-09/",
  campsite: "/visit/gajian-lawn/",
  "product list": "/products/",
  product: "/products/pear-syrup-250g/",
  // Signed in as the demo campsite operator (functions/db/seed/staff.sql, local only).
  dashboard: { path: "/dashboard/", as: { email: "gajian@jinchuan.example", password: "jinchuan-demo-operator" } },
};
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
const CHROMIUM = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const DEBUG_PORT = 8820;

async function startChromium() {
  const profile = mkdtempSync(join(tmpdir(), "portal-lighthouse-"));
  const child = spawn(
    CHROMIUM,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--no-default-browser-check",
      // Lighthouse opens its own tab; without these headless Chromium treats it as a
      // background tab and the trace misses the navigation (NO_NAVSTART).
      "--disable-renderer-backgrounding",
      "--disable-backgrounding-occluded-windows",
      "--disable-background-timer-throttling",
      `--user-data-dir=${profile}`,
      "--remote-debugging-address=127.0.0.1",
      `--remote-debugging-port=${DEBUG_PORT}`,
      // Every host name fails to resolve except loopback: nothing can leave the machine.
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
      "about:blank",
    ],
    // Its own process group, so stopping it also stops its helper processes.
    { stdio: "ignore", detached: true },
  );
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${DEBUG_PORT}/json/version`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  // Chromium's helpers write the profile until they have exited: only then can the folder
  // go, and a folder left in the temp directory must not cost the run its results.
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {}
      await exited;
    }
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch (error) {
      console.warn(`lighthouse: could not remove ${profile}: ${error.message}`);
    }
  };
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

function summarise(lhr) {
  const requests = lhr.audits["network-requests"]?.details?.items ?? [];
  const foreign = requests
    .map((r) => r.url)
    .filter((url) => /^https?:/.test(url) && !LOOPBACK.has(new URL(url).hostname));
  // Audits that cost points in a category below 100, so the report says why.
  const failing = [];
  for (const id of CATEGORIES) {
    if (lhr.categories[id].score >= 0.995) continue;
    for (const ref of lhr.categories[id].auditRefs) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit.score !== null && audit.score < 1) failing.push(`${id}: ${ref.id}`);
    }
  }
  return {
    scores: Object.fromEntries(CATEGORIES.map((id) => [id, Math.round(lhr.categories[id].score * 100)])),
    lcpMs: lhr.audits["largest-contentful-paint"].numericValue,
    tbtMs: lhr.audits["total-blocking-time"].numericValue,
    cls: lhr.audits["cumulative-layout-shift"].numericValue,
    foreign,
    failing,
    benchmarkIndex: lhr.environment.benchmarkIndex,
    warnings: lhr.runWarnings,
  };
}

// On a busy machine a trace now and then comes back without its navigation
// (NO_NAVSTART) or a protocol call times out: such a run is tried again, not averaged in.
async function audit(url, log, extraHeaders) {
  let lastError;
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const result = await lighthouse(url, {
        port: DEBUG_PORT,
        hostname: "127.0.0.1",
        output: "json",
        logLevel: "error",
        onlyCategories: CATEGORIES,
        disableFullPageScreenshot: true,
        extraHeaders,
      });
      if (result?.lhr && !result.lhr.runtimeError) return summarise(result.lhr);
      lastError = new Error(result?.lhr?.runtimeError?.message ?? "no result");
    } catch (error) {
      lastError = error;
    }
    log(`lighthouse ${url}: attempt ${attempt} failed (${lastError.message})`);
  }
  throw lastError;
}

/** The session cookie of a demo account, from the portal's own sign-in API. */
async function signIn(baseUrl, account) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(account),
  });
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0];
  if (res.status !== 204 || !cookie) throw new Error(`sign-in as ${account.email}: ${res.status}`);
  return { Cookie: cookie };
}

/** Medians over `runs` per template; each metric's median is taken on its own. */
export async function lighthouseTemplates({ baseUrl, runs, log = console.log }) {
  const stop = await startChromium();
  const results = {};
  try {
    for (const [name, template] of Object.entries(TEMPLATES)) {
      const { path, as } = typeof template === "string" ? { path: template } : template;
      const headers = as ? await signIn(baseUrl, as) : undefined;
      const samples = [];
      for (let run = 0; run < runs; run++) samples.push(await audit(`${baseUrl}${path}`, log, headers));
      const r = {
        path,
        runs,
        scores: Object.fromEntries(CATEGORIES.map((id) => [id, median(samples.map((s) => s.scores[id]))])),
        lcpMs: median(samples.map((s) => s.lcpMs)),
        tbtMs: median(samples.map((s) => s.tbtMs)),
        cls: median(samples.map((s) => s.cls)),
        foreignRequests: [...new Set(samples.flatMap((s) => s.foreign))],
        failingAudits: [...new Set(samples.flatMap((s) => s.failing))],
        warnings: [...new Set(samples.flatMap((s) => s.warnings))],
        benchmarkIndex: median(samples.map((s) => s.benchmarkIndex)),
      };
      results[name] = r;
      log(`lighthouse ${name}: ${CATEGORIES.map((id) => r.scores[id]).join("/")}, LCP ${Math.round(r.lcpMs)} ms`);
    }
  } finally {
    await stop();
  }
  return results;
}
