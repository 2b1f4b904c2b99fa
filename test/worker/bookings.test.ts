import { describe, expect, it } from "vitest";
import { call, inDays, newKey, postJson, scalar, seedCampsites, seedSlot, stay } from "./helpers";

interface BookingBody {
  reference: string;
  token: string;
  status: string;
  total: number;
  checkOut: string;
  links: { page: string };
}

describe("POST /api/bookings (stays)", () => {
  it("books a stay, prices it on the server and stores only the token's hash", async () => {
    await seedCampsites();
    const res = await postJson("/api/bookings", { ...stay({ units: 2, nights: 3 }), price: 1 });
    expect(res.status).toBe(201);
    const body = await res.json<BookingBody>();
    expect(body.reference).toMatch(/^[2-9A-HJKMNP-TV-Z]{8}$/);
    expect(body.token.length).toBeGreaterThanOrEqual(20);
    expect(body).toMatchObject({ status: "confirmed", total: 8000 * 3 * 2, checkOut: inDays(13) });
    const stored = await scalar<string>("SELECT token_hash FROM bookings WHERE reference = ?", body.reference);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain(body.token);
    expect(await scalar("SELECT sum(booked) FROM night_inventory")).toBe(6);
  });

  it("sells the last 5 pitches exactly once to 50 racing requests", async () => {
    await seedCampsites(5);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        // Fifty guests, each with a phone of their own (one phone may hold only a few pitches).
        postJson(
          "/api/bookings",
          stay({ contact: { name: `Guest ${i}`, phone: `1380000${String(i).padStart(4, "0")}` } }),
        ),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(45);
    expect(await scalar("SELECT count(*) FROM bookings")).toBe(5);
    expect(await scalar("SELECT max(booked) FROM night_inventory")).toBe(5);
    expect(await scalar("SELECT count(*) FROM night_inventory WHERE booked > capacity")).toBe(0);
    const refused = await results.find((r) => r.status === 409)?.json<{ nights: Array<{ date: string }> }>();
    expect(refused?.nights.map((n) => n.date)).toEqual([inDays(10), inDays(11)]);
  });

  it("writes nothing when one night of a multi-night stay is full", async () => {
    await seedCampsites(2);
    const full = await postJson("/api/bookings", stay({ checkIn: inDays(11), nights: 1, units: 2 }));
    expect(full.status).toBe(201);
    const res = await postJson("/api/bookings", stay({ checkIn: inDays(10), nights: 3 }), newKey(), {
      "accept-language": "en",
    });
    expect(res.status).toBe(409);
    const problem = await res.json<{ detail: string; nights: Array<{ date: string; remaining: number }> }>();
    expect(problem.nights).toEqual([{ date: inDays(11), remaining: 0 }]);
    expect(problem.detail).toContain(inDays(11));
    expect(await scalar("SELECT count(*) FROM bookings")).toBe(1);
    expect(await scalar("SELECT count(*) FROM night_inventory WHERE night <> ?", inDays(11))).toBe(0);
  });

  it("creates one booking for 20 concurrent replays of one Idempotency-Key", async () => {
    await seedCampsites();
    const key = newKey();
    const results = await Promise.all(Array.from({ length: 20 }, () => postJson("/api/bookings", stay(), key)));
    const bodies = await Promise.all(results.map((r) => r.json<BookingBody>()));
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(new Set(bodies.map((b) => b.reference)).size).toBe(1);
    expect(new Set(bodies.map((b) => b.token)).size).toBe(1);
    expect(await scalar("SELECT count(*) FROM bookings")).toBe(1);
    expect(await scalar("SELECT max(booked) FROM night_inventory")).toBe(1);
  });

  it("refuses the same key with another body with 422 and writes nothing", async () => {
    await seedCampsites();
    const key = newKey();
    expect((await postJson("/api/bookings", stay(), key)).status).toBe(201);
    const res = await postJson("/api/bookings", stay({ nights: 3 }), key);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/problem\+json/);
    expect(await scalar("SELECT count(*) FROM bookings")).toBe(1);
  });

  it("refuses stays that break the unit's rules, in the person's language, writing nothing", async () => {
    await seedCampsites();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ checkIn: inDays(-1) }, "checkIn"],
      [{ checkIn: inDays(95) }, "checkIn"],
      [{ nights: 8 }, "nights"],
      [{ guests: { adults: 5, children: 0 } }, "guests"],
      [{ unit: "no-such-unit" }, "unit"],
      [{ contact: { name: "", phone: "abc" } }, "contact.name"],
    ];
    for (const [override, field] of cases) {
      const res = await postJson("/api/bookings", stay(override), newKey(), { "accept-language": "en" });
      expect(res.status, field).toBe(400);
      const problem = await res.json<{ errors: Array<{ field: string; message: string }> }>();
      expect(
        problem.errors.map((e) => e.field),
        JSON.stringify(override),
      ).toContain(field);
    }
    const zh = await postJson("/api/bookings", stay({ nights: 8 }));
    expect((await zh.json<{ errors: Array<{ message: string }> }>()).errors[0]?.message).toBe("最多可以住 7 晚。");
    expect(await scalar("SELECT count(*) FROM bookings")).toBe(0);
    expect(await scalar("SELECT count(*) FROM night_inventory")).toBe(0);
  });

  it("refuses closed nights with 409 naming them", async () => {
    await seedCampsites();
    await call("/api/health");
    const { env } = await import("cloudflare:workers");
    await env.DB.prepare("INSERT INTO closures (unit_type_id, from_date, to_date) VALUES ('gajian-byo-tent', ?, ?)")
      .bind(inDays(11), inDays(11))
      .run();
    const res = await postJson("/api/bookings", stay());
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ nights: [inDays(11)] });
    expect(await scalar("SELECT count(*) FROM bookings")).toBe(0);
  });

  it("requires an Idempotency-Key", async () => {
    await seedCampsites();
    const res = await postJson("/api/bookings", stay(), null);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: [{ field: "Idempotency-Key" }] });
  });

  it("answers malformed bodies with problems, never a 500", async () => {
    await seedCampsites();
    const bodies: Array<[string, string]> = [
      ["{", "application/json"],
      ["[]", "application/json"],
      ["null", "application/json"],
      ['{"unit": {"$gt": ""}, "nights": "NaN"}', "application/json"],
      ["unit=x", "text/plain"],
    ];
    for (const [body, type] of bodies) {
      const res = await call("/api/bookings", {
        method: "POST",
        headers: { "content-type": type, "idempotency-key": newKey() },
        body,
      });
      expect(res.status, body).toBeGreaterThanOrEqual(400);
      expect(res.status, body).toBeLessThan(500);
    }
    expect(await scalar("SELECT count(*) FROM bookings")).toBe(0);
  });
});

