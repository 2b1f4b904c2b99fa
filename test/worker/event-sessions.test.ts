import { env } from "cloudflare:workers";
import { importSessions } from "@functions/bookings/session-import";
import { beforeEach, describe, expect, it } from "vitest";
import { as, createAccount, postAs, signIn } from "./accounts";
import { databaseDigest } from "./digest";
import { call, inDays, postJson, scalar } from "./helpers";
import { seedProduce } from "./produce";

/**
 * County staff change a festival event's sessions and status from the dashboard
 * (functions/events/): every change one batch through sessionChanges, capacity never
 * below booked (the database refuses it), the guests told, the audit log written, and
 * the content import leaving the event alone afterwards.
 */
const EVENT = "pear-picking-2099";
const OTHER = "celtuce-market-2099";
const session = (event: string, id: string, overrides: Record<string, unknown> = {}) => ({
  id: `${event}-${id}`,
  event,
  eventStatus: "scheduled",
  date: inDays(20),
  start: "09:30",
  end: "11:00",
  capacity: 10,
  price: 3000,
  title: { "zh-CN": "采摘体验", en: "Pear picking" },
  eventNote: { "zh-CN": "", en: "" },
  eventTitle: { "zh-CN": "梨子采摘节", en: "Pear Picking Festival" },
  ...overrides,
});
const CONTENT = [session(EVENT, "a"), session(EVENT, "b", { start: "14:00", end: "15:30" }), session(OTHER, "a")];
const A = `${EVENT}-a`;
const B = `${EVENT}-b`;
const base = `/api/dashboard/events/${EVENT}`;

async function book(slot: string, phone: string, adults = 2, lang: "zh-CN" | "en" = "zh-CN") {
  return postJson(
    "/api/bookings",
    { slot, guests: { adults }, contact: { name: "王芳", phone } },
    undefined,
    lang === "en" ? { "accept-language": "en" } : {},
  );
}

async function booked(slot: string, phone: string, adults = 2, lang: "zh-CN" | "en" = "zh-CN") {
  const res = await book(slot, phone, adults, lang);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json<{ reference: string }>()).reference;
}

const slot = (id: string) =>
  env.DB.prepare("SELECT date, start_time, capacity, booked, active, price_fen FROM activity_slots WHERE id = ?")
    .bind(id)
    .first<{ date: string; start_time: string; capacity: number; booked: number; active: number; price_fen: number }>();
const outbox = () =>
  env.DB.prepare("SELECT kind, recipient, lang, params FROM outbox ORDER BY id")
    .all<{ kind: string; recipient: string; lang: string; params: string }>()
    .then((r) => r.results.filter((m) => m.kind !== "booking-made" && m.kind !== "booking-received"));
const audit = () =>
  env.DB.prepare(
    "SELECT action, target_type, target_id, actor_id FROM audit_log WHERE action NOT LIKE 'session.%' ORDER BY id",
  )
    .all<{ action: string; target_type: string; target_id: string; actor_id: number | null }>()
    .then((r) => r.results);

let admin: string;
let adminId: number;

beforeEach(async () => {
  await importSessions(env.DB, CONTENT);
  adminId = await createAccount("admin@example.cn", "admin");
  admin = await signIn("admin@example.cn");
});

describe("what staff see", () => {
  it("lists the events with sessions and their counts, and one event's sessions with places left and price", async () => {
    await booked(A, "13800000001", 3);
    await booked(B, "13800000002", 2);
    const list = await as(admin, "/api/dashboard/events");
    expect(list.status).toBe(200);
    const events = await list.json<Array<Record<string, unknown>>>();
    expect(events.find((e) => e.slug === EVENT)).toMatchObject({
      title: { "zh-CN": "梨子采摘节", en: "Pear Picking Festival" },
      status: "scheduled",
      managed: false,
      sessions: 2,
      booked: 5,
      liveBookings: 2,
      capacity: 20,
    });
    const one = await as(admin, base);
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({
      slug: EVENT,
      status: "scheduled",
      sessions: [
        { id: A, capacity: 10, booked: 3, remaining: 7, price: 3000, active: true, liveBookings: 1 },
        { id: B, capacity: 10, booked: 2, remaining: 8, startTime: "14:00", active: true },
      ],
    });
    expect((await as(admin, "/api/dashboard/events/no-such-event")).status).toBe(404);
  });
});

