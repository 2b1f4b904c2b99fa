import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The audit log is append-only by construction: no code path can UPDATE or
 * DELETE its rows. This reads every source file, so a change that adds such a
 * statement (raw SQL or drizzle) fails here.
 */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|mjs|js|astro|sql)$/.test(name) ? [path] : [];
  });
}

const FILES = ["functions", "src", "scripts"].flatMap(sources);
const FORBIDDEN = [
  /\bUPDATE\s+[`"']?audit_log\b/i,
  /\bDELETE\s+FROM\s+[`"']?audit_log\b/i,
  /\b(REPLACE|INSERT\s+OR\s+REPLACE)\s+INTO\s+[`"']?audit_log\b/i,
  /\bDROP\s+TABLE\s+(IF\s+EXISTS\s+)?[`"']?audit_log\b/i,
  /\.(update|delete)\(\s*auditLog\b/,
  /ON\s+CONFLICT[^;]*audit_log/i,
];

describe("audit log", () => {
  it("is only ever inserted into", () => {
    expect(FILES.length).toBeGreaterThan(20);
    const offenders = FILES.flatMap((file) => {
      const text = readFileSync(file, "utf8");
      return FORBIDDEN.filter((re) => re.test(text)).map((re) => `${file}: ${re}`);
    });
    expect(offenders).toEqual([]);
  });

  it("is written by one module (and the admin command), so every entry has the same shape", () => {
    const writers = FILES.filter((file) => /INSERT\s+INTO\s+audit_log/i.test(readFileSync(file, "utf8")));
    expect(writers.sort()).toEqual(["functions/db/audit.ts", "scripts/admin-create.mjs"]);
  });
});
