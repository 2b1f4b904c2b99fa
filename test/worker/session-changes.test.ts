import { env } from "cloudflare:workers";
import { messageLinks } from "@functions/api";
import { bookingsTouched, sessionChanges } from "@functions/bookings/session-changes";
import { importSessions } from "@functions/bookings/session-import";
import { todayInCounty } from "@functions/lib/dates";
import { deliverMessages } from "@functions/messages/deliver";
import { describe, expect, it } from "vitest";
import { FAKE_SMS_KEY_PREFIX, FAKE_SMS_SECRET, FAKE_SMS_SIGN_NAME } from "../fake-sms/keys";
import type { FakeText } from "../fake-sms/server";
import { databaseDigest } from "./digest";
import { call, inDays, postJson, scalar } from "./helpers";

/**
 * What a change to a festival event does to the bookings of its sessions, through
 * the content import (the build's events/slots.json, as the Worker's cron reads it).
 */

const EVENT = "pear-blossom-2099";
const session = (id: string, overrides: Record<string, unknown> = {}) => ({
  id: `${EVENT}-${id}`,
  event: EVENT,
  eventStatus: "scheduled",
  date: inDays(20),
  start: "09:30",
  end: "11:00",
  capacity: 10,
  price: 3000,
  title: { "zh-CN": "梨园导览", en: "Orchard tour" },
  eventNote: { "zh-CN": "", en: "" },
  ...overrides,
});

interface Booked {
  reference: string;
  token: string;
}

async function book(slot: string, phone: string, lang: "zh-CN" | "en" = "zh-CN", adults = 2): Promise<Booked> {
  const res = await postJson(
    `/api/bookings${lang === "en" ? "?lang=en" : ""}`,
    { slot: `${EVENT}-${slot}`, guests: { adults }, contact: { name: "王芳", phone } },
    undefined,
    lang === "en" ? { "accept-language": "en" } : {},
  );
  expect(res.status).toBe(201);
  return res.json<Booked>();
}

const outbox = (kind: string) =>
  env.DB.prepare("SELECT recipient, lang, params, booking_id FROM outbox WHERE kind = ? ORDER BY id")
    .bind(kind)
    .all<{ recipient: string; lang: string; params: string; booking_id: number }>()
    .then((r) => r.results);

const CANCELLED = {
  eventStatus: "cancelled",
  eventNote: { "zh-CN": "因梨花提前凋谢，活动取消。", en: "The blossom fell early, so the festival is off." },
};