describe("capacity", () => {
  it("below what is booked is refused with 409 naming the booked places, and nothing is written", async () => {
    await booked(A, "13800000001", 4);
    const before = await databaseDigest();
    const res = await postAs(admin, `${base}/sessions/${A}`, { capacity: 3 });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const body = await res.json<{ detail: string; booked: number }>();
    expect(body.booked).toBe(4);
    expect(body.detail).toContain("4");
    const en = await postAs(admin, `${base}/sessions/${A}?lang=en`, { capacity: 1 });
    expect((await en.json<{ detail: string }>()).detail).toBe(
      "4 places of this session are booked, so it cannot have fewer than 4. Nothing was changed.",
    );
    expect(await databaseDigest()).toBe(before);
  });

  it("down to what is booked is saved with its audit entry, and the event is now the dashboard's", async () => {
    await booked(A, "13800000001", 4);
    const res = await postAs(admin, `${base}/sessions/${A}`, { capacity: 4, priceYuan: "25", nameEn: "Picking" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      managed: true,
      sessions: [{ id: A, capacity: 4, booked: 4, remaining: 0, price: 2500, nameEn: "Picking" }, { id: B }],
      change: { cancelled: 0, moved: 0, messages: 0 },
    });
    expect(await audit()).toEqual([
      { action: "event.session_changed", target_type: "activity_slot", target_id: A, actor_id: adminId },
    ]);
    const entry = await env.DB.prepare(
      "SELECT before, after FROM audit_log WHERE action = 'event.session_changed'",
    ).first<{
      before: string;
      after: string;
    }>();
    expect(JSON.parse(entry?.before ?? "{}")).toMatchObject({ capacity: 10, priceFen: 3000 });
    expect(JSON.parse(entry?.after ?? "{}")).toEqual({ capacity: 4, priceFen: 2500, nameEn: "Picking" });
    // Full now: the next guest is refused.
    expect((await book(A, "13800000009", 1)).status).toBe(409);
  });

  it("two staff lowering it while guests book: the database keeps booked within capacity, nobody gets a 500", async () => {
    await booked(A, "13800000001", 4);
    const editor = await createAccount("editor@example.cn", "editor", { agencies: ["agriculture-bureau"] });
    expect(editor).toBeGreaterThan(0);
    const other = await signIn("editor@example.cn");
    const [lowerA, lowerB, guest1, guest2] = await Promise.all([
      postAs(admin, `${base}/sessions/${A}`, { capacity: 5 }),
      postAs(other, `${base}/sessions/${A}`, { capacity: 4 }),
      book(A, "13800000002", 2),
      book(A, "13800000003", 1),
    ]);
    const statuses = [lowerA.status, lowerB.status, guest1.status, guest2.status];
    for (const s of statuses) expect(s).toBeLessThan(500);
    expect([200, 409]).toContain(lowerA.status);
    expect([200, 409]).toContain(lowerB.status);
    expect([201, 409]).toContain(guest1.status);
    expect([201, 409]).toContain(guest2.status);
    const row = await slot(A);
    expect(row?.booked).toBeLessThanOrEqual(row?.capacity ?? -1);
    const units = await scalar<number>(
      "SELECT coalesce(sum(units), 0) FROM bookings WHERE slot_id = ? AND status IN ('confirmed', 'held')",
      A,
    );
    expect(row?.booked).toBe(units);
    // Each staff change that was saved has its entry; a refused one left none.
    const saved = [lowerA, lowerB].filter((r) => r.status === 200).length;
    expect((await audit()).filter((e) => e.action === "event.session_changed")).toHaveLength(saved);
  });

  it("cut to exactly what is booked while one more guest books: exactly one of the two wins", async () => {
    await booked(A, "13800000001", 4);
    const [cut, guest] = await Promise.all([
      postAs(admin, `${base}/sessions/${A}`, { capacity: 4 }),
      book(A, "13800000002", 1),
    ]);
    expect([200, 409]).toContain(cut.status);
    expect([201, 409]).toContain(guest.status);
    expect(Number(cut.status === 200) + Number(guest.status === 201)).toBe(1);
    const row = await slot(A);
    expect(row?.booked).toBeLessThanOrEqual(row?.capacity ?? -1);
    if (cut.status === 409) expect(await cut.json()).toMatchObject({ booked: 5 });
  });
});

