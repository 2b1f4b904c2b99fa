import { env } from "cloudflare:workers";
import { housekeeping } from "@functions/housekeeping";
import { beforeEach, describe, expect, it } from "vitest";
import { county } from "../../county.config";
import { as, createAccount, postAs, seedTwoSites, signIn } from "./accounts";
import { call, inDays, postJson, scalar } from "./helpers";

/**
 * What the campsite decides: cancelling a booking with a reason, confirming or
 * declining a large one held for it, and removing a flood by phone.
 */
let ops: string;
let other: string;
beforeEach(async () => {
  await seedTwoSites();
  await env.DB.prepare("UPDATE unit_types SET capacity = 40").run();
  await createAccount("ops@example.cn", "operator", { campsites: ["gajian-lawn"] });
  await createAccount("valley@example.cn", "operator", { campsites: ["pear-valley"] });
  ops = await signIn("ops@example.cn");
  other = await signIn("valley@example.cn");
});

async function book(units = 1, phone = "13800000000", day = 10) {
  const res = await postJson("/api/bookings", {
    unit: "gajian-byo-tent",
    checkIn: inDays(day),
    nights: 2,
    units,
    guests: { adults: 2 },
    contact: { name: "王芳", phone },
  });
  expect(res.status).toBe(201);
  return res.json<{ reference: string; token: string; status: string; holdUntil?: string }>();
}

const guestView = (b: { reference: string; token: string }) =>
  call(`/api/bookings/${b.reference}?token=${b.token}`).then((r) => r.json<Record<string, unknown>>());
const audit = (action: string) =>
  env.DB.prepare("SELECT target_id, before, after FROM audit_log WHERE action = ? ORDER BY id")
    .bind(action)
    .all<{ target_id: string; before: string; after: string }>()
    .then((r) => r.results);
const bookedOn = (day: number) =>
  scalar("SELECT coalesce(sum(booked), 0) FROM night_inventory WHERE night = ?", inDays(day));

