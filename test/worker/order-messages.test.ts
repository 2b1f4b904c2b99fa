import { env } from "cloudflare:workers";
import { messageLinks } from "@functions/api";
import { deliverMessages } from "@functions/messages/deliver";
import { expireUnconfirmedOrders } from "@functions/produce/county-cancel";
import { beforeEach, describe, expect, it } from "vitest";
import { FAKE_SMS_KEY_PREFIX, FAKE_SMS_SECRET, FAKE_SMS_SIGN_NAME } from "../fake-sms/keys";
import type { FakeText } from "../fake-sms/server";
import { createAccount, postAs, signIn } from "./accounts";
import { call } from "./helpers";
import { cancelOrder, checkout, type PlacedBody, postOrder, seedProduce } from "./produce";

/**
 * What the buyer is told about an order: a text per state change, written in the
 * batch of the change, and sent by the outbox's sender to the fake Aliyun server.
 */
interface Text {
  reference: string;
  kind: string;
  lang: string;
  recipient: string;
  params: Record<string, string>;
}

async function texts(): Promise<Text[]> {
  const { results } = await env.DB.prepare(
    `SELECT o.reference, m.kind, m.lang, m.recipient, m.params
     FROM outbox m JOIN orders o ON o.id = m.order_id WHERE m.channel = 'sms' ORDER BY m.id`,
  ).all<Omit<Text, "params"> & { params: string }>();
  return results.map((r) => ({ ...r, params: JSON.parse(r.params) }));
}
const kinds = async () => (await texts()).map((t) => t.kind);

const BUYER = { name: "赵敏", phone: "13912345678" };
const ORDER_KINDS = [
  "order-confirmed",
  "order-ready",
  "order-shipped",
  "order-cancelled",
  "order-cancelled-buyer",
  "order-cancelled-county",
  "order-expired",
];
let key = "";
const provider = () => ({
  ...env,
  ALIYUN_SMS_ENDPOINT: env.FAKE_SMS_URL,
  ALIYUN_SMS_ACCESS_KEY_ID: key,
  ALIYUN_SMS_ACCESS_KEY_SECRET: FAKE_SMS_SECRET,
  ALIYUN_SMS_SIGN_NAME: FAKE_SMS_SIGN_NAME,
  ALIYUN_SMS_TEMPLATES: JSON.stringify(
    Object.fromEntries(
      ORDER_KINDS.flatMap((k, i) => [
        [`${k}:zh-CN`, `SMS_49${i}001`],
        [`${k}:en`, `SMS_49${i}002`],
      ]),
    ),
  ),
});
const sentTexts = async (): Promise<FakeText[]> =>
  (await fetch(new URL(`/__texts?key=${key}`, env.FAKE_SMS_URL))).json();

let coop = "";
const step = (reference: string, name: string, body: unknown = {}) =>
  postAs(coop, `/api/dashboard/orders/${reference}/${name}`, body);

async function place(extra: Record<string, unknown> = {}, lang = "zh-CN") {
  const res = await postOrder(checkout([{ product: "syrup", quantity: 1 }], { contact: BUYER, ...extra }), undefined, {
    "accept-language": lang,
  });
  expect(res.status).toBe(201);
  const order = (await res.json<PlacedBody>()).orders[0];
  if (!order) throw new Error("no order");
  return order;
}

const ADDRESS = { province: "四川省", city: "成都市", district: "武侯区", line: "梨花街 8 号", postcode: "610041" };

beforeEach(async () => {
  key = `${FAKE_SMS_KEY_PREFIX}${crypto.randomUUID()}`;
  await seedProduce();
  await env.DB.prepare(
    `UPDATE pickup_points SET address_zh = '金川镇梨花街 1 号', address_en = '1 Pear Street, Jinchuan',
       hours_zh = '每天 9:00-18:00', hours_en = 'daily 9:00-18:00' WHERE id = 'visitor-centre'`,
  ).run();
  await createAccount("pear@example.cn", "cooperative", { cooperativeId: "pear-coop" });
  coop = await signIn("pear@example.cn");
});