describe("an event called off", () => {
  it("cancels every booking of its sessions with its reason, releases the places and tells each guest once", async () => {
    await importSessions(env.DB, [session("a"), session("b")]);
    const first = await book("a", "13800000000");
    const second = await book("b", "+86 138-0000-0000");
    const third = await book("b", "13900000000", "en", 3);
    expect(await scalar("SELECT lang FROM bookings WHERE reference = ?", third.reference)).toBe("en");
    const cancelled = [session("a", CANCELLED), session("b", CANCELLED)];

    const touched = await bookingsTouched(
      env.DB,
      { slug: EVENT, status: "cancelled", reason: CANCELLED.eventNote },
      cancelled.map((s) => ({
        id: s.id,
        nameZh: s.title["zh-CN"],
        nameEn: s.title.en,
        date: s.date,
        startTime: s.start,
        endTime: s.end,
        capacity: s.capacity,
        priceFen: s.price,
      })),
    );
    expect(touched).toEqual({ cancelled: 3, moved: 0, guests: 2 });

    const done = await importSessions(env.DB, cancelled);
    expect(done).toMatchObject({ cancelled: 3, messages: 2 });
    const rows = await env.DB.prepare(
      "SELECT reference, status, cancelled_by, cancel_reason FROM bookings ORDER BY id",
    ).all<{ reference: string; status: string; cancelled_by: string; cancel_reason: string }>();
    expect(rows.results.map((r) => [r.reference, r.status, r.cancelled_by, r.cancel_reason])).toEqual([
      [first.reference, "cancelled", "campsite", CANCELLED.eventNote["zh-CN"]],
      [second.reference, "cancelled", "campsite", CANCELLED.eventNote["zh-CN"]],
      [third.reference, "cancelled", "campsite", CANCELLED.eventNote.en],
    ]);
    expect(await scalar("SELECT sum(booked) FROM activity_slots")).toBe(0);
    expect(await scalar("SELECT count(*) FROM activity_slots WHERE active = 1")).toBe(0);
    expect(await scalar("SELECT count(*) FROM booking_holds WHERE held > 0")).toBe(0);
    // One guest with two bookings gets one text; the other guest gets one in English.
    const texts = await outbox("event-cancelled");
    expect(texts.map((t) => [t.recipient, t.lang])).toEqual([
      ["13800000000", "zh-CN"],
      ["13900000000", "en"],
    ]);
    expect(JSON.parse(texts[1]?.params ?? "{}")).toMatchObject({
      reference: third.reference,
      reason: expect.any(String),
    });
    expect(await scalar("SELECT count(*) FROM audit_log WHERE action = 'booking.event_cancelled'")).toBe(3);

    const seen = await call(`/api/bookings/${third.reference}?token=${third.token}`);
    expect(await seen.json()).toMatchObject({ status: "cancelled", cancelReason: CANCELLED.eventNote.en });
  });

  it("writes nothing, not even the messages, when any statement of the batch fails", async () => {
    await importSessions(env.DB, [session("a"), session("b")]);
    await book("a", "13800000000");
    await book("b", "13900000000");
    // The outbox refuses this once: the cancellations must not commit without their messages.
    await env.DB.prepare(
      "CREATE TRIGGER break_outbox BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox broken'); END",
    ).run();
    const before = await databaseDigest();
    const cancelled = [session("a", CANCELLED), session("b", CANCELLED)];
    await expect(importSessions(env.DB, cancelled)).rejects.toThrow(/outbox broken/);
    expect(await databaseDigest()).toBe(before);
    await env.DB.prepare("DROP TRIGGER break_outbox").run();
    expect(await importSessions(env.DB, cancelled)).toMatchObject({ cancelled: 2, messages: 2 });
    expect(await scalar("SELECT count(*) FROM bookings WHERE status = 'confirmed'")).toBe(0);
  });

  it("postponed: cancels the bookings too, with the organiser's words when the event gives none", async () => {
    await importSessions(env.DB, [session("a")]);
    const b = await book("a", "13800000000");
    await importSessions(env.DB, [session("a", { eventStatus: "postponed" })]);
    expect(await scalar("SELECT cancel_reason FROM bookings WHERE reference = ?", b.reference)).toBe(
      "主办方已将活动延期，新日期另行公布。",
    );
    expect((await outbox("event-postponed")).length).toBe(1);
  });
});