describe("the campsite cancels a booking", () => {
  it("with a reason: audited, places released, the guest told and shown the reason", async () => {
    const b = await book(2);
    expect(await bookedOn(10)).toBe(2);
    const res = await postAs(ops, `/api/dashboard/bookings/${b.reference}/cancel`, { reason: "草坪积水，无法入住" });
    expect(res.status).toBe(200);
    expect(await bookedOn(10)).toBe(0);
    expect(await scalar("SELECT coalesce(sum(held), 0) FROM booking_holds")).toBe(0);
    expect(await guestView(b)).toMatchObject({
      status: "cancelled",
      cancelledBy: "campsite",
      cancelReason: "草坪积水，无法入住",
    });
    expect(await audit("booking.cancel")).toEqual([
      {
        target_id: b.reference,
        before: '{"status":"confirmed"}',
        after: JSON.stringify({ status: "cancelled", reason: "草坪积水，无法入住" }),
      },
    ]);
    const sms = await env.DB.prepare("SELECT recipient, kind, params FROM outbox ORDER BY id DESC").first<
      Record<string, string>
    >();
    expect(sms).toMatchObject({ recipient: "13800000000", kind: "booking-cancelled" });
    expect(JSON.parse(sms?.params ?? "{}")).toMatchObject({ reference: b.reference, reason: "草坪积水，无法入住" });
    const again = await postAs(ops, `/api/dashboard/bookings/${b.reference}/cancel`, { reason: "again" });
    expect(again.status).toBe(409);
    expect(await audit("booking.cancel")).toHaveLength(1);
  });

  it("is refused without a reason, and is a 404 for an operator of another campsite", async () => {
    const b = await book();
    const empty = await postAs(ops, `/api/dashboard/bookings/${b.reference}/cancel`, { reason: "  " });
    expect(empty.status).toBe(400);
    const elsewhere = await postAs(other, `/api/dashboard/bookings/${b.reference}/cancel`, { reason: "no" });
    expect(elsewhere.status).toBe(404);
    expect(await scalar("SELECT status FROM bookings")).toBe("confirmed");
    expect(await scalar("SELECT count(*) FROM audit_log WHERE action LIKE 'booking.%'")).toBe(0);
  });

  it("from the no-JS form: a 303 back to the booking", async () => {
    const b = await book();
    const res = await as(ops, `/api/dashboard/bookings/${b.reference}/cancel?lang=en`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" },
      body: new URLSearchParams({ reason: "Flooded", next: `/en/dashboard/check-in/?ref=${b.reference}` }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/en/dashboard/check-in/?ref=${b.reference}&done=cancelled`);
    expect(await scalar("SELECT cancel_reason FROM bookings")).toBe("Flooded");
  });
});

describe("a large booking awaits confirmation", () => {
  const large = county.bookingLimits.confirmAbove.units + 1;

  it("holds its places, says so, and the campsite confirms it", async () => {
    const b = await book(large);
    expect(b.status).toBe("held");
    expect(Date.parse(b.holdUntil ?? "") - Date.now()).toBeGreaterThan((county.bookingLimits.holdHours - 1) * 3.6e6);
    expect(await bookedOn(10)).toBe(large);
    const res = await postAs(ops, `/api/dashboard/bookings/${b.reference}/confirm`);
    expect(res.status).toBe(200);
    expect(await guestView(b)).toMatchObject({ status: "confirmed" });
    expect((await guestView(b)).holdUntil).toBeUndefined();
    expect(await audit("booking.confirm")).toHaveLength(1);
    expect((await postAs(ops, `/api/dashboard/bookings/${b.reference}/confirm`)).status).toBe(409);
  });

  it("the campsite declines it with a reason and the places are free again", async () => {
    const b = await book(large);
    const res = await postAs(ops, `/api/dashboard/bookings/${b.reference}/decline`, { reason: "团队请来电" });
    expect(res.status).toBe(200);
    expect(await bookedOn(10)).toBe(0);
    expect(await guestView(b)).toMatchObject({ status: "cancelled", cancelReason: "团队请来电" });
    expect(await scalar("SELECT kind FROM outbox ORDER BY id DESC")).toBe("booking-declined");
  });

  it("housekeeping releases it once the hold has run out, and only then", async () => {
    const b = await book(large);
    const small = await book(1, "13900000000");
    const soon = new Date(Date.now() + 3_600_000);
    expect((await housekeeping(env, soon)).releasedHolds).toBe(0);
    const later = new Date(Date.now() + (county.bookingLimits.holdHours + 1) * 3_600_000);
    expect((await housekeeping(env, later)).releasedHolds).toBe(1);
    expect(await guestView(b)).toMatchObject({ status: "cancelled", cancelledBy: "housekeeping" });
    expect(await guestView(small)).toMatchObject({ status: "confirmed" });
    expect(await bookedOn(10)).toBe(1);
    expect(await audit("booking.hold_expired")).toHaveLength(1);
    expect((await housekeeping(env, later)).releasedHolds).toBe(0);
  });

  it("housekeeping forgets what phones held on nights that are over", async () => {
    await book(1);
    await env.DB.prepare("INSERT INTO booking_holds (holder, what, cap, held) VALUES ('phone:x', ?, 4, 2)")
      .bind(`stay:${inDays(-2)}`)
      .run();
    await housekeeping(env);
    const left = await env.DB.prepare("SELECT what FROM booking_holds WHERE holder LIKE 'phone:%' ORDER BY what").all();
    expect(left.results).toEqual([{ what: `stay:${inDays(10)}` }, { what: `stay:${inDays(11)}` }]);
  });
});

describe("a flood from one phone", () => {
  it("is previewed masked and cancelled in one go, other phones untouched", async () => {
    const a = await book(1, "13800000000", 10);
    await book(1, "+86 138 0000 0000", 12);
    await book(1, "138-0000-0000", 14);
    const family = await book(1, "13900000000", 10);
    const preview = await as(ops, `/api/dashboard/bookings/${a.reference}/same-phone`);
    const body = await preview.json<{ phone: string; bookings: Array<{ phone: string }> }>();
    expect(body.phone).toBe("138****0000");
    expect(body.bookings).toHaveLength(3);
    expect(JSON.stringify(body)).not.toContain("13800000000");
    expect((await as(other, `/api/dashboard/bookings/${a.reference}/same-phone`)).status).toBe(404);
    const res = await postAs(ops, `/api/dashboard/bookings/${a.reference}/cancel-same-phone`, { reason: "刷单" });
    expect(res.status).toBe(200);
    expect((await res.json<{ cancelled: string[] }>()).cancelled).toHaveLength(3);
    expect(await audit("booking.cancel_by_phone")).toHaveLength(3);
    expect(await guestView(family)).toMatchObject({ status: "confirmed" });
    expect(await scalar("SELECT count(*) FROM bookings WHERE status = 'cancelled'")).toBe(3);
    expect(await scalar("SELECT coalesce(sum(booked), 0) FROM night_inventory")).toBe(2);
  });

  it("shows recent bookings grouped by where they came from", async () => {
    const from = (ip: string) => ({ "cf-connecting-ip": ip });
    for (const phone of ["13800000001", "13800000002", "13800000003"]) {
      await postJson(
        "/api/bookings",
        {
          unit: "gajian-byo-tent",
          checkIn: inDays(5),
          nights: 3,
          units: 2,
          guests: { adults: 2 },
          contact: { name: "x", phone },
        },
        undefined,
        from("203.0.113.9"),
      );
    }
    await postJson(
      "/api/bookings",
      {
        unit: "gajian-byo-tent",
        checkIn: inDays(5),
        nights: 1,
        units: 1,
        guests: { adults: 2 },
        contact: { name: "y", phone: "13900000000" },
      },
      undefined,
      from("198.51.100.1"),
    );
    const res = await as(ops, "/api/dashboard/sites/gajian-lawn/booking-sources");
    const { sources } = await res.json<{ sources: Array<{ bookings: number; held: number; phones: unknown[] }> }>();
    expect(sources.map((s) => [s.bookings, s.held, s.phones.length])).toEqual([
      [3, 18, 3],
      [1, 1, 1],
    ]);
    expect(JSON.stringify(sources)).not.toContain("203.0.113.9");
    expect((await as(other, "/api/dashboard/sites/gajian-lawn/booking-sources")).status).toBe(404);
  });
});
