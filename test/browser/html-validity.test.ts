import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import vnuJar from "vnu-jar";
import { baseURL } from "./browser";
import { ADMIN, cookieHeader } from "./dashboard";
import { DASHBOARD_PAGES, ON_DEMAND_PAGES, prerenderedPages } from "./pages";

function hasJava(): boolean {
  try {
    execFileSync("java", ["-version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

const java = hasJava();
if (!java) {
  if (process.env.CI) throw new Error("HTML validity: Java is needed for the Nu HTML Checker");
  console.warn("SKIPPED HTML validity: no Java found");
}

describe.skipIf(!java)("HTML validity (Nu HTML Checker)", () => {
  it("finds zero errors on every page, prerendered and on demand", async () => {
    const pages = [...prerenderedPages(), ...ON_DEMAND_PAGES, ...DASHBOARD_PAGES];
    expect(pages.length).toBeGreaterThan(8);
    // Dashboard pages are checked as an admin sees them (an admin sees every section).
    const cookie = await cookieHeader(ADMIN);
    const dir = mkdtempSync(join(tmpdir(), "portal-html-"));
    try {
      const files: Record<string, string> = {};
      for (const [i, page] of pages.entries()) {
        const signedIn = page.includes("/dashboard/") && !page.includes("/login/");
        const res = await fetch(`${baseURL}${page}`, { headers: signedIn ? { cookie } : {} });
        expect(res.status, page).toBe(200);
        const file = join(dir, `page-${i}.html`);
        writeFileSync(file, await res.text());
        files[file] = page;
      }
      // The checker writes its JSON report to standard error.
      const run = spawnSync(
        "java",
        ["-jar", String(vnuJar), "--errors-only", "--format", "json", "--exit-zero-always", ...Object.keys(files)],
        { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
      );
      const text = run.stderr.trim();
      expect(text, "checker output").toMatch(/^\{/);
      const { messages = [] } = JSON.parse(text) as {
        messages?: Array<{ url: string; message: string; lastLine?: number }>;
      };
      const errors = messages.map(
        (m) => `${files[m.url.replace(/^file:/, "")] ?? m.url}:${m.lastLine ?? "?"} ${m.message}`,
      );
      expect(errors).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
