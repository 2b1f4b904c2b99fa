import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The real content layer (astro sync) on a throwaway site that uses this portal's
 * events collection, so "a bad event file fails the build, naming the file and the
 * field" is checked end to end rather than through the schema alone.
 */
const repo = resolve(import.meta.dirname, "../..");
const good = readFileSync(join(repo, "content/events/lewu-celtuce-market-2027/en.md"), "utf8");
let root: string;

function sync(files: Record<string, string>) {
  rmSync(join(root, "content"), { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, "content/events", path, ".."), { recursive: true });
    writeFileSync(join(root, "content/events", path), text);
  }
  const run = spawnSync(join(repo, "node_modules/.bin/astro"), ["sync"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0", NO_COLOR: "1" },
    timeout: 60_000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe("building with a bad event file", { timeout: 30_000 }, () => {
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "events-build-"));
    symlinkSync(join(repo, "node_modules"), join(root, "node_modules"));
    // Caches stay in the throwaway site, away from the shared node_modules.
    writeFileSync(
      join(root, "astro.config.mjs"),
      'export default { cacheDir: "./.cache", vite: { cacheDir: "./.cache/vite" } };\n',
    );
    mkdirSync(join(root, "src"));
    writeFileSync(
      join(root, "src/content.config.ts"),
      `import { events } from ${JSON.stringify(join(repo, "src/collections/events.ts"))};\nexport const collections = { events };\n`,
    );
  });
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("succeeds with a good one", () => {
    const { status, output } = sync({ "fair/en.md": good });
    expect(output).not.toMatch(/error/i);
    expect(status).toBe(0);
  });

  it("stops and names the file and the field that does not match the schema", () => {
    const bad = good.replace(/^ {2}latitude: .*\n/m, "").replace("updated: 2026-11-20", "updated: soon");
    const { status, output } = sync({ "fair/en.md": bad });
    expect(status).not.toBe(0);
    expect(output).toContain("content/events/fair/en.md");
    expect(output).toContain("venue.latitude");
    expect(output).toContain("updated");
  });

  it("stops at a day that does not exist, which YAML would otherwise quietly move", () => {
    const { status, output } = sync({
      "fair/en.md": good
        .replace("start: 2027-06-19T08:00", "start: 2027-06-31T08:00")
        .replace("end: 2027-06-19T13:00", "end: 2027-07-01T13:00"),
    });
    expect(status).not.toBe(0);
    expect(output).toContain('content/events/fair/en.md:4: field "start": 2027-06-31 is not a day in the calendar');
    const unquoted = sync({ "fair/en.md": good.replace("updated: 2026-11-20", "updated: 2026-02-29") });
    expect(unquoted.status).not.toBe(0);
    expect(unquoted.output).toContain('content/events/fair/en.md:6: field "updated": 2026-02-29');
  });
});
