import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { databaseDigest } from "./digest";
import { call } from "./helpers";
import { CONTACT, countRows, newKey, postOrder, seedProduce, stockOf } from "./produce";

/** Seeded like fuzz.test.ts, so a failure replays the same way. */
const SEED = 20261201;

/** Values a careless or hostile client might put anywhere in a checkout. */
const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.constantFrom("syrup", "wine", "-1", "1e9", "0x10", " 2 ", "", "__proto__", "<script>"),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
);

const item = fc.record({ product: fc.oneof(junk, fc.constantFrom("syrup", "wine", "hidden")), quantity: junk });
const body = fc.record(
  {
    items: fc.oneof(junk, fc.array(item, { maxLength: 4 })),
    fulfilment: fc.oneof(
      junk,
      fc.record({ method: fc.oneof(junk, fc.constantFrom("pickup", "delivery")), point: junk, address: junk }),
    ),
    contact: fc.oneof(junk, fc.record({ name: junk, phone: junk, email: junk }), fc.constant(CONTACT)),
    notes: junk,
  },
  { requiredKeys: [] },
);

describe("POST /api/orders with arbitrary input", () => {
  it("answers every malformed checkout with a 4xx problem, never a 500, and never writes", async () => {
    await seedProduce();
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const before = await databaseDigest();
        const res = await postOrder(b, newKey());
        if (res.status === 201) return; // the rare generated body that is a real order
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
        expect(await databaseDigest(), `wrote on ${res.status}`).toBe(before);
      }),
      { seed: SEED, numRuns: 150 },
    );
    const placed = await countRows("orders");
    // Whatever was placed took exactly its stock; nothing else changed.
    const taken = 5 - (await stockOf("syrup")) + (3 - (await stockOf("wine")));
    expect(taken >= placed).toBe(true);
    expect(await stockOf("hidden")).toBe(10);
  }, 60_000);

  it("answers arbitrary references and tokens with 400 or 404", async () => {
    await seedProduce();
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), async (reference, token) => {
        const before = await databaseDigest();
        const path = `/api/orders/${encodeURIComponent(reference)}?token=${encodeURIComponent(token)}`;
        const res = await call(path);
        expect([400, 404]).toContain(res.status);
        expect(await databaseDigest(), path).toBe(before);
      }),
      { seed: SEED, numRuns: 100 },
    );
  }, 60_000);
});
