import { env } from "cloudflare:workers";
import { bookingsOnNights, noOtherBookings } from "@functions/bookings/closure-bookings";
import { type NewBooking, stayStatements, type UnitTypeRules } from "@functions/bookings/queries";
import { beforeEach, describe, expect, it } from "vitest";
import { as, book, createAccount, postAs, seedTwoSites, signIn, snapshot } from "./accounts";
import { inDays, postJson, scalar } from "./helpers";

/** Closing nights that guests have booked: refused, or the bookings cancelled and their guests told, in one batch. */
let ops: string;
beforeEach(async () => {
  await seedTwoSites();
  await createAccount("ops@example.cn", "operator", { campsites: ["gajian-lawn"] });
  ops = await signIn("ops@example.cn");
});

async function bookInEnglish(day: number): Promise<{ reference: string; token: string }> {
  const res = await postJson("/api/bookings?lang=en", {
    unit: "gajian-byo-tent",
    checkIn: inDays(day),
    nights: 2,
    units: 1,
    guests: { adults: 1 },
    contact: { name: "Anna", phone: "13900000009" },
  });
  expect(res.status).toBe(201);
  return res.json();
}

const close = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  postAs(
    ops,
    "/api/dashboard/sites/gajian-lawn/closures",
    {
      unit: "gajian-byo-tent",
      from: inDays(2),
      to: inDays(3),
      reasonZh: "山路塌方",
      reasonEn: "Landslide on the road",
      ...body,
    },
    headers,
  );

const outbox = () =>
  env.DB.prepare(
    "SELECT kind, recipient, lang, params, booking_id FROM outbox WHERE kind = 'booking-cancelled' ORDER BY id",
  )
    .all<{ kind: string; recipient: string; lang: string; params: string; booking_id: number }>()
    .then((r) => r.results);

describe("a closure over booked nights", () => {
  it("is refused with a 409 naming the bookings, in the person's language, writing nothing", async () => {
    const zh = await book("gajian-byo-tent", 3);
    const en = await bookInEnglish(1);
    const before = await snapshot();
    const messages = await scalar("SELECT count(*) FROM outbox");
    const res = await close({}, { "accept-language": "en" });
    expect(res.status).toBe(409);
    const problem = await res.json<{ type: string; detail: string; bookings: Array<{ reference: string }> }>();
    expect(problem.type).toContain("closure-booked");
    expect(problem.bookings.map((b) => b.reference)).toEqual([en.reference, zh]);
    expect(problem.detail).toContain(zh);
    expect(problem.detail).toContain("Nothing was closed");
    const inChinese = await close({ cancelAffected: false });
    expect((await inChinese.json<{ detail: string }>()).detail).toContain("没有关闭任何日期");
    expect(await snapshot()).toEqual(before);
    expect(await scalar("SELECT count(*) FROM outbox")).toBe(messages);
  });

  it("with cancelAffected cancels them for the campsite, releases the nights, texts each guest once and audits it", async () => {
    const zh = await book("gajian-byo-tent", 3);
    const en = await bookInEnglish(1);
    await book("gajian-byo-tent", 5); // after the closure: untouched
    const res = await close({ cancelAffected: true });
    expect(res.status).toBe(201);
    expect((await res.json<{ cancelledBookings: string[] }>()).cancelledBookings).toEqual([en.reference, zh]);
    const rows = await env.DB.prepare("SELECT reference, status, cancelled_by, cancel_reason FROM bookings ORDER BY id")
      .all()
      .then((r) => r.results);
    expect(rows.slice(0, 2)).toEqual([
      { reference: zh, status: "cancelled", cancelled_by: "campsite", cancel_reason: "山路塌方" },
      {
        reference: en.reference,
        status: "cancelled",
        cancelled_by: "campsite",
        cancel_reason: "Landslide on the road",
      },
    ]);
    expect(rows[2]).toMatchObject({ status: "confirmed" });
    expect(await scalar(`SELECT sum(booked) FROM night_inventory WHERE night < '${inDays(5)}'`)).toBe(0);
    const told = await outbox();
    expect(told.map((m) => [m.recipient, m.lang, JSON.parse(m.params).reason])).toEqual([
      ["13900000009", "en", "Landslide on the road"],
      ["13800000000", "zh-CN", "山路塌方"],
    ]);
    expect(await scalar("SELECT count(*) FROM audit_log WHERE action = 'booking.cancel_closure'")).toBe(2);
    const closure = await scalar<string>("SELECT after FROM audit_log WHERE action = 'closure.create'");
    expect(JSON.parse(closure).cancelled).toEqual([en.reference, zh]);
    // The guest's own booking shows who cancelled it and why, in their language.
    const mine = await as(ops, `/api/bookings/${en.reference}?token=${en.token}`);
    expect(await mine.json()).toMatchObject({
      status: "cancelled",
      cancelledBy: "campsite",
      cancelReason: "Landslide on the road",
      messages: [
        { channel: "sms", kind: "booking-made", status: "pending", sentAt: null },
        { channel: "sms", kind: "booking-cancelled", status: "pending", sentAt: null },
      ],
    });
  });

  it("asks for a reason before cancelling guests' bookings, writing nothing", async () => {
    await book("gajian-byo-tent", 2);
    const before = await snapshot();
    const res = await close({ cancelAffected: "on", reasonZh: "", reasonEn: "" });
    expect(res.status).toBe(400);
    expect((await res.json<{ errors: Array<{ field: string }> }>()).errors[0]?.field).toBe("reasonZh");
    expect(await snapshot()).toEqual(before);
  });

  it("cancels nothing when the closure itself is refused: one batch", async () => {
    const ref = await book("gajian-byo-tent", 1);
    expect((await close({ from: inDays(4), to: inDays(4) })).status).toBe(201);
    const before = await snapshot();
    const res = await close({ from: inDays(1), to: inDays(4), cancelAffected: true });
    expect(res.status).toBe(409);
    expect(await scalar("SELECT status FROM bookings WHERE reference = ?", ref)).toBe("confirmed");
    expect(await outbox()).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });
});

