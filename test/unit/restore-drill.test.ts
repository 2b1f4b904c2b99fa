import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/**
 * The restore drill of README "Operating the portal": demo data exported with
 * `wrangler d1 export` and loaded into a fresh database keeps every table's rows.
 */
describe("restore drill", () => {
  it("restores an export into a fresh local database with the same row count in every table", () => {
    const out = execFileSync(process.execPath, ["scripts/restore-drill.mjs"], { encoding: "utf8" });
    const { before, after, differ } = JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as {
      before: Record<string, number>;
      after: Record<string, number>;
      differ: string[];
    };
    expect(differ).toEqual([]);
    expect(after).toEqual(before);
    expect(before.products).toBeGreaterThan(0);
    expect(before.accounts).toBeGreaterThan(0);
  }, 180_000);
});