describe("the event called off", () => {
  it("shows what it would touch, then cancels every live booking, texts each guest once and audits it all", async () => {
    const first = await booked(A, "13800000001", 2);
    const second = await booked(B, "13800000001", 1);
    const third = await booked(B, "13800000003", 2, "en");
    const impact = await as(admin, `${base}/status-impact?status=cancelled`);
    expect(impact.status).toBe(200);
    expect(await impact.json()).toEqual({ status: "cancelled", cancelled: 3, moved: 0, guests: 2 });
    expect(await (await as(admin, `${base}/status-impact?status=tentative`)).json()).toMatchObject({ cancelled: 0 });

    const res = await postAs(admin, `${base}/status`, {
      status: "cancelled",
      reasonZh: "因冰雹梨子受损，采摘节取消。",
      reasonEn: "Hail damaged the pears, so the festival is off.",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: "cancelled",
      managed: true,
      liveBookings: 0,
      change: { cancelled: 3, moved: 0, messages: 2 },
    });
    const rows = await env.DB.prepare("SELECT reference, status, cancel_reason FROM bookings ORDER BY id").all();
    expect(rows.results).toEqual([
      { reference: first, status: "cancelled", cancel_reason: "因冰雹梨子受损，采摘节取消。" },
      { reference: second, status: "cancelled", cancel_reason: "因冰雹梨子受损，采摘节取消。" },
      { reference: third, status: "cancelled", cancel_reason: "Hail damaged the pears, so the festival is off." },
    ]);
    const texts = await outbox();
    expect(texts.map((m) => [m.kind, m.recipient, m.lang])).toEqual([
      ["event-cancelled", "13800000001", "zh-CN"],
      ["event-cancelled", "13800000003", "en"],
    ]);
    expect(await audit()).toEqual([
      { action: "event.status", target_type: "event", target_id: EVENT, actor_id: adminId },
      { action: "booking.event_cancelled", target_type: "booking", target_id: first, actor_id: adminId },
      { action: "booking.event_cancelled", target_type: "booking", target_id: second, actor_id: adminId },
      { action: "booking.event_cancelled", target_type: "booking", target_id: third, actor_id: adminId },
    ]);
    expect(await slot(A)).toMatchObject({ active: 0, booked: 0 });
    // The event's page shows its status from the next build: the rebuild is asked for.
    await expect.poll(() => env.DB.prepare("SELECT count(*) AS n FROM deploy_requests").first<number>("n")).toBe(1);
    expect(await (await call(`/api/activity-slots?event=${EVENT}`)).json()).toEqual([]);
    expect((await book(B, "13800000004", 1)).status).toBeGreaterThanOrEqual(400);
  });

  it("the content import afterwards leaves the event alone, and still imports the others", async () => {
    await booked(A, "13800000001", 2);
    await postAs(admin, `${base}/sessions/${A}`, { capacity: 6, date: inDays(21) });
    const ours = () =>
      env.DB.prepare(
        `SELECT s.*, e.status, e.reason_zh, e.managed_at FROM activity_slots s JOIN session_events e ON e.slug = s.event_slug
         WHERE s.event_slug = ? ORDER BY s.id`,
      )
        .bind(EVENT)
        .all()
        .then((r) => r.results);
    const before = await ours();
    const changedContent = [
      session(EVENT, "a", { capacity: 30, eventStatus: "cancelled", eventNote: { "zh-CN": "内容文件", en: "file" } }),
      session(EVENT, "b", { date: inDays(40) }),
      session(OTHER, "a", { capacity: 12 }),
    ];
    const done = await importSessions(env.DB, changedContent);
    expect(done).toMatchObject({ skippedEvents: 1, changedEvents: 1, cancelled: 0, messages: 0 });
    expect(await ours()).toEqual(before);
    expect(await slot(A)).toMatchObject({ capacity: 6, date: inDays(21), active: 1, booked: 2 });
    expect(await slot(`${OTHER}-a`)).toMatchObject({ capacity: 12 });
    expect((await outbox()).map((m) => m.kind)).toEqual(["session-moved"]);
  });
});

describe("staff and the import at once", () => {
  it("the import never overwrites a staff change it raced: it is refused in its batch and skips the event", async () => {
    const content = [session(EVENT, "a", { capacity: 30 }), session(EVENT, "b"), session(OTHER, "a")];
    const [staff, imported] = await Promise.all([
      postAs(admin, `${base}/sessions/${A}`, { capacity: 7 }),
      importSessions(env.DB, content).catch((error: unknown) => error),
    ]);
    expect(imported).not.toBeInstanceOf(Error);
    // Staff first: the import's batch is refused and the event skipped. Import first: staff saw an older event (409).
    expect([200, 409]).toContain(staff.status);
    expect(await slot(A)).toMatchObject({ capacity: staff.status === 200 ? 7 : 30 });
    expect(await importSessions(env.DB, content)).toMatchObject({ skippedEvents: staff.status === 200 ? 1 : 0 });
    expect(await slot(A)).toMatchObject({ capacity: staff.status === 200 ? 7 : 30 });
  });
});