describe("a session moved", () => {
  it("moves its bookings to the new day, tells the guest and lets them cancel free", async () => {
    await importSessions(env.DB, [session("a")]);
    const b = await book("a", "13800000000");
    const moved = session("a", { eventStatus: "rescheduled", date: inDays(30), start: "14:00", end: "15:30" });
    expect(await importSessions(env.DB, [moved])).toMatchObject({ moved: 1, messages: 1 });
    const row = await env.DB.prepare("SELECT check_in, status, free_cancel_until FROM bookings WHERE reference = ?")
      .bind(b.reference)
      .first();
    expect(row).toEqual({ check_in: inDays(30), status: "confirmed", free_cancel_until: inDays(30) });
    expect(await scalar("SELECT date FROM activity_slots")).toBe(inDays(30));
    expect(await scalar("SELECT booked FROM activity_slots")).toBe(2);
    const texts = await outbox("session-moved");
    expect(texts.length).toBe(1);
    expect(JSON.parse(texts[0]?.params ?? "{}")).toMatchObject({ date: inDays(30), time: "14:00" });
    expect(await scalar("SELECT count(*) FROM audit_log WHERE action = 'booking.session_moved'")).toBe(1);
  });

  it("past the usual deadline, a guest whose session moved may still cancel free of charge", async () => {
    const today = todayInCounty();
    await importSessions(env.DB, [session("a", { date: today, start: "20:00", end: "21:00" })]);
    const b = await book("a", "13800000000");
    // The usual rule: online cancellation ends the day before the session.
    const late = await postJson(`/api/bookings/${b.reference}/cancel`, { token: b.token });
    expect(late.status).toBe(409);
    await importSessions(env.DB, [
      session("a", { eventStatus: "rescheduled", date: today, start: "21:00", end: "22:00" }),
    ]);
    expect(await scalar("SELECT free_cancel_until FROM bookings WHERE reference = ?", b.reference)).toBe(today);
    const view = await (await call(`/api/bookings/${b.reference}?token=${b.token}`)).json();
    expect(view).toMatchObject({ freeCancellationUntil: today });
    const cancel = await postJson(`/api/bookings/${b.reference}/cancel`, { token: b.token });
    expect(cancel.status).toBe(200);
    expect(await scalar("SELECT booked FROM activity_slots")).toBe(0);
  });

  it("fixes a booking left on the old day by an earlier import", async () => {
    await importSessions(env.DB, [session("a")]);
    const b = await book("a", "13800000000");
    // As the old script did: the session moved, its booking did not.
    await env.DB.prepare("UPDATE activity_slots SET date = ?").bind(inDays(25)).run();
    expect(await importSessions(env.DB, [session("a", { date: inDays(25) })])).toMatchObject({ moved: 1 });
    expect(await scalar("SELECT check_in FROM bookings WHERE reference = ?", b.reference)).toBe(inDays(25));
  });
});

describe("the guests' texts", () => {
  it("go out through the SMS provider once, with the reason or the new time and the guest's link", async () => {
    const key = `${FAKE_SMS_KEY_PREFIX}${crypto.randomUUID()}`;
    const provider = {
      ...env,
      ALIYUN_SMS_ENDPOINT: env.FAKE_SMS_URL,
      ALIYUN_SMS_ACCESS_KEY_ID: key,
      ALIYUN_SMS_ACCESS_KEY_SECRET: FAKE_SMS_SECRET,
      ALIYUN_SMS_SIGN_NAME: FAKE_SMS_SIGN_NAME,
      ALIYUN_SMS_TEMPLATES: JSON.stringify({ "event-cancelled:en": "SMS_490001", "session-moved:zh-CN": "SMS_490002" }),
    };
    await importSessions(env.DB, [session("a"), { ...session("b"), event: "other-2099" }]);
    const off = await book("a", "13900000000", "en");
    await book("b", "13800000000");
    await importSessions(env.DB, [
      session("a", CANCELLED),
      { ...session("b", { eventStatus: "rescheduled", start: "16:00" }), event: "other-2099" },
    ]);
    await deliverMessages(provider, messageLinks);
    await deliverMessages(provider, messageLinks);
    const sent = (await (await fetch(new URL(`/__texts?key=${key}`, env.FAKE_SMS_URL))).json()) as FakeText[];
    expect(sent.map((t) => [t.PhoneNumbers, t.TemplateCode])).toEqual([
      ["13900000000", "SMS_490001"],
      ["13800000000", "SMS_490002"],
    ]);
    const cancelled = JSON.parse(sent[0]?.TemplateParam ?? "{}");
    expect(cancelled).toMatchObject({ ref: off.reference, reason: CANCELLED.eventNote.en });
    expect(cancelled.link).toContain(off.reference);
    expect(JSON.parse(sent[1]?.TemplateParam ?? "{}")).toMatchObject({ date: inDays(20), time: "16:00" });
  });
});

