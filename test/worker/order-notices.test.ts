import { env } from "cloudflare:workers";
import {
  buyerText,
  composeOrderDigest,
  deliverOrderNotices,
  MAX_ATTEMPTS,
  orderMails,
  STALE_MINUTES,
} from "@functions/produce/order-mail";
import { beforeEach, describe, expect, it } from "vitest";
import { as, createAccount, signIn } from "./accounts";
import { scalar } from "./helpers";
import { checkout, type PlacedBody, postOrder, seedProduce } from "./produce";

interface Notice {
  reference: string;
  sent_at: string | null;
  attempts: number;
  recipients: string | null;
  message_id: string | null;
  last_error: string | null;
}

async function notices(): Promise<Notice[]> {
  const { results } = await env.DB.prepare(
    `SELECT o.reference, n.sent_at, n.attempts, n.recipients, n.message_id, n.last_error
     FROM order_notices n JOIN orders o ON o.id = n.order_id ORDER BY o.id`,
  ).all<Notice>();
  return results;
}

const BUYER = { name: "赵敏", phone: "13912345678" };
const ADDRESS = {
  province: "四川省",
  city: "成都市",
  district: "武侯区",
  line: "梨花街 8 号 3 单元",
  postcode: "610041",
};

/** A checkout as a visitor's browser sends it. */
async function placeCheckout(body: unknown): Promise<PlacedBody> {
  const res = await postOrder(body);
  expect(res.status).toBe(201);
  return res.json<PlacedBody>();
}

const minutesLater = (n: number) => new Date(Date.now() + n * 60_000);

/** One order of one jar. */
async function quietOrder(product = "syrup"): Promise<string> {
  const res = await postOrder(checkout([{ product, quantity: 1 }], { contact: BUYER }));
  expect(res.status).toBe(201);
  return (await res.json<PlacedBody>()).orders[0]?.reference ?? "";
}

beforeEach(async () => {
  await seedProduce();
  await createAccount("li@pear.example.cn", "cooperative", { cooperativeId: "pear-coop" });
  await createAccount("wang@pear.example.cn", "cooperative", { cooperativeId: "pear-coop" });
  // Neither a disabled member nor one who never set a password is written to.
  const gone = await createAccount("gone@pear.example.cn", "cooperative", { cooperativeId: "pear-coop" });
  await env.DB.prepare("UPDATE accounts SET disabled_at = '2026-01-01T00:00:00.000Z' WHERE id = ?").bind(gone).run();
  await createAccount("new@pear.example.cn", "cooperative", { cooperativeId: "pear-coop", password: null });
});

