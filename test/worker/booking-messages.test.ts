import { env } from "cloudflare:workers";
import { messageLinks } from "@functions/api";
import { queueArrivalReminders } from "@functions/bookings/reminders";
import { housekeeping } from "@functions/housekeeping";
import { message } from "@functions/lib/messages";
import { deliverMessages } from "@functions/messages/deliver";
import { messageHistory } from "@functions/messages/history";
import { composeMessage } from "@functions/messages/texts";
import { beforeEach, describe, expect, it } from "vitest";
import { county } from "../../county.config";
import { FAKE_SMS_KEY_PREFIX, FAKE_SMS_SECRET, FAKE_SMS_SIGN_NAME } from "../fake-sms/keys";
import type { FakeText } from "../fake-sms/server";
import { call, inDays, newKey, postJson, scalar, seedCampsites, seedSlot, stay } from "./helpers";

/** What a guest is texted about their own booking: queued with the change, sent once by the cron. */
let key = "";
const provider = () => ({
  ...env,
  ALIYUN_SMS_ENDPOINT: env.FAKE_SMS_URL,
  ALIYUN_SMS_ACCESS_KEY_ID: key,
  ALIYUN_SMS_ACCESS_KEY_SECRET: FAKE_SMS_SECRET,
  ALIYUN_SMS_SIGN_NAME: FAKE_SMS_SIGN_NAME,
  ALIYUN_SMS_TEMPLATES: JSON.stringify({
    "booking-made:zh-CN": "SMS_480010",
    "booking-made:en": "SMS_480011",
    "booking-guest-cancelled:zh-CN": "SMS_480012",
  }),
});
const texts = async (): Promise<FakeText[]> => (await fetch(new URL(`/__texts?key=${key}`, env.FAKE_SMS_URL))).json();

const messages = () =>
  env.DB.prepare("SELECT kind, recipient, lang, params, booking_id, status FROM outbox ORDER BY id")
    .all<{ kind: string; recipient: string; lang: string; params: string; booking_id: number; status: string }>()
    .then((r) => r.results);

beforeEach(async () => {
  key = `${FAKE_SMS_KEY_PREFIX}${crypto.randomUUID()}`;
  await seedCampsites(3);
});

describe("the confirmation text of a booking", () => {
  it("is queued once with the booking, naming the place and dates; a replay queues nothing", async () => {
    const idem = newKey();
    const body = stay({ contact: { name: "王芳", phone: "13800000001" } });
    const res = await postJson("/api/bookings", body, idem);
    expect(res.status).toBe(201);
    const { reference, checkIn } = await res.json<{ reference: string; checkIn: string }>();
    const again = await postJson("/api/bookings", body, idem);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const queued = await messages();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({
      kind: "booking-made",
      recipient: "13800000001",
      lang: "zh-CN",
      status: "pending",
      booking_id: await scalar("SELECT id FROM bookings WHERE reference = ?", reference),
    });
    expect(JSON.parse(queued[0]?.params ?? "{}")).toEqual({
      reference,
      about: "booking",
      place: "嘎尖草坪露营基地",
      dates: `${checkIn}起2晚`,
    });
  });

  it("is not queued for a booking that is refused", async () => {
    await postJson("/api/bookings", stay({ units: 3 }));
    const full = await postJson("/api/bookings", stay({ contact: { name: "李雷", phone: "13800000002" } }));
    expect(full.status).toBe(409);
    expect((await messages()).map((m) => m.recipient)).toEqual(["13800000000"]);
  });

  it("says 'received, waiting for the campsite' for a booking held for confirmation", async () => {
    const large = county.bookingLimits.confirmAbove.units + 1;
    await env.DB.prepare("UPDATE unit_types SET capacity = ?")
      .bind(large + 2)
      .run();
    const res = await postJson("/api/bookings?lang=en", stay({ units: large, guests: { adults: large } }));
    expect(await res.json()).toMatchObject({ status: "held" });
    expect(await messages()).toMatchObject([{ kind: "booking-received", lang: "en" }]);
  });

  it("for an activity session names the session and its start", async () => {
    await seedSlot();
    const res = await postJson("/api/bookings", {
      slot: "orchard-tour-1",
      guests: { adults: 2 },
      contact: { name: "王芳", phone: "13800000000" },
    });
    const { checkIn } = await res.json<{ checkIn: string }>();
    const [m] = await messages();
    expect(JSON.parse(m?.params ?? "{}")).toMatchObject({ place: "梨园导览", dates: `${checkIn} 09:30` });
  });

  it("is sent once when three cron runs overlap, with the link to the booking", async () => {
    const made = await Promise.all(
      ["13800000011", "13800000012", "13800000013"].map(async (phone) =>
        (await postJson("/api/bookings", stay({ contact: { name: "王芳", phone } }))).json<{ reference: string }>(),
      ),
    );
    const runs = await Promise.all([1, 2, 3].map(() => deliverMessages(provider(), messageLinks)));
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(3);
    const sent = await texts();
    expect(sent.map((t) => t.PhoneNumbers).sort()).toEqual(["13800000011", "13800000012", "13800000013"]);
    expect(sent.every((t) => t.TemplateCode === "SMS_480010")).toBe(true);
    const values = sent.map((t) => JSON.parse(t.TemplateParam ?? "{}") as Record<string, string>);
    expect(values.map((v) => v.ref).sort()).toEqual(made.map((m) => m.reference).sort());
    const link = new URL(values[0]?.link ?? "");
    const opened = await call(`/api/bookings/${values[0]?.ref}?token=${link.searchParams.get("token")}`);
    expect(await opened.json()).toMatchObject({ messages: [{ channel: "sms", kind: "booking-made", status: "sent" }] });
    expect((await deliverMessages(provider(), messageLinks)).sent).toBe(0);
    expect(await texts()).toHaveLength(3);
    // The history by id (as an order's page reads it) is the same as by reference.
    const id = await scalar("SELECT id FROM bookings WHERE reference = ?", values[0]?.ref);
    expect(await messageHistory(env.DB, { bookingId: id })).toEqual(
      await messageHistory(env.DB, { bookingReference: values[0]?.ref ?? "" }),
    );
    expect(await messageHistory(env.DB, { bookingId: id })).toMatchObject([{ kind: "booking-made", status: "sent" }]);
  });
});