describe("texts to the buyer about an order", () => {
  it("tells of confirmed and ready (with the pickup point's address and hours), not of completed", async () => {
    const o = await place();
    expect(await kinds()).toEqual([]);
    expect((await step(o.reference, "confirm")).status).toBe(200);
    expect(await texts()).toEqual([
      {
        reference: o.reference,
        kind: "order-confirmed",
        lang: "zh-CN",
        recipient: BUYER.phone,
        params: { reference: o.reference, about: "order" },
      },
    ]);
    expect((await step(o.reference, "ready")).status).toBe(200);
    expect((await texts())[1]).toMatchObject({
      kind: "order-ready",
      params: { reference: o.reference, about: "order", address: "金川镇梨花街 1 号", hours: "每天 9:00-18:00" },
    });
    expect((await step(o.reference, "complete")).status).toBe(200);
    expect(await kinds()).toEqual(["order-confirmed", "order-ready"]);
  });

  it("writes the buyer's language and, for a delivery, the tracking number", async () => {
    const o = await place({ fulfilment: { method: "delivery", address: ADDRESS } }, "en");
    await step(o.reference, "confirm");
    expect((await step(o.reference, "ship", { tracking: "SF1234567890" })).status).toBe(200);
    expect(await texts()).toEqual([
      expect.objectContaining({ kind: "order-confirmed", lang: "en" }),
      expect.objectContaining({
        kind: "order-shipped",
        lang: "en",
        params: expect.objectContaining({ tracking: "SF1234567890" }),
      }),
    ]);
  });

  it("tells once when two confirmations race, and not at all for a refused step", async () => {
    const o = await place();
    const results = await Promise.all([step(o.reference, "confirm"), step(o.reference, "confirm")]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await step(o.reference, "ship", { tracking: "SF1" })).status).toBe(409);
    expect(await kinds()).toEqual(["order-confirmed"]);
  });

  it("is written in the batch of the change: an outbox that refuses the text refuses the change", async () => {
    const o = await place();
    await env.DB.prepare(
      `CREATE TRIGGER sms_down BEFORE INSERT ON outbox WHEN NEW.channel = 'sms'
       BEGIN SELECT RAISE(ABORT, 'outbox unavailable'); END`,
    ).run();
    expect((await step(o.reference, "confirm")).status).toBe(500);
    expect((await cancelOrder(o.reference, o.token)).status).toBe(500);
    await env.DB.prepare("DROP TRIGGER sms_down").run();
    const view = await (await call(`/api/orders/${o.reference}?token=${o.token}`)).json<{ status: string }>();
    expect(view.status).toBe("placed");
    expect(await kinds()).toEqual([]);
  });

  it("tells who cancelled: the cooperative with its reason, or the buyer, once however often they press", async () => {
    const byCoop = await place();
    expect((await step(byCoop.reference, "cancel", { reason: "梨膏已售完，抱歉" })).status).toBe(200);
    const byBuyer = await place({ contact: { name: "钱", phone: "13700000001" } });
    const cancels = await Promise.all([
      cancelOrder(byBuyer.reference, byBuyer.token),
      cancelOrder(byBuyer.reference, byBuyer.token),
    ]);
    expect(cancels.map((r) => r.status)).toEqual([200, 200]);
    const [first, second] = await texts();
    expect(first).toMatchObject({
      reference: byCoop.reference,
      kind: "order-cancelled",
      params: { reason: "梨膏已售完，抱歉" },
    });
    expect(second).toMatchObject({
      reference: byBuyer.reference,
      kind: "order-cancelled-buyer",
      recipient: "13700000001",
    });
    expect(await texts()).toHaveLength(2);
  });

  it("tells each buyer once when the county cancels orders nobody confirmed in time", async () => {
    const a = await place();
    const b = await place({ contact: { name: "钱", phone: "13700000001" } });
    await step(b.reference, "confirm");
    await env.DB.prepare("UPDATE orders SET expires_at = '2000-01-01T00:00:00.000Z'").run();
    const runs = await Promise.all([
      expireUnconfirmedOrders(env.DB, new Date()),
      expireUnconfirmedOrders(env.DB, new Date()),
    ]);
    expect(runs.reduce((n, r) => n + r, 0)).toBe(1);
    expect((await texts()).map((t) => [t.reference, t.kind])).toEqual([
      [b.reference, "order-confirmed"],
      [a.reference, "order-expired"],
    ]);
  });

  it("sends them with the order's link, and the order JSON lists them", async () => {
    const o = await place();
    await step(o.reference, "confirm");
    await step(o.reference, "ready");
    const before = await (await call(`/api/orders/${o.reference}?token=${o.token}`)).json<{ messages: unknown[] }>();
    expect(before.messages).toEqual([
      { channel: "sms", kind: "order-confirmed", status: "pending", sentAt: null, createdAt: expect.any(String) },
      { channel: "sms", kind: "order-ready", status: "pending", sentAt: null, createdAt: expect.any(String) },
    ]);
    expect(await deliverMessages(provider(), messageLinks)).toMatchObject({ sent: 2 });
    const sent = await sentTexts();
    expect(sent.map((t) => t.PhoneNumbers)).toEqual([BUYER.phone, BUYER.phone]);
    const ready = JSON.parse(sent[1]?.TemplateParam ?? "{}");
    expect(ready).toMatchObject({ ref: o.reference, address: "金川镇梨花街 1 号", hours: "每天 9:00-18:00" });
    // The link opens this order (its token is derived when the text is sent, never stored).
    expect(ready.link).toContain(`reference=${o.reference}`);
    const after = await (await call(`/api/orders/${o.reference}?token=${o.token}`)).json<{
      messages: Array<{ status: string; sentAt: string | null }>;
    }>();
    expect(after.messages.map((m) => m.status)).toEqual(["sent", "sent"]);
    for (const m of after.messages) expect(m.sentAt).toEqual(expect.any(String));
  });

  it("leaves the cooperative's e-mail out of the buyer's list", async () => {
    const o = await place();
    expect(await env.DB.prepare("SELECT count(*) AS n FROM outbox WHERE channel = 'email'").first("n")).toBe(1);
    const view = await (await call(`/api/orders/${o.reference}?token=${o.token}`)).json<{ messages: unknown[] }>();
    expect(view.messages).toEqual([]);
  });
});
