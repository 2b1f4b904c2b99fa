import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const PROJECT = resolve(import.meta.dirname, "../..");
const ASTRO = join(PROJECT, "node_modules/astro/bin/astro.mjs");
const GOOD = readFileSync(join(PROJECT, "content/notices/zh-CN/pear-orchard-service-team.md"), "utf8");

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/**
 * Runs the content step of `astro build` (astro sync) on a scratch site that uses
 * the portal's real collections but holds a single notice, and returns its output.
 */
function syncWith(notice: string) {
  dir = mkdtempSync(join(tmpdir(), "portal-notice-"));
  mkdirSync(join(dir, "src"));
  mkdirSync(join(dir, "content/notices/zh-CN"), { recursive: true });
  symlinkSync(join(PROJECT, "node_modules"), join(dir, "node_modules"));
  // The taxonomy (topics, agencies, product categories) is read from the site's own content/.
  symlinkSync(join(PROJECT, "content/taxonomy"), join(dir, "content/taxonomy"));
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  // Own caches, so the scratch site never touches the caches of real builds in node_modules.
  writeFileSync(
    join(dir, "astro.config.mjs"),
    'export default { cacheDir: "./.cache/astro", vite: { cacheDir: "./.cache/vite" } };\n',
  );
  writeFileSync(
    join(dir, "src/content.config.ts"),
    `export { collections } from ${JSON.stringify(join(PROJECT, "src/content.config.ts"))};\n`,
  );
  writeFileSync(join(dir, "content/notices/zh-CN/orchard.md"), notice);
  const run = spawnSync(process.execPath, [ASTRO, "sync", "--root", dir], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

describe("building with a broken notice", () => {
  it("succeeds with a correct notice", () => {
    expect(syncWith(GOOD).status, "control: the scratch site builds").toBe(0);
  }, 60_000);

  it("fails, naming the file and the field", () => {
    const { status, output } = syncWith(GOOD.replace("topic: pear-industry", "topic: pears"));
    expect(status).not.toBe(0);
    expect(output).toContain("content/notices/zh-CN/orchard.md:");
    expect(output).toMatch(/topic: must be one of rural-revitalization/);
    expect(output).toContain("content/notices/zh-CN/orchard.md");
  }, 60_000);
});
