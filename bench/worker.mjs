// The Worker as Cloudflare would receive it: bundle size (gzip, against the 3 MB free-plan
// limit) and startup CPU time from `wrangler check startup`, which profiles the bundle's
// top-level evaluation in local workerd. Local CPU differs from Cloudflare's: read the
// median as a trend between runs of this report, not as the production number.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median } from "./lib/load.mjs";

const FREE_PLAN_KIB = 3072;

/** Busy (non-idle) time in a V8 CPU profile, in ms. */
function activeMs(profile) {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === "(idle)").map((n) => n.id));
  let us = 0;
  profile.samples.forEach((node, i) => {
    if (!idle.has(node)) us += profile.timeDeltas[i] ?? 0;
  });
  return us / 1000;
}

export function workerStartup({ runs }) {
  const dir = mkdtempSync(join(tmpdir(), "portal-startup-"));
  try {
    const samples = [];
    let bundle = null;
    for (let run = 0; run < runs; run++) {
      const outfile = join(dir, `startup-${run}.cpuprofile`);
      const log = execFileSync(
        "node_modules/.bin/wrangler",
        ["check", "startup", "-c", "dist/server/wrangler.json", "--outfile", outfile],
        {
          encoding: "utf8",
          env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      // "Bundle: 1366.53 KiB / gzip: 349.19 KiB"
      const m = log.match(/Bundle:\s*([\d.]+)\s*KiB\s*\/\s*gzip:\s*([\d.]+)\s*KiB/);
      if (m) bundle = { rawKiB: Number(m[1]), gzipKiB: Number(m[2]) };
      samples.push(activeMs(JSON.parse(readFileSync(outfile, "utf8"))));
    }
    return {
      ...bundle,
      freePlanLimitKiB: FREE_PLAN_KIB,
      shareOfFreePlan: bundle ? bundle.gzipKiB / FREE_PLAN_KIB : null,
      startupCpuMs: median(samples),
      runs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