describe("a guest's own cancellation", () => {
  it("queues its confirmation in the same batch, once", async () => {
    const res = await postJson("/api/bookings", stay());
    const { reference, token } = await res.json<{ reference: string; token: string }>();
    const cancelKey = newKey();
    for (let i = 0; i < 2; i++) {
      expect((await postJson(`/api/bookings/${reference}/cancel`, { token }, cancelKey)).status).toBe(200);
    }
    expect((await postJson(`/api/bookings/${reference}/cancel`, { token })).status).toBe(409);
    expect((await messages()).map((m) => m.kind)).toEqual(["booking-made", "booking-guest-cancelled"]);
    await deliverMessages(provider(), messageLinks);
    const [, cancelled] = await texts();
    expect(cancelled?.TemplateCode).toBe("SMS_480012");
    expect(JSON.parse(cancelled?.TemplateParam ?? "{}")).toMatchObject({ ref: reference, place: "嘎尖草坪露营基地" });
  });
});

describe("the reminder two days before arrival", () => {
  /** The build's /bookings/places.json as the Worker's assets serve it (no Astro build in worker tests). */
  const assets = {
    fetch: async (input: RequestInfo | URL) =>
      new URL(String(input instanceof Request ? input.url : input)).pathname === "/bookings/places.json"
        ? Response.json({
            campsites: {
              "gajian-lawn": {
                latitude: 31.5,
                longitude: 102.1,
                altitude: 2900,
                text: { "zh-CN": { name: "嘎尖草坪", address: "" }, en: { name: "Gajian Lawn", address: "" } },
                arrivalNote: {
                  "zh-CN": "夜间可低于10°C，带保暖衣物；山路冬季结冰，备防滑链。",
                  en: "Bring warm clothes.",
                },
              },
            },
            events: {},
          })
        : new Response("not found", { status: 404 }),
  } as unknown as Fetcher;

  async function bookFor(day: number, phone: string): Promise<{ reference: string; token: string }> {
    const res = await postJson("/api/bookings", stay({ checkIn: inDays(day), contact: { name: "王芳", phone } }));
    expect(res.status).toBe(201);
    return res.json();
  }

  it("is queued once for each confirmed stay arriving in two days, never for a cancelled one", async () => {
    const due = await bookFor(2, "13800000021");
    await bookFor(3, "13800000022");
    const cancelled = await bookFor(2, "13800000023");
    await postJson(`/api/bookings/${cancelled.reference}/cancel`, { token: cancelled.token });
    await env.DB.prepare("UPDATE bookings SET created_at = '2020-01-01T00:00:00.000Z'").run();
    const runs = await Promise.all([1, 2, 3].map(() => queueArrivalReminders(env.DB, assets)));
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await queueArrivalReminders(env.DB, assets)).toBe(0);
    expect(await housekeeping({ ...env, ASSETS: assets })).toMatchObject({ reminders: 0 });
    const reminders = (await messages()).filter((m) => m.kind.startsWith("booking-reminder"));
    expect(reminders.map((m) => [m.kind, m.recipient])).toEqual([
      ["booking-reminder", "13800000021"],
      ["booking-reminder-notes", "13800000021"],
    ]);
    const [when, notes] = await Promise.all(
      reminders.map((m) => composeMessage({ kind: m.kind, lang: "zh-CN", params: JSON.parse(m.params) }, null)),
    );
    expect(when?.values).toMatchObject({ ref: due.reference, until: inDays(0), dates: `${inDays(2)}起2晚` });
    expect(notes?.text).toBe(
      "嘎尖草坪露营基地出行提示：海拔2900米。夜间可低于10°C，带保暖衣物；山路冬季结冰，备防滑链。",
    );
    // Each within one SMS of 70 characters, the link (composed when sent) aside.
    const leftOut = message("zh-CN", "sms.linkLeftOut").length;
    expect((when?.text.length ?? 99) - leftOut).toBeLessThanOrEqual(70);
    expect(notes?.text.length).toBeLessThanOrEqual(70);
  });

  it("waits for a booking made in the last hours: its confirmation has just gone out", async () => {
    await bookFor(2, "13800000031");
    expect(await queueArrivalReminders(env.DB, assets)).toBe(0);
  });

  it("is queued without notes when the campsite's content cannot be read", async () => {
    await bookFor(2, "13800000041");
    await env.DB.prepare("UPDATE bookings SET created_at = '2020-01-01T00:00:00.000Z'").run();
    expect(await queueArrivalReminders(env.DB, undefined)).toBe(1);
    expect((await messages()).map((m) => m.kind)).toEqual(["booking-made", "booking-reminder"]);
  });
});