describe("activity places", () => {
  it("books places on a slot and refuses more than are left", async () => {
    await seedSlot(3);
    const ok = await postJson("/api/bookings", {
      slot: "orchard-tour-1",
      guests: { adults: 2 },
      contact: stay().contact,
    });
    expect(ok.status).toBe(201);
    expect(await ok.json()).toMatchObject({ kind: "activity", units: 2, total: 6000 });
    const over = await postJson("/api/bookings", {
      slot: "orchard-tour-1",
      guests: { adults: 2 },
      contact: stay().contact,
    });
    expect(over.status).toBe(409);
    expect(await over.json()).toMatchObject({ remaining: 1 });
    expect(await scalar("SELECT booked FROM activity_slots")).toBe(2);
  });
});

describe("lookup and cancellation", () => {
  async function book(units = 2) {
    const res = await postJson("/api/bookings", stay({ units }));
    return res.json<BookingBody>();
  }

  it("shows a booking only with its token", async () => {
    await seedCampsites();
    const b = await book();
    expect((await call(`/api/bookings/${b.reference}?token=${b.token}`)).status).toBe(200);
    expect((await call(`/api/bookings/${b.reference}?token=wrong-token-123`)).status).toBe(404);
    expect((await call(`/api/bookings/${b.reference.toLowerCase()}?token=${b.token}`)).status).toBe(200);
  });

  it("releases exactly what was taken, once, however many cancellations race", async () => {
    await seedCampsites();
    await book(1);
    const b = await book(2);
    expect(await scalar("SELECT max(booked) FROM night_inventory")).toBe(3);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => postJson(`/api/bookings/${b.reference}/cancel`, { token: b.token })),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
    expect(await scalar("SELECT group_concat(booked) FROM night_inventory")).toBe("1,1");
    expect(await scalar("SELECT status FROM bookings WHERE reference = ?", b.reference)).toBe("cancelled");
  });

  it("replays a cancellation with the same key", async () => {
    await seedCampsites();
    const b = await book();
    const key = newKey();
    const first = await postJson(`/api/bookings/${b.reference}/cancel`, { token: b.token }, key);
    const again = await postJson(`/api/bookings/${b.reference}/cancel`, { token: b.token }, key);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await scalar("SELECT sum(booked) FROM night_inventory")).toBe(0);
  });

  it("refuses cancellation with a wrong token", async () => {
    await seedCampsites();
    const b = await book();
    const res = await postJson(`/api/bookings/${b.reference}/cancel`, { token: "not-the-token" });
    expect(res.status).toBe(404);
    expect(await scalar("SELECT status FROM bookings")).toBe("confirmed");
  });
});