describe("one session", () => {
  it("moved to another day takes its bookings along and texts the guest", async () => {
    const ref = await booked(A, "13800000001", 2);
    const res = await postAs(admin, `${base}/sessions/${A}`, {
      date: inDays(22),
      startTime: "10:00",
      endTime: "11:30",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ change: { moved: 1, messages: 1 } });
    const b = await env.DB.prepare("SELECT check_in, free_cancel_until FROM bookings WHERE reference = ?")
      .bind(ref)
      .first();
    expect(b).toEqual({ check_in: inDays(22), free_cancel_until: inDays(22) });
    const [text] = await outbox();
    expect(text?.kind).toBe("session-moved");
    expect(JSON.parse(text?.params ?? "{}")).toMatchObject({ date: inDays(22), time: "10:00" });
  });

  it("called off alone cancels only its bookings, and a later status change does not reopen it", async () => {
    const onA = await booked(A, "13800000001", 2);
    const onB = await booked(B, "13800000002", 2, "en");
    const res = await postAs(admin, `${base}/sessions/${B}/cancel`, {
      reasonZh: "下午场因天气取消。",
      reasonEn: "The afternoon session is off because of the weather.",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: "scheduled",
      sessions: [
        { id: A, active: true, cancelled: null },
        { id: B, active: false, cancelled: { reasonEn: "The afternoon session is off because of the weather." } },
      ],
      change: { cancelled: 1, messages: 1 },
    });
    const statuses = await env.DB.prepare("SELECT reference, status, cancel_reason FROM bookings ORDER BY id").all();
    expect(statuses.results).toEqual([
      { reference: onA, status: "confirmed", cancel_reason: null },
      { reference: onB, status: "cancelled", cancel_reason: "The afternoon session is off because of the weather." },
    ]);
    expect((await outbox()).map((m) => [m.kind, m.lang])).toEqual([["session-cancelled", "en"]]);
    expect((await postAs(admin, `${base}/sessions/${B}/cancel`, { reasonZh: "再次", reasonEn: "again" })).status).toBe(
      409,
    );
    expect((await postAs(admin, `${base}/sessions/${B}`, { capacity: 3 })).status).toBe(409);

    await postAs(admin, `${base}/status`, { status: "postponed", reasonZh: "推迟举办。", reasonEn: "Put off." });
    const back = await postAs(admin, `${base}/status`, { status: "scheduled" });
    expect(back.status).toBe(200);
    expect(await slot(A)).toMatchObject({ active: 1 });
    expect(await slot(B)).toMatchObject({ active: 0 });
  });

  it("is added to the event with the dashboard's own id and opens for bookings", async () => {
    const res = await postAs(admin, `${base}/sessions`, {
      nameZh: "傍晚采摘",
      nameEn: "Evening picking",
      date: inDays(25),
      startTime: "17:00",
      endTime: "18:30",
      capacity: 8,
      priceYuan: "20",
    });
    expect(res.status).toBe(201);
    const body = await res.json<{ session: string; sessions: Array<{ id: string }> }>();
    expect(body.session).toMatch(new RegExp(`^${EVENT}-[a-z2-9]{6}$`));
    expect(body.sessions.map((s) => s.id)).toContain(body.session);
    expect(await slot(body.session)).toMatchObject({ capacity: 8, price_fen: 2000, active: 1, booked: 0 });
    expect((await book(body.session, "13800000005", 2)).status).toBe(201);
    expect(await audit()).toMatchObject([{ action: "event.session_added", target_id: body.session }]);
  });
});

