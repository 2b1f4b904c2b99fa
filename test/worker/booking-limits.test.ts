import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { county } from "../../county.config";
import { inDays, postJson, scalar, seedCampsites, stay } from "./helpers";

/**
 * Limits a real family never meets and a script always does (county.config.ts
 * bookingLimits): per request, per phone per night and per address per night, the
 * last two enforced in the booking's own D1 batch.
 */
const { perPhone, perAddress, perRequest } = county.bookingLimits;
const half = Math.floor(perPhone.unitsPerNight / 2);
const rest = perPhone.unitsPerNight - half;
const festivalNight = inDays(30);
const family = stay({
  checkIn: festivalNight,
  nights: 2,
  units: 1,
  guests: { adults: 2, children: 1 },
  contact: { name: "李明", phone: "13900000000" },
});
const script = (n: number, overrides: Record<string, unknown> = {}) =>
  stay({
    checkIn: festivalNight,
    nights: 1,
    units: 1,
    contact: { name: `bot ${n}`, phone: "13800000000" },
    ...overrides,
  });
const booked = (night = festivalNight) =>
  scalar("SELECT coalesce(sum(booked), 0) FROM night_inventory WHERE night = ?", night);

describe("one phone on one night", () => {
  it("lets 100 racing bookings from one phone take at most the per-phone limit, and a family still books", async () => {
    await seedCampsites(200);
    const responses = await Promise.all([
      ...Array.from({ length: 100 }, (_, i) => postJson("/api/bookings", script(i))),
      postJson("/api/bookings", family),
    ]);
    const statuses = responses.map((r) => r.status);
    const fam = statuses.pop();
    expect(fam).toBe(201);
    expect(statuses.filter((s) => s === 201)).toHaveLength(perPhone.unitsPerNight);
    expect(statuses.filter((s) => s !== 201).every((s) => s === 409)).toBe(true);
    expect(await booked()).toBe(perPhone.unitsPerNight + 1);
    expect(await scalar("SELECT count(*) FROM bookings WHERE contact_phone = '13800000000'")).toBe(
      perPhone.unitsPerNight,
    );
    const refused = responses.find((r) => r.status === 409);
    expect(await refused?.json()).toMatchObject({ type: expect.stringContaining("phone-limit") });
  });

  it("counts one phone however it is written, names the nights, and writes nothing", async () => {
    await seedCampsites(50);
    const first = await postJson("/api/bookings", script(1, { units: half }));
    expect(first.status).toBe(201);
    const second = await postJson(
      "/api/bookings",
      script(2, { units: rest, contact: { name: "x", phone: "+86 138-0000-0000" } }),
    );
    expect(second.status).toBe(201);
    const before = await booked();
    const over = await postJson(
      "/api/bookings",
      script(3, { nights: 2, contact: { name: "x", phone: "86 138 0000 0000" } }),
      undefined,
      { "accept-language": "en" },
    );
    expect(over.status).toBe(409);
    const body = await over.json<{ detail: string; nights: string[]; limit: number }>();
    expect(body.nights).toEqual([festivalNight]);
    expect(body.limit).toBe(perPhone.unitsPerNight);
    expect(body.detail).toContain(`at most ${perPhone.unitsPerNight}`);
    expect(body.detail).toContain("call the campsite");
    expect(await booked()).toBe(before);
    expect(await booked(inDays(31))).toBe(0);
    const zh = await postJson("/api/bookings", script(4));
    expect((await zh.json<{ detail: string }>()).detail).toContain("每个电话号码");
  });

  it("gives back what a cancelled booking held", async () => {
    await seedCampsites(50);
    const full = await postJson("/api/bookings", script(1, { units: half }));
    const held = await postJson("/api/bookings", script(2, { units: rest }));
    expect([full.status, held.status]).toEqual([201, 201]);
    expect((await postJson("/api/bookings", script(3))).status).toBe(409);
    const { reference, token } = await full.json<{ reference: string; token: string }>();
    expect((await postJson(`/api/bookings/${reference}/cancel`, { token })).status).toBe(200);
    expect((await postJson("/api/bookings", script(4))).status).toBe(201);
    expect(await scalar("SELECT held FROM booking_holds WHERE holder LIKE 'phone:%'")).toBe(rest + 1);
  });

  it("limits places per phone on one activity session", async () => {
    await env.DB.prepare(
      `INSERT INTO activity_slots (id, event_slug, name_zh, name_en, date, start_time, end_time, capacity, price_fen)
       VALUES ('picking-1', 'pear-picking', '采梨', 'Pear picking', ?, '09:30', '11:00', 500, 0)`,
    )
      .bind(festivalNight)
      .run();
    const place = (adults: number, phone = "13800000000") => ({
      slot: "picking-1",
      guests: { adults },
      contact: { name: "x", phone },
    });
    const size = perPhone.placesPerSession / 2;
    expect((await postJson("/api/bookings", place(size))).status).toBe(201);
    expect((await postJson("/api/bookings", place(size))).status).toBe(201);
    expect((await postJson("/api/bookings", place(1))).status).toBe(409);
    expect((await postJson("/api/bookings", place(2, "13900000000"))).status).toBe(201);
    expect(await scalar("SELECT booked FROM activity_slots")).toBe(perPhone.placesPerSession + 2);
  });
});

