import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { t } from "../../src/i18n";

const TARGETS =
  "account|booking|campsite|certificate|closure|cooperative|event|letter|order|pickup_point|product|session|unit_type";
const ACTION = new RegExp(`["'\`]((?:${TARGETS})\\.[a-z_]+)["'\`]`, "g");

/**
 * Every action name the server writes to the audit log: the "<target>.<verb>" strings of
 * the files that write to it (functions/db/audit.ts and its callers).
 */
function auditActions(dir = "functions"): string[] {
  const found = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) for (const a of auditActions(path)) found.add(a);
    else if (entry.name.endsWith(".ts")) {
      const source = readFileSync(path, "utf8");
      if (!/\baudit/i.test(source)) continue;
      for (const m of source.matchAll(ACTION)) found.add(m[1] ?? "");
    }
  }
  return [...found].filter(Boolean).sort();
}

describe("the audit log in words", () => {
  it("has a phrase in both languages for every action the server records", () => {
    const actions = auditActions();
    expect(actions.length).toBeGreaterThan(30);
    const missing = actions.flatMap((a) =>
      (["zh-CN", "en"] as const)
        .filter((lang) => !t(lang, `dash.audit.do.${a}` as never))
        .map((lang) => `${lang} ${a}`),
    );
    expect(missing).toEqual([]);
  });
});
