import { env } from "cloudflare:workers";
import { messageLinks } from "@functions/api";
import { sendSms, smsConfig } from "@functions/messages/aliyun-sms";
import { claimDue, deliverMessages, MAX_ATTEMPTS, STALE_MINUTES, sendClaimed } from "@functions/messages/deliver";
import { beforeEach, describe, expect, it } from "vitest";
import { FAKE_SMS_KEY_PREFIX, FAKE_SMS_SECRET, FAKE_SMS_SIGN_NAME, FAKE_SMS_TEMPLATES } from "../fake-sms/keys";
import type { FakeText } from "../fake-sms/server";
import { call, postJson, scalar, seedCampsites, stay } from "./helpers";

/**
 * The outbox's sender against a local server that speaks Aliyun's SendSms and
 * checks its signature (test/fake-sms/): real HTTP, nothing mocked. Each test
 * has its own AccessKeyId, so the fake keeps its texts apart.
 */
let key = "";
const provider = (overrides: Record<string, string> = {}) => ({
  ...env,
  ALIYUN_SMS_ENDPOINT: env.FAKE_SMS_URL,
  ALIYUN_SMS_ACCESS_KEY_ID: key,
  ALIYUN_SMS_ACCESS_KEY_SECRET: FAKE_SMS_SECRET,
  ALIYUN_SMS_SIGN_NAME: FAKE_SMS_SIGN_NAME,
  ALIYUN_SMS_TEMPLATES: FAKE_SMS_TEMPLATES,
  ...overrides,
});

async function texts(): Promise<FakeText[]> {
  return (await fetch(new URL(`/__texts?key=${key}`, env.FAKE_SMS_URL))).json();
}

/** A booking and a request for its link: one message in the outbox. */
async function bookAndRecover(phone = "13800000000"): Promise<string> {
  const res = await postJson("/api/bookings", stay({ contact: { name: "王芳", phone } }));
  const { reference } = await res.json<{ reference: string }>();
  // Each test here follows the recovery text alone: the booking's own confirmation is tested on its own.
  await env.DB.prepare("DELETE FROM outbox WHERE kind <> 'recovery'").run();
  const asked = await postJson("/api/recover", { reference, phone }, null, { "cf-connecting-ip": phone });
  expect(asked.status).toBe(202);
  return reference;
}

interface Row {
  status: string;
  attempts: number;
  due_at: string;
  provider_message_id: string | null;
  last_error: string | null;
}
const row = () =>
  env.DB.prepare("SELECT status, attempts, due_at, provider_message_id, last_error FROM outbox").first<Row>();

const minutesLater = (n: number) => new Date(Date.now() + n * 60_000);

beforeEach(async () => {
  key = `${FAKE_SMS_KEY_PREFIX}${crypto.randomUUID()}`;
  await seedCampsites(5);
});