describe("two runs planned at once", () => {
  const asSession = (s: ReturnType<typeof session>) => ({
    id: s.id,
    nameZh: s.title["zh-CN"],
    nameEn: s.title.en,
    date: s.date,
    startTime: s.start,
    endTime: s.end,
    capacity: s.capacity,
    priceFen: s.price,
  });

  for (const change of [
    { name: "a session moved to another time the same day", status: "rescheduled", s: { start: "15:00" } },
    { name: "an event called off", status: "cancelled", s: {} },
  ] as const) {
    it(`${change.name}: the second batch is refused, the guest told once`, async () => {
      await importSessions(env.DB, [session("a")]);
      await book("a", "13800000000");
      const event = { slug: EVENT, status: change.status, reason: CANCELLED.eventNote };
      const sessions = [asSession(session("a", change.s))];
      const first = await sessionChanges(env.DB, event, sessions);
      const second = await sessionChanges(env.DB, event, sessions);
      expect(second.messages).toBe(1);
      await env.DB.batch(first.statements);
      const before = await databaseDigest();
      await expect(env.DB.batch(second.statements)).rejects.toThrow(/constraint/);
      expect(await databaseDigest()).toBe(before);
      expect(await scalar("SELECT count(*) FROM outbox WHERE kind <> 'booking-made'")).toBe(1);
    });
  }
});

describe("the same import twice", () => {
  it("changes and sends nothing the second time", async () => {
    const initial = [session("a"), session("b")];
    await importSessions(env.DB, initial);
    await book("a", "13800000000");
    await book("b", "13900000000");
    let before = await databaseDigest();
    expect(await importSessions(env.DB, initial)).toMatchObject({ changedEvents: 0 });
    expect(await databaseDigest()).toBe(before);

    const moved = [
      session("a", { eventStatus: "rescheduled", date: inDays(21) }),
      session("b", { eventStatus: "rescheduled" }),
    ];
    expect(await importSessions(env.DB, moved)).toMatchObject({ changedEvents: 1, moved: 1, messages: 1 });
    before = await databaseDigest();
    expect(await importSessions(env.DB, moved)).toMatchObject({ changedEvents: 0, moved: 0, messages: 0 });
    expect(await databaseDigest()).toBe(before);

    const cancelled = [session("a", { ...CANCELLED, date: inDays(21) }), session("b", CANCELLED)];
    expect(await importSessions(env.DB, cancelled)).toMatchObject({ changedEvents: 1, cancelled: 2, messages: 2 });
    before = await databaseDigest();
    expect(await importSessions(env.DB, cancelled)).toMatchObject({ changedEvents: 0, cancelled: 0, messages: 0 });
    expect(await databaseDigest()).toBe(before);
    // Each booking was also confirmed when it was made; the import told each guest once more per change.
    expect(await scalar("SELECT count(*) FROM outbox WHERE kind <> 'booking-made'")).toBe(3);
  });
});

describe("capacity", () => {
  it("never drops below the places booked", async () => {
    await importSessions(env.DB, [session("a")]);
    await book("a", "13800000000", "zh-CN", 3);
    await importSessions(env.DB, [session("a", { capacity: 2 })]);
    expect(await scalar("SELECT capacity FROM activity_slots")).toBe(3);
    const full = await postJson("/api/bookings", {
      slot: `${EVENT}-a`,
      guests: { adults: 1 },
      contact: { name: "李雷", phone: "13700000000" },
    });
    expect(full.status).toBe(409);
    const before = await databaseDigest();
    await importSessions(env.DB, [session("a", { capacity: 2 })]);
    expect(await databaseDigest()).toBe(before);
  });

  it("refuses a sessions file that is not one, writing nothing", async () => {
    const before = await databaseDigest();
    await expect(importSessions(env.DB, [session("a", { capacity: -1 })])).rejects.toThrow();
    await expect(importSessions(env.DB, { not: "a list" })).rejects.toThrow();
    expect(await databaseDigest()).toBe(before);
  });
});
