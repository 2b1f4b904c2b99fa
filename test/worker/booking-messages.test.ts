import { env } from "cloudflare:workers";
import { messageLinks } from "@functions/api";
import { deliverMessages } from "@functions/messages/deliver";
import { beforeEach, describe, expect, it } from "vitest";
import { county } from "../../county.config";
import { FAKE_SMS_KEY_PREFIX, FAKE_SMS_SECRET, FAKE_SMS_SIGN_NAME } from "../fake-sms/keys";
import type { FakeText } from "../fake-sms/server";
import { call, newKey, postJson, scalar, seedCampsites, seedSlot, stay } from "./helpers";

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