describe("the outbox's SMS sender (Aliyun SendSms)", () => {
  it("sends a booking made before a key change the link it was issued with", async () => {
    const res = await postJson("/api/bookings", stay({ contact: { name: "王芳", phone: "13700000000" } }));
    const { reference, token } = await res.json<{ reference: string; token: string }>();
    expect((await postJson("/api/recover", { reference, phone: "13700000000" })).status).toBe(202);
    const rotated = provider({
      TOKEN_SECRET: "a-new-secret-after-rotation-0123456789",
      TOKEN_SECRET_PREVIOUS: env.TOKEN_SECRET ?? "",
    });
    expect((await deliverMessages(rotated, messageLinks)).sent).toBe(1);
    const [text] = await texts();
    const link = new URL((JSON.parse(text?.TemplateParam ?? "{}") as { link: string }).link);
    expect(link.searchParams.get("token")).toBe(token);
  });

  it("sends the link to the phone on record; the link opens the booking", async () => {
    const reference = await bookAndRecover();
    expect(await deliverMessages(provider(), messageLinks)).toEqual({ sent: 1, refused: 0, failed: 0, uncertain: 0 });
    const [text, ...more] = await texts();
    expect(more).toEqual([]);
    expect(text).toMatchObject({ PhoneNumbers: "13800000000", SignName: "金川县人民政府", TemplateCode: "SMS_480001" });
    const values = JSON.parse(text?.TemplateParam ?? "{}") as { ref: string; link: string };
    expect(values.ref).toBe(reference);
    const link = new URL(values.link);
    expect(link.pathname).toBe("/visit/booking/");
    const token = link.searchParams.get("token") ?? "";
    expect(link.searchParams.get("ref")).toBe(reference);
    expect((await call(`/api/bookings/${reference}?token=${token}`)).status).toBe(200);
    expect(await row()).toMatchObject({ status: "sent", attempts: 1, provider_message_id: text?.BizId });
    expect(text?.OutId).toBe(String(await scalar("SELECT id FROM outbox")));
    // The outbox never held the token.
    expect(await scalar("SELECT count(*) FROM outbox WHERE params LIKE ?", `%${token}%`)).toBe(0);
    // Sent is sent: the next minute's run has nothing to do.
    expect((await deliverMessages(provider(), messageLinks, { now: minutesLater(1) })).sent).toBe(0);
    expect(await texts()).toHaveLength(1);
  });

  it("sends each message once when three runs overlap", async () => {
    for (const phone of ["13800000001", "13800000002", "13800000003"]) await bookAndRecover(phone);
    const runs = await Promise.all([1, 2, 3].map(() => deliverMessages(provider(), messageLinks)));
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBe(3);
    const sent = await texts();
    expect(sent.map((t) => t.PhoneNumbers).sort()).toEqual(["13800000001", "13800000002", "13800000003"]);
    expect(await scalar("SELECT count(*) FROM outbox WHERE status = 'sent'")).toBe(3);
  });

  it("retries a refusing provider with backoff, then gives up visibly", async () => {
    await bookAndRecover();
    await fetch(new URL(`/__refuse?key=${key}&times=10`, env.FAKE_SMS_URL), { method: "POST" });
    expect((await deliverMessages(provider(), messageLinks)).refused).toBe(1);
    const first = await row();
    expect(first).toMatchObject({ status: "pending", attempts: 1 });
    expect(first?.last_error).toContain("isv.BUSINESS_LIMIT_CONTROL");
    expect(Date.parse(first?.due_at ?? "") - Date.now()).toBeGreaterThan(50_000);
    // Not due yet: this minute's second run leaves it alone.
    expect((await deliverMessages(provider(), messageLinks)).refused).toBe(0);
    for (const [at, attempts] of [
      [2, 2],
      [8, 3],
    ] as const) {
      expect((await deliverMessages(provider(), messageLinks, { now: minutesLater(at) })).refused).toBe(1);
      expect(await row()).toMatchObject({ status: "pending", attempts });
    }
    const last = await deliverMessages(provider(), messageLinks, { now: minutesLater(40) });
    expect(last.failed).toBe(1);
    expect(await row()).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect((await deliverMessages(provider(), messageLinks, { now: minutesLater(120) })).refused).toBe(0);
    expect(await texts()).toEqual([]);
  });

  it("sends after a refusal once the provider accepts again", async () => {
    await bookAndRecover();
    await fetch(new URL(`/__refuse?key=${key}&times=1`, env.FAKE_SMS_URL), { method: "POST" });
    await deliverMessages(provider(), messageLinks);
    expect((await deliverMessages(provider(), messageLinks, { now: minutesLater(2) })).sent).toBe(1);
    expect(await row()).toMatchObject({ status: "sent", attempts: 2, last_error: null });
    expect(await texts()).toHaveLength(1);
  });

  it("does not send twice when a run dies between the send and the record", async () => {
    await bookAndRecover();
    const config = smsConfig(provider());
    if (!config) throw new Error("provider not configured");
    // A run claims and sends, then dies before writing down the result.
    const [claimed] = await claimDue(env.DB, new Date());
    if (!claimed) throw new Error("nothing claimed");
    expect(
      await sendClaimed(config, claimed, {
        keys: { current: env.TOKEN_SECRET ?? "", previous: [] },
        db: env.DB,
        makers: messageLinks,
      }),
    ).toMatchObject({
      outcome: "sent",
    });
    expect(await texts()).toHaveLength(1);
    // The next runs neither send it again nor, once its claim is stale, retry it: it is left to staff.
    expect((await deliverMessages(provider(), messageLinks, { now: minutesLater(1) })).sent).toBe(0);
    await deliverMessages(provider(), messageLinks, { now: minutesLater(STALE_MINUTES + 1) });
    await deliverMessages(provider(), messageLinks, { now: minutesLater(STALE_MINUTES + 30) });
    expect(await row()).toMatchObject({ status: "uncertain" });
    expect((await row())?.last_error).toContain("never recorded");
    expect(await texts()).toHaveLength(1);
  });

  it("marks a message uncertain, not retried, when the provider does not answer", async () => {
    await bookAndRecover();
    const gone = provider({ ALIYUN_SMS_ENDPOINT: "http://127.0.0.1:9/" });
    expect((await deliverMessages(gone, messageLinks)).uncertain).toBe(1);
    expect(await row()).toMatchObject({ status: "uncertain", attempts: 1 });
    expect((await deliverMessages(provider(), messageLinks, { now: minutesLater(60) })).sent).toBe(0);
  });

  it("is refused by the provider with a wrong secret (the fake checks the signature)", async () => {
    await bookAndRecover();
    const wrong = provider({ ALIYUN_SMS_ACCESS_KEY_SECRET: "not-the-secret" });
    expect((await deliverMessages(wrong, messageLinks)).refused).toBe(1);
    expect((await row())?.last_error).toContain("SignatureDoesNotMatch");
    const config = smsConfig(wrong);
    if (!config) throw new Error("provider not configured");
    expect(await sendSms(config, { phone: "13800000000", template: "SMS_480001", values: {}, outId: "1" })).toEqual({
      accepted: false,
      reason: "SignatureDoesNotMatch: Specified signature is not matched with our calculation.",
    });
    expect(await texts()).toEqual([]);
  });

  it("gives up at once on a language without a template code, for staff to call", async () => {
    await bookAndRecover();
    const enOnly = provider({ ALIYUN_SMS_TEMPLATES: JSON.stringify({ "recovery:en": "SMS_480002" }) });
    expect((await deliverMessages(enOnly, messageLinks)).failed).toBe(1);
    expect(await row()).toMatchObject({ status: "failed", attempts: 1 });
    expect((await row())?.last_error).toContain("no template code for recovery:zh-CN");
    expect(await texts()).toEqual([]);
  });

  it("sends nothing and claims nothing without a provider: the outbox is the call list", async () => {
    await bookAndRecover();
    expect(await deliverMessages(env, messageLinks)).toEqual({ sent: 0, refused: 0, failed: 0, uncertain: 0 });
    expect(await row()).toMatchObject({ status: "pending", attempts: 0 });
  });
});
