// Times `astro build` of the portal with N synthetic notices, next to the minimal Astro
// project building the same Markdown. Each build runs in a throwaway copy under the
// system temp folder, so the real content/ and astro.config.mjs stay as they are.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { median } from "../lib/load.mjs";
import { writeSyntheticNotices } from "./synthetic-notices.mjs";

// What a build reads; everything else (tests, benchmarks, old output, caches) stays behind.
const SKIP = new Set(["node_modules", "dist", ".astro", ".wrangler", ".git", "bench", "test"]);
const NODE_MODULES = realpathSync("node_modules");
const ASTRO = join(NODE_MODULES, ".bin", "astro");

// Astro keeps its content cache in node_modules/.astro and Vite its own in node_modules/.vite;
// through the symlink those would land in the shared node_modules and make later builds
// warm. A wrapper config moves both into the copy, which is emptied before every build.
const WRAPPER = `import base from "./astro.config.mjs";
export default { ...base, cacheDir: "./.bench-cache/astro/", vite: { ...base.vite, cacheDir: "./.bench-cache/vite/" } };
`;

// Copies still on disk when the process exits early (Ctrl-C) are removed on the way out.
const copies = new Set();
process.on("exit", () => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

function copyProject(from, notices) {
  const dir = mkdtempSync(join(tmpdir(), "portal-build-bench-"));
  copies.add(dir);
  for (const name of readdirSync(from)) {
    if (!SKIP.has(name)) cpSync(join(from, name), join(dir, name), { recursive: true });
  }
  symlinkSync(NODE_MODULES, join(dir, "node_modules"), "dir");
  writeFileSync(join(dir, "bench.config.mjs"), WRAPPER);
  writeSyntheticNotices(join(dir, "content", "notices"), notices);
  return dir;
}

function countPages(dir) {
  let pages = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(".html")) pages++;
  }
  return pages;
}

/** One cold build: output and caches removed first. Returns wall-clock ms and pages written. */
function timeBuild(dir, outDir) {
  rmSync(join(dir, outDir), { recursive: true, force: true });
  rmSync(join(dir, ".bench-cache"), { recursive: true, force: true });
  rmSync(join(dir, ".astro"), { recursive: true, force: true });
  const started = performance.now();
  const result = spawnSync(ASTRO, ["build", "--config", "bench.config.mjs"], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", WRANGLER_SEND_METRICS: "false" },
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (result.status !== 0)
    throw new Error(`astro build failed in ${dir}:\n${result.stdout.slice(-3000)}\n${result.stderr}`);
  return { ms, pages: countPages(join(dir, outDir)) };
}

/**
 * For each size: `runs[i]` (or runs' last entry) cold builds of the portal and of the
 * minimal project, in turns so that both see the same machine noise. Reports medians.
 */
export function buildScaling({ sizes, runs: runsPerSize, log = console.log }) {
  const rows = [];
  for (const [i, notices] of sizes.entries()) {
    const runs = runsPerSize[Math.min(i, runsPerSize.length - 1)];
    const portalDir = copyProject(resolve("."), notices);
    const minimalDir = copyProject(resolve("bench/minimal-astro"), notices);
    try {
      const portal = [];
      const minimal = [];
      for (let run = 0; run < runs; run++) {
        portal.push(timeBuild(portalDir, "dist"));
        minimal.push(timeBuild(minimalDir, "dist"));
        log(
          `build ${notices} notices, run ${run + 1}/${runs}: portal ${Math.round(portal.at(-1).ms)} ms (${portal.at(-1).pages} pages), minimal ${Math.round(minimal.at(-1).ms)} ms (${minimal.at(-1).pages} pages)`,
        );
      }
      const portalMs = median(portal.map((r) => r.ms));
      const minimalMs = median(minimal.map((r) => r.ms));
      const row = {
        notices,
        runs,
        portalMs,
        portalPages: portal[0].pages,
        portalMsPerPage: portalMs / portal[0].pages,
        minimalMs,
        minimalPages: minimal[0].pages,
        minimalMsPerPage: minimalMs / minimal[0].pages,
        ratioToMinimal: portalMs / minimalMs,
      };
      rows.push(row);
    } finally {
      for (const dir of [portalDir, minimalDir]) {
        rmSync(dir, { recursive: true, force: true });
        copies.delete(dir);
      }
    }
  }
  // Growth from the smallest to the largest size; linear growth equals the size ratio.
  const [small, large] = [rows[0], rows.at(-1)];
  const growth =
    rows.length > 1
      ? {
          from: small.notices,
          to: large.notices,
          linear: large.notices / small.notices,
          portal: large.portalMs / small.portalMs,
          minimal: large.minimalMs / small.minimalMs,
        }
      : null;
  return { rows, growth };
}
