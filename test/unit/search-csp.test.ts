import { readFileSync } from "node:fs";
import { CONTENT_SECURITY_POLICY } from "@functions/lib/security";
import { describe, expect, it } from "vitest";

/** public/_headers as rules: path pattern -> header lines under it. */
function rules(): Map<string, string[]> {
  const text = readFileSync(new URL("../../public/_headers", import.meta.url), "utf8");
  const result = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of text.split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    if (!line.startsWith(" ")) {
      current = [];
      result.set(line.trim(), current);
    } else current?.push(line.trim());
  }
  return result;
}

const SEARCH_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'");

describe("Content-Security-Policy for search", () => {
  it("lets only the search pages and Pagefind's files compile WebAssembly", () => {
    const all = rules();
    for (const path of ["/search/", "/en/search/", "/pagefind/*"]) {
      expect(all.get(path), path).toEqual(["! Content-Security-Policy", `Content-Security-Policy: ${SEARCH_POLICY}`]);
    }
    const others = [...all].filter(([path]) => !["/search/", "/en/search/", "/pagefind/*"].includes(path));
    expect(others.flatMap(([, lines]) => lines).filter((l) => l.includes("wasm-unsafe-eval"))).toEqual([]);
  });

  it("still forbids JavaScript eval and inline scripts on the search pages", () => {
    expect(SEARCH_POLICY).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
    expect(SEARCH_POLICY).not.toBe(CONTENT_SECURITY_POLICY);
  });
});