describe("a booking and a closure at the same moment", () => {
  const unit = {
    id: "gajian-byo-tent",
    priceFen: 8000,
  } as UnitTypeRules;
  const booking = (checkIn: string): NewBooking => ({
    reference: "RACE2345",
    tokenHash: "x",
    checkIn,
    nights: 2,
    units: 1,
    adults: 1,
    children: 0,
    contactName: "王芳",
    contactPhone: "13800000077",
    contactEmail: null,
    notes: null,
    lang: "zh-CN",
    totalFen: 16000,
    status: "confirmed",
    holdUntil: null,
    source: { phoneHash: "p", addressHash: "a", agentHash: "g", addressKnown: false },
  });

  it("refuses the booking's batch when its nights were closed after the closures were read", async () => {
    expect((await close({ from: inDays(3), to: inDays(3) })).status).toBe(201);
    await expect(env.DB.batch(stayStatements(env.DB, unit, booking(inDays(2))))).rejects.toThrow(/write_guard/);
    expect(await scalar("SELECT count(*) FROM bookings")).toBe(0);
    // Nights next to the closure stay bookable.
    await env.DB.batch(stayStatements(env.DB, unit, booking(inDays(4))));
    expect(await scalar("SELECT count(*) FROM bookings")).toBe(1);
  });

  it("refuses the closure's batch when a booking was made after the list was read", async () => {
    const range = { unit: "gajian-byo-tent", from: inDays(2), to: inDays(3) };
    expect(await bookingsOnNights(env.DB, range)).toEqual([]);
    await book("gajian-byo-tent", 3); // made between the read and the write
    await expect(env.DB.batch([noOtherBookings(env.DB, range, [])])).rejects.toThrow(/write_guard/);
    const listed = await bookingsOnNights(env.DB, range);
    expect(listed).toHaveLength(1);
    await env.DB.batch([noOtherBookings(env.DB, range, listed)]);
  });
});
