import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { countingD1 } from "./d1-counter";
import { app } from "./entry";
import { inDays, newKey, postJson, seedCampsites, stay } from "./helpers";

/** Calls the Worker with a D1 binding that counts round trips. */
async function counted(path: string, init?: RequestInit) {
  const { db, counts } = countingD1(env.DB);
  const res = await app.request(path, init, { ...env, DB: db });
  await res.arrayBuffer();
  return { res, counts, trips: counts.queries + counts.batches };
}

describe("D1 round trips per request", () => {
  it("public reads take at most one query or batch", async () => {
    await seedCampsites();
    const booked = await (await postJson("/api/bookings", stay())).json<{ reference: string; token: string }>();
    const reads = [
      "/api/health",
      "/api/campsites",
      `/api/campsites/gajian-lawn/availability?from=${inDays(0)}&to=${inDays(60)}`,
      `/api/bookings/${booked.reference}?token=${booked.token}`,
    ];
    for (const path of reads) {
      const { res, trips } = await counted(path);
      expect(res.status, path).toBe(200);
      expect(trips, path).toBeLessThanOrEqual(1);
    }
  });

  it("a booking is written in exactly one batch (after one read batch)", async () => {
    await seedCampsites();
    const { res, counts } = await counted("/api/bookings", {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": newKey() },
      body: JSON.stringify(stay({ nights: 5 })),
    });
    expect(res.status).toBe(201);
    expect(counts.writeBatches).toBe(1);
    expect(counts.queries + counts.batches).toBe(2);
  });

  it("a cancellation is written in exactly one batch", async () => {
    await seedCampsites();
    const b = await (await postJson("/api/bookings", stay())).json<{ reference: string; token: string }>();
    const { res, counts } = await counted(`/api/bookings/${b.reference}/cancel`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": newKey() },
      body: JSON.stringify({ token: b.token }),
    });
    expect(res.status).toBe(200);
    expect(counts.writeBatches).toBe(1);
  });
});