describe("new-order e-mails to cooperatives", () => {
  it("mails each cooperative of a checkout once, to its active members, at the next minute's run", async () => {
    const placed = await placeCheckout(
      checkout(
        [
          { product: "syrup", quantity: 2 },
          { product: "wine", quantity: 1 },
        ],
        { contact: BUYER },
      ),
    );
    // The checkout itself writes nothing for mail: D1's single writer stays on orders.
    expect(await notices()).toEqual([]);
    expect(await deliverOrderNotices(env)).toEqual({ sent: 1, failed: 0, nobody: 1 });
    const [pear, wine] = placed.orders.map((o) => o.reference);
    const rows = await notices();
    expect(rows.map((r) => r.reference)).toEqual([pear, wine]);
    const [toPear, toWine] = rows;
    expect(toPear?.sent_at).not.toBeNull();
    expect(JSON.parse(toPear?.recipients ?? "")).toEqual(["li@pear.example.cn", "wang@pear.example.cn"]);
    // The binding's own message id: the mail really went through MAIL.
    expect(toPear?.message_id).toMatch(/^<[^>]+@jinchuan\.gov\.cn>$/);
    // The wine cooperative has no member yet: nobody to write to, and it is not retried.
    expect(toWine).toMatchObject({ recipients: "[]", message_id: null, attempts: 1 });
    expect(toWine?.sent_at).not.toBeNull();

    // The cooperative sees on the order that its members were told.
    const member = await signIn("li@pear.example.cn");
    const order = await (await as(member, `/api/dashboard/orders/${pear}`)).json<{ mailedAt: string | null }>();
    expect(order.mailedAt).toBe(toPear?.sent_at);

    // Later runs, however many at once, send nothing again.
    const again = await Promise.all([deliverOrderNotices(env), deliverOrderNotices(env), deliverOrderNotices(env)]);
    expect(again.map((r) => r.sent + r.failed + r.nobody)).toEqual([0, 0, 0]);
    expect(await scalar("SELECT sum(attempts) FROM order_notices")).toBe(2);
  });

  it("sends a cooperative one digest per run, and never mails an order twice when runs overlap", async () => {
    await env.DB.prepare("UPDATE products SET stock = 100 WHERE id = 'syrup'").run();
    // Thirty buyers (one phone may hold only a few open orders).
    for (let i = 0; i < 30; i++) {
      const phone = `1390000${String(i).padStart(4, "0")}`;
      const res = await postOrder(checkout([{ product: "syrup", quantity: 1 }], { contact: { name: "赵敏", phone } }));
      expect(res.status).toBe(201);
    }
    const runs = await Promise.all([deliverOrderNotices(env), deliverOrderNotices(env), deliverOrderNotices(env)]);
    // At most one e-mail per cooperative per run: thirty orders are not thirty mails.
    for (const run of runs) expect(run.sent).toBeLessThanOrEqual(1);
    const mails = runs.reduce((n, r) => n + r.sent, 0);
    expect(mails).toBeGreaterThanOrEqual(1);
    expect(await scalar("SELECT count(DISTINCT message_id) FROM order_notices")).toBe(mails);
    expect(await scalar("SELECT count(*) FROM order_notices WHERE attempts = 1 AND sent_at IS NOT NULL")).toBe(30);
    const later = await Promise.all([deliverOrderNotices(env), deliverOrderNotices(env)]);
    expect(later.map((r) => r.sent)).toEqual([0, 0]);
  });

  it("lists a run's orders in one digest", async () => {
    const refs = [await quietOrder(), await quietOrder("slices")];
    const ids = await Promise.all(refs.map((r) => scalar<number>("SELECT id FROM orders WHERE reference = ?", r)));
    const { subject, text } = composeOrderDigest(await orderMails(env.DB, ids));
    expect(subject).toBe("新订单 2 笔 · 2 new orders");
    for (const ref of refs) expect(text.split(ref)).toHaveLength(5);
    expect(text).toContain("有游客在网站上下了 2 笔新订单");
  });

  it("marks what the buyer typed, on one line and unable to become a link", async () => {
    expect(buyerText("见面付款\r\nSubject: 请汇款 http://evil.example www.evil.example a@b.example")).toBe(
      "「见面付款 / Subject: 请汇款 http[:]//evil.example www[.]evil.example a[at]b.example」",
    );
    const ref = (
      await placeCheckout(
        checkout([{ product: "syrup", quantity: 1 }], {
          contact: BUYER,
          notes: "请先打电话\n付款请点 https://pay.example",
          fulfilment: { method: "delivery", address: ADDRESS },
        }),
      )
    ).orders[0]?.reference;
    const id = await scalar<number>("SELECT id FROM orders WHERE reference = ?", ref);
    const { text } = composeOrderDigest(await orderMails(env.DB, [id]));
    expect(text).toContain("买家留言（未经核实）：「请先打电话 / 付款请点 https[:]//pay.example」");
    expect(text).not.toContain("https://pay");
    // Once in each language, each time on the line that marks it as the buyer's.
    const lines = text.split("\n").filter((l) => l.includes("付款请点"));
    expect(lines.map((l) => l.slice(0, l.indexOf("「")))).toEqual([
      "买家留言（未经核实）：",
      "Buyer's note (not checked): ",
    ]);
  });

  it("says what to do and where, but not the buyer's phone number or address", async () => {
    const ref = (
      await placeCheckout(
        checkout([{ product: "syrup", quantity: 2 }], {
          contact: BUYER,
          fulfilment: { method: "delivery", address: ADDRESS },
        }),
      )
    ).orders[0]?.reference;
    const id = await scalar<number>("SELECT id FROM orders WHERE reference = ?", ref);
    const [row] = await orderMails(env.DB, [id]);
    if (!row) throw new Error("no order");
    const { subject, text } = composeOrderDigest([row]);
    expect(subject).toBe(`新订单 ${ref} · New order ${ref}`);
    expect(text).toContain("syrup（中文） × 2");
    expect(text).toContain("syrup (English) × 2");
    expect(text).toContain("金额：96.00 元");
    expect(text).toContain("快递配送，买家填写的地区（未经核实）：「成都市 武侯区」");
    expect(text).toContain(`https://www.jinchuan.gov.cn/dashboard/coop/pear-coop/orders/${ref}/`);
    expect(text).toContain(`https://www.jinchuan.gov.cn/en/dashboard/coop/pear-coop/orders/${ref}/`);
    expect(text).toMatch(/下单时间：\d{4}-\d\d-\d\d \d\d:\d\d（北京时间）/);
    for (const secret of [BUYER.phone, BUYER.name, ADDRESS.line, ADDRESS.postcode]) expect(text).not.toContain(secret);
  });

  it("tries a refused send again after a pause, and leaves an order to the dashboard after the last attempt", async () => {
    const first = await quietOrder();
    // A sender the MAIL binding does not allow: the binding refuses, as a provider would.
    const refuse = (minutes: number) =>
      deliverOrderNotices(env, { from: "someone@elsewhere.example", now: minutesLater(minutes) });
    expect(await refuse(0)).toEqual({ sent: 0, failed: 1, nobody: 0 });
    expect(await notices()).toEqual([
      expect.objectContaining({
        reference: first,
        sent_at: null,
        attempts: 1,
        last_error: expect.stringContaining("not allowed"),
      }),
    ]);
    // Not again within the pause, then again after it.
    expect(await deliverOrderNotices(env, { now: minutesLater(1) })).toEqual({ sent: 0, failed: 0, nobody: 0 });
    expect(await deliverOrderNotices(env, { now: minutesLater(STALE_MINUTES + 1) })).toMatchObject({ sent: 1 });
    expect(await notices()).toEqual([
      expect.objectContaining({ attempts: 2, last_error: null, sent_at: expect.any(String) }),
    ]);

    const second = await quietOrder("slices");
    for (let i = 0; i <= MAX_ATTEMPTS + 1; i++) await refuse(i * (STALE_MINUTES + 1));
    expect(await deliverOrderNotices(env, { now: minutesLater(120) })).toEqual({ sent: 0, failed: 0, nobody: 0 });
    expect((await notices()).find((n) => n.reference === second)).toMatchObject({
      attempts: MAX_ATTEMPTS,
      sent_at: null,
    });
  });

  it("announces only orders still placed and less than a day old", async () => {
    const old = await quietOrder();
    await env.DB.prepare("UPDATE orders SET created_at = '2020-01-01T00:00:00.000Z' WHERE reference = ?")
      .bind(old)
      .run();
    const cancelled = await quietOrder("slices");
    await env.DB.prepare("UPDATE orders SET status = 'cancelled' WHERE reference = ?").bind(cancelled).run();
    expect(await deliverOrderNotices(env)).toEqual({ sent: 0, failed: 0, nobody: 0 });
    expect(await notices()).toEqual([]);
  });

  it("does nothing without a MAIL binding: orders wait in the dashboard", async () => {
    await quietOrder();
    expect(await deliverOrderNotices({ DB: env.DB })).toEqual({ sent: 0, failed: 0, nobody: 0 });
    expect(await notices()).toEqual([]);
  });
});