describe("HTML forms without JavaScript", () => {
  const form = (origin: string) => ({
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin },
    body: new URLSearchParams({
      unit: "gajian-byo-tent",
      checkIn: inDays(5),
      nights: "1",
      units: "1",
      "guests[adults]": "2",
      "contact[name]": "Li Wei",
      "contact[phone]": "13900000000",
      idempotencyKey: newKey(),
    }).toString(),
  });

  it("redirects to the booking page with 303", async () => {
    await seedCampsites();
    const res = await call("/api/bookings?lang=en", form("http://localhost"));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/en\/visit\/booking\/\?ref=[2-9A-Z]{8}&token=/);
  });

  it("refuses a form posted from another site", async () => {
    await seedCampsites();
    const res = await call("/api/bookings", form("https://evil.example"));
    expect(res.status).toBe(403);
    expect(await scalar("SELECT count(*) FROM bookings")).toBe(0);
  });
});

describe("GET /api/campsites/:slug/availability", () => {
  it("shows places left, closures and the booking window", async () => {
    await seedCampsites(3);
    await postJson("/api/bookings", stay({ units: 2, nights: 1 }));
    const res = await call(`/api/campsites/gajian-lawn/availability?from=${inDays(-1)}&to=${inDays(12)}`);
    expect(res.status).toBe(200);
    const { units } = await res.json<{ units: Array<{ id: string; nights: Array<Record<string, unknown>> }> }>();
    const nights = units[0]?.nights ?? [];
    expect(nights).toHaveLength(13);
    expect(nights[0]).toMatchObject({ date: inDays(-1), remaining: 3, bookable: false });
    expect(nights.find((n) => n.date === inDays(10))).toMatchObject({ remaining: 1, closed: false, bookable: true });
  });

  it("rejects bad ranges and unknown sites", async () => {
    await seedCampsites();
    expect((await call("/api/campsites/gajian-lawn/availability?from=2026-13-01&to=2026-12-01")).status).toBe(400);
    expect((await call(`/api/campsites/gajian-lawn/availability?from=${inDays(5)}&to=${inDays(1)}`)).status).toBe(400);
    expect((await call(`/api/campsites/nowhere/availability?from=${inDays(1)}&to=${inDays(5)}`)).status).toBe(404);
  });
});

describe("GET /api/activity-slots", () => {
  it("lists an event's sessions with places left", async () => {
    await seedSlot(10);
    await postJson("/api/bookings", { slot: "orchard-tour-1", guests: { adults: 4 }, contact: stay().contact });
    const res = await call("/api/activity-slots?event=pear-blossom&lang=en");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject([{ id: "orchard-tour-1", name: "Orchard tour", capacity: 10, left: 6 }]);
    expect((await call("/api/activity-slots?event=../x")).status).toBe(400);
  });
});