describe("one address on one night", () => {
  it("stops many phones from one address at the address limit; another address still books", async () => {
    await seedCampsites(200);
    const from = (ip: string) => ({ "cf-connecting-ip": ip });
    const results: number[] = [];
    for (let i = 0; i < perAddress.unitsPerNight + 3; i++) {
      const res = await postJson(
        "/api/bookings",
        script(i, { contact: { name: "x", phone: `1380000${String(i).padStart(4, "0")}` } }),
        undefined,
        from("203.0.113.7"),
      );
      results.push(res.status);
    }
    expect(results.filter((s) => s === 201)).toHaveLength(perAddress.unitsPerNight);
    const res = await postJson("/api/bookings", family, undefined, from("198.51.100.20"));
    expect(res.status).toBe(201);
    // The booking stores hashes of where it came from, never the address itself.
    const rows = await env.DB.prepare("SELECT DISTINCT address_hash, agent_hash FROM bookings").all();
    expect(rows.results).toHaveLength(2);
    expect(JSON.stringify(rows.results)).not.toContain("203.0.113.7");
  });
});

describe("per request", () => {
  it("refuses more units, nights or places than one request may ask for, in the person's language", async () => {
    await seedCampsites(50);
    const units = await postJson("/api/bookings", script(1, { units: perRequest.units + 1 }), undefined, {
      "accept-language": "en",
    });
    expect(units.status).toBe(400);
    expect(JSON.stringify(await units.json())).toContain(`at most ${perRequest.units} pitches`);
    const nights = await postJson("/api/bookings", script(1, { nights: perRequest.nights + 1 }));
    expect(nights.status).toBe(400);
    expect(JSON.stringify(await nights.json())).toContain(`${perRequest.nights} 晚`);
    await env.DB.prepare(
      `INSERT INTO activity_slots (id, event_slug, name_zh, name_en, date, start_time, end_time, capacity, price_fen)
       VALUES ('tour', 'pear-blossom', '导览', 'Tour', ?, '09:30', '11:00', 500, 0)`,
    )
      .bind(festivalNight)
      .run();
    const places = await postJson(
      "/api/bookings",
      { slot: "tour", guests: { adults: perRequest.places + 1 }, contact: { name: "x", phone: "13800000000" } },
      undefined,
      { "accept-language": "en" },
    );
    expect(places.status).toBe(400);
    expect(JSON.stringify(await places.json())).toContain(`at most ${perRequest.places} places`);
    expect(await scalar("SELECT count(*) FROM bookings")).toBe(0);
  });
});
