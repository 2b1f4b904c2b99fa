import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "../../functions/lib/openapi";
import { databaseDigest } from "./digest";
import { call, inDays, seedCampsites, seedSlot, stay } from "./helpers";

/**
 * Property-based fuzzing of every route in the OpenAPI document (so routes added
 * later are fuzzed too): malformed bodies, queries, headers and Unicode edge
 * cases never produce a 500, every refusal is problem+json, and a refused
 * request leaves every table exactly as it was. Seeded and bounded.
 */
const SEED = 20261128;
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

const weird = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\uFEFF",
    "\uD800",
    "梨".repeat(600),
    "../../etc/passwd",
    "<script>",
    "' OR 1=1 --",
    "NaN",
    "-1",
    "1e309",
    "2026-02-30",
    "0000-00-00",
  ),
);
/** Header values as a client can send them: printable ASCII (workerd warns about anything else). */
const headerValue = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 200 }),
  fc.constantFrom("", "a", "x".repeat(129), "valid-key-0001", "../../", "' OR 1=1 --"),
);
const anyJson = fc.oneof(fc.jsonValue(), fc.anything(), weird);

/** Valid-looking bodies with one part broken, and wholly random ones. */
const body = fc.oneof(
  anyJson.map((v) => JSON.stringify(v)),
  fc
    .record({
      key: fc.constantFrom("unit", "checkIn", "nights", "units", "guests", "contact", "slot", "token", "notes"),
      value: anyJson,
    })
    .map(({ key, value }) => JSON.stringify({ ...stay(), [key]: value })),
  weird,
  fc.constantFrom("{", '{"a":', "[1,2", "\u0000", '{"__proto__":{"x":1}}'),
);

const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "text/plain",
  "",
  "application/problem+json",
);

function concretePath(path: string, param: string): string {
  return path.replace(/\{[^}]+\}/g, encodeURIComponent(param));
}

describe("fuzzing every API route", () => {
  const doc = openApiDocument({ title: "fuzz", version: "0" });
  const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => ({ path, method: method.toUpperCase() })),
  );

  it("knows the routes it fuzzes", () => {
    expect(operations.length).toBeGreaterThanOrEqual(5);
  });

  for (const op of operations) {
    it(`${op.method} ${op.path}: never a 500, problems are problem+json, refusals write nothing`, async () => {
      await seedCampsites();
      await seedSlot();
      const valid = await call("/api/bookings", {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": "fuzz-seed-booking" },
        body: JSON.stringify(stay({ checkIn: inDays(3) })),
      });
      expect(valid.status).toBe(201);
      await fc.assert(
        fc.asyncProperty(
          weird,
          fc.dictionary(fc.constantFrom("from", "to", "token", "lang", "x"), weird, { maxKeys: 4 }),
          body,
          contentType,
          fc.option(headerValue, { nil: undefined }),
          fc.option(fc.constantFrom("en", "zh-CN", "*", "xx;q=abc", "en;q=0,zh;q=2", ";;;", "q=1"), { nil: undefined }),
          async (param, query, payload, type, key, language) => {
            let path: string;
            try {
              path = concretePath(op.path, param);
            } catch {
              return; // a lone surrogate cannot be put in a URL by any client
            }
            const before = await databaseDigest();
            const url = `${path}?${new URLSearchParams(query)}`;
            const headers: Record<string, string> = {};
            if (type) headers["content-type"] = type;
            if (key !== undefined) headers["idempotency-key"] = key;
            if (language !== undefined) headers["accept-language"] = language;
            let res: Response;
            try {
              res = await call(url, {
                method: op.method,
                headers,
                ...(op.method === "GET" ? {} : { body: payload }),
              });
            } catch (error) {
              // Header values the Fetch API itself refuses never reach the Worker.
              if (error instanceof TypeError) return;
              throw error;
            }
            const text = await res.text();
            expect(res.status, `${op.method} ${url} ${payload.slice(0, 80)} -> ${text.slice(0, 200)}`).toBeLessThan(
              500,
            );
            if (res.status >= 400) {
              // People posting an HTML form get a readable page; everyone else gets problem+json.
              const isForm = op.method === "POST" && type === "application/x-www-form-urlencoded";
              const received = res.headers.get("content-type") ?? "";
              expect(received, url).toMatch(
                isForm ? /^(text\/html|application\/problem\+json)/ : /^application\/problem\+json/,
              );
              if (received.startsWith("application/problem+json")) expect(() => JSON.parse(text)).not.toThrow();
              expect(await databaseDigest(), `${op.method} ${url} wrote on ${res.status}`).toBe(before);
            }
          },
        ),
        { seed: SEED, numRuns: RUNS },
      );
    }, 120_000);
  }
});
