import { describe, expect, it } from "vitest";
import { call, postJson, seedCampsites, stay } from "./helpers";

/** Booking and order tokens can travel in a header instead of the address; answers that carry them say no-referrer. */
describe("tokens out of addresses", () => {
  it("looks a booking up by Authorization: Bearer, X-Booking-Token or the public ?token=", async () => {
    await seedCampsites();
    const made = await postJson("/api/bookings", stay());
    expect(made.headers.get("referrer-policy")).toBe("no-referrer");
    const { reference, token } = await made.json<{ reference: string; token: string }>();
    for (const init of [
      { headers: { authorization: `Bearer ${token}` } },
      { headers: { "x-booking-token": token } },
      {},
    ]) {
      const path = init.headers ? `/api/bookings/${reference}` : `/api/bookings/${reference}?token=${token}`;
      const res = await call(path, init);
      expect(res.status, JSON.stringify(init)).toBe(200);
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    }
    expect(
      (await call(`/api/bookings/${reference}`, { headers: { authorization: "Bearer wrong-token-123" } })).status,
    ).toBe(404);
    expect((await call(`/api/bookings/${reference}`)).status).toBe(400);
  });

  it("keeps the general policy where no token travels", async () => {
    expect((await call("/api/campsites")).headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect((await call("/api/auth/me")).headers.get("referrer-policy")).toBe("no-referrer");
  });
});