describe("bad input", () => {
  it("gets a 400 with a message by each field in the person's language, and writes nothing", async () => {
    const before = await databaseDigest();
    const bad = { nameZh: "", date: "2099-02-30", startTime: "25:00", endTime: "09:00", capacity: 0, priceYuan: "x" };
    const zh = await postAs(admin, `${base}/sessions`, bad);
    expect(zh.status).toBe(400);
    const zhBody = await zh.json<{ errors: Array<{ field: string; message: string }> }>();
    const fields = Object.fromEntries(zhBody.errors.map((e) => [e.field, e.message]));
    expect(Object.keys(fields).sort()).toEqual(["capacity", "date", "nameEn", "nameZh", "priceYuan", "startTime"]);
    expect(fields.capacity).toBe("请填写名额：1 至 10000 的整数。");
    expect(fields.nameEn).toBe("请填写场次的英文名称，最多 80 个字符，例如 Orchard tour。");
    const en = await postAs(admin, `${base}/sessions`, bad, { "accept-language": "en" });
    const enFields = Object.fromEntries(
      (await en.json<{ errors: Array<{ field: string; message: string }> }>()).errors.map((e) => [e.field, e.message]),
    );
    expect(enFields.capacity).toBe("Give the number of places: a whole number from 1 to 10,000.");
    expect(enFields.startTime).toBe("Enter a time, for example 14:00.");

    const status = await postAs(admin, `${base}/status?lang=en`, { status: "cancelled", reasonZh: "x" });
    expect(status.status).toBe(400);
    expect((await status.json<{ errors: Array<{ field: string }> }>()).errors.map((e) => e.field)).toEqual([
      "reasonZh",
      "reasonEn",
    ]);
    const moves = await postAs(admin, `${base}/status`, {
      status: "rescheduled",
      reasonZh: "改期举办。",
      reasonEn: "Moved.",
      sessions: [{ id: "not-ours", date: inDays(30), startTime: "09:00", endTime: "10:00" }],
    });
    expect(moves.status).toBe(400);
    expect(await moves.json()).toMatchObject({
      errors: [{ field: "sessions.0.id", message: "这个活动没有这个场次。" }],
    });
    const past = await postAs(admin, `${base}/sessions/${A}`, { date: inDays(-1) });
    expect(await past.json()).toMatchObject({ errors: [{ field: "date" }] });
    const impact = await as(admin, `${base}/status-impact?status=finished`);
    expect(impact.status).toBe(400);
    expect(await databaseDigest()).toBe(before);
  });
});

describe("who may", () => {
  it("lets the county office and any editor or reviewer manage events; other roles get 404, no session 401", async () => {
    await createAccount("editor@example.cn", "editor", { agencies: ["housing-bureau"] });
    await createAccount("reviewer@example.cn", "reviewer", { agencies: ["agriculture-bureau"] });
    await createAccount("ops@example.cn", "operator");
    await seedProduce();
    await createAccount("coop@example.cn", "cooperative", { cooperativeId: "pear-coop" });
    const editor = await signIn("editor@example.cn");
    const reviewer = await signIn("reviewer@example.cn");
    expect((await as(editor, base)).status).toBe(200);
    expect((await postAs(reviewer, `${base}/sessions/${A}`, { capacity: 9 })).status).toBe(200);
    const others = [await signIn("ops@example.cn"), await signIn("coop@example.cn")];
    const before = await databaseDigest();
    for (const cookie of others) {
      expect((await as(cookie, "/api/dashboard/events")).status).toBe(404);
      expect((await as(cookie, base)).status).toBe(404);
      expect((await postAs(cookie, `${base}/sessions/${A}`, { capacity: 2 })).status).toBe(404);
      expect((await postAs(cookie, `${base}/status`, { status: "scheduled" })).status).toBe(404);
    }
    expect(await databaseDigest()).toBe(before);
    expect((await postJson(`${base}/status`, { status: "cancelled" }, null)).status).toBe(401);
  });
});

describe("forms", () => {
  const form = (cookie: string, path: string, fields: Record<string, string>, referer?: string) =>
    as(cookie, path, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "http://localhost",
        ...(referer ? { referer } : {}),
      },
      body: new URLSearchParams(fields).toString(),
      redirect: "manual",
    });

  it("post to the same routes and go back to the event's page with what the change did", async () => {
    await booked(A, "13800000001", 2);
    const page = `/en/dashboard/events/${EVENT}/`;
    const res = await form(admin, `${base}/status?lang=en`, {
      status: "postponed",
      reasonZh: "推迟举办。",
      reasonEn: "Put off until the pears ripen.",
      next: page,
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`${page}?done=event_status&cancelled=1&moved=0&texted=1`);
  });

  it("refused, go back to the form with the messages and what was typed", async () => {
    const page = `http://localhost/dashboard/events/${EVENT}/`;
    const before = await databaseDigest();
    const res = await form(admin, `${base}/sessions/${A}?lang=zh-CN&form=edit-${A}`, { capacity: "-3" }, page);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/dashboard/events/${EVENT}/`);
    expect(res.headers.get("set-cookie")).toMatch(/^portal_form=/);
    expect(await databaseDigest()).toBe(before);
  });
});
