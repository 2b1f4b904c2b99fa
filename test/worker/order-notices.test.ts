import { env } from "cloudflare:workers";
import { messageMailers } from "@functions/api";
import { MAX_ATTEMPTS, STALE_MINUTES } from "@functions/messages/deliver";
import { deliverEmails } from "@functions/messages/deliver-email";
import { buyerText, composeOrderDigest, orderMailer, orderMails } from "@functions/produce/order-mail";
import { beforeEach, describe, expect, it } from "vitest";
import { as, createAccount, signIn } from "./accounts";
import { scalar } from "./helpers";
import { checkout, type PlacedBody, postOrder, seedProduce } from "./produce";

/**
 * The new-order e-mail to cooperatives, on the one outbox: written with the order,
 * sent by the cron through the MAIL binding (miniflare's, which keeps each message
 * and answers with its id), claimed once.
 */
interface Mail {
  reference: string;
  recipient: string;
  status: string;
  attempts: number;
  sent_at: string | null;
  provider_message_id: string | null;
  last_error: string | null;
}

async function mails(): Promise<Mail[]> {
  const { results } = await env.DB.prepare(
    `SELECT o.reference, m.recipient, m.status, m.attempts, m.sent_at, m.provider_message_id, m.last_error
     FROM outbox m JOIN orders o ON o.id = m.order_id WHERE m.channel = 'email' ORDER BY m.id`,
  ).all<Mail>();
  return results;
}

/** The MAIL binding, counting what it is asked to send; `afterSend` runs once the binding took the mail. */
function countingMail(afterSend: () => Promise<void> = async () => {}) {
  const sent: Array<{ to: string; subject: string }> = [];
  const MAIL = {
    async send(message: { to: string; subject: string }) {
      const answer = await (env.MAIL as SendEmail).send(message as never);
      sent.push({ to: message.to, subject: message.subject });
      await afterSend();
      return answer;
    },
  } as unknown as SendEmail;
  return { sent, env: { DB: env.DB, MAIL } };
}

const deliver = (opts: { now?: Date } = {}, mailEnv: Pick<typeof env, "DB" | "MAIL"> = env) =>
  deliverEmails(mailEnv, messageMailers, opts);

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
  it("are written with the order, one per active member, and sent once at the next minute's run", async () => {
    const placed = await placeCheckout(
      checkout(
        [
          { product: "syrup", quantity: 2 },
          { product: "wine", quantity: 1 },
        ],
        { contact: BUYER },
      ),
    );
    const [pear, wine] = placed.orders.map((o) => o.reference);
    // In the checkout's batch: the pear cooperative's two active members; the wine cooperative has nobody yet.
    expect((await mails()).map((m) => [m.reference, m.recipient, m.status])).toEqual([
      [pear, "li@pear.example.cn", "pending"],
      [pear, "wang@pear.example.cn", "pending"],
    ]);
    expect(await deliver()).toEqual({ sent: 2, refused: 0, failed: 0 });
    const rows = await mails();
    for (const row of rows) {
      expect(row).toMatchObject({ status: "sent", attempts: 1, last_error: null });
      // The binding's own message id: the mail really went through MAIL.
      expect(row.provider_message_id).toMatch(/^<[^>]+@jinchuan\.gov\.cn>$/);
    }
    expect(rows.some((r) => r.reference === wine)).toBe(false);

    // The cooperative sees on the order that its members were told.
    const member = await signIn("li@pear.example.cn");
    const order = await (await as(member, `/api/dashboard/orders/${pear}`)).json<{ mailedAt: string | null }>();
    expect(order.mailedAt).toBe(rows[0]?.sent_at);

    // Later runs, however many at once, send nothing again.
    const again = await Promise.all([deliver(), deliver(), deliver()]);
    expect(again.map((r) => r.sent + r.refused + r.failed)).toEqual([0, 0, 0]);
    expect(await scalar("SELECT sum(attempts) FROM outbox WHERE channel = 'email'")).toBe(2);
  });

  it("is part of the order's batch: an outbox that refuses the row refuses the order", async () => {
    await env.DB.prepare(
      "CREATE TRIGGER outbox_down BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox unavailable'); END",
    ).run();
    const res = await postOrder(checkout([{ product: "syrup", quantity: 1 }], { contact: BUYER }));
    expect(res.status).toBe(500);
    expect(await scalar("SELECT count(*) FROM orders")).toBe(0);
    expect(await scalar("SELECT stock FROM products WHERE id = 'syrup'")).toBe(5);
  });

  it("sends each member one digest per run, and every order once when three runs overlap", async () => {
    await env.DB.prepare("UPDATE products SET stock = 100 WHERE id = 'syrup'").run();
    // Thirty buyers (one phone may hold only a few open orders).
    for (let i = 0; i < 30; i++) {
      const phone = `1390000${String(i).padStart(4, "0")}`;
      const res = await postOrder(checkout([{ product: "syrup", quantity: 1 }], { contact: { name: "赵敏", phone } }));
      expect(res.status).toBe(201);
    }
    const mail = countingMail();
    const runs = await Promise.all([deliver({}, mail.env), deliver({}, mail.env), deliver({}, mail.env)]);
    // At most one e-mail per member per run: thirty orders are not sixty mails.
    for (const run of runs) expect(run.sent).toBeLessThanOrEqual(2);
    const sent = runs.reduce((n, r) => n + r.sent, 0);
    expect(mail.sent).toHaveLength(sent);
    expect(await scalar("SELECT count(DISTINCT provider_message_id) FROM outbox WHERE channel = 'email'")).toBe(sent);
    expect(await scalar("SELECT count(*) FROM outbox WHERE attempts = 1 AND status = 'sent'")).toBe(60);
    // Each member heard of each order once.
    const told = await scalar<string>(
      `SELECT json_group_array(n) FROM (SELECT count(*) AS n FROM outbox GROUP BY recipient, order_id)`,
    );
    expect(new Set(JSON.parse(told))).toEqual(new Set([1]));
    const later = await Promise.all([deliver({}, mail.env), deliver({}, mail.env)]);
    expect(later.map((r) => r.sent)).toEqual([0, 0]);
    expect(mail.sent).toHaveLength(sent);
  });

  it("never mails twice when a run dies between the send and its record", async () => {
    await quietOrder();
    await env.DB.prepare("DELETE FROM outbox WHERE recipient = 'wang@pear.example.cn'").run();
    // The binding takes the mail, then the run is gone: it never records anything.
    const dying = countingMail(() => new Promise<void>(() => {}));
    void deliver({}, dying.env);
    await expect.poll(() => dying.sent.length).toBe(1);
    const after = countingMail();
    for (const minutes of [1, STALE_MINUTES + 1, STALE_MINUTES + 30, 120]) {
      expect((await deliver({ now: minutesLater(minutes) }, after.env)).sent).toBe(0);
    }
    expect(after.sent).toEqual([]);
    expect(await mails()).toEqual([
      expect.objectContaining({
        status: "uncertain",
        attempts: 1,
        last_error: expect.stringContaining("never recorded"),
      }),
    ]);
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

  it("tries a refused send again after a pause, and gives up after the last attempt", async () => {
    const first = await quietOrder();
    await env.DB.prepare("DELETE FROM outbox WHERE recipient = 'wang@pear.example.cn'").run();
    // A sender the MAIL binding does not allow: the binding refuses, as a provider would.
    const refusing = { "order-new": { ...orderMailer, from: { email: "someone@elsewhere.example", name: "x" } } };
    const refuse = (minutes: number) => deliverEmails(env, refusing, { now: minutesLater(minutes) });
    expect(await refuse(0)).toEqual({ sent: 0, refused: 1, failed: 0 });
    expect(await mails()).toEqual([
      expect.objectContaining({
        reference: first,
        status: "pending",
        attempts: 1,
        last_error: expect.stringContaining("not allowed"),
      }),
    ]);
    // Not again within the pause, then again after it.
    expect(await deliver({ now: minutesLater(0.5) })).toEqual({ sent: 0, refused: 0, failed: 0 });
    expect(await deliver({ now: minutesLater(2) })).toMatchObject({ sent: 1 });
    expect(await mails()).toEqual([expect.objectContaining({ status: "sent", attempts: 2, last_error: null })]);

    const second = await quietOrder("slices");
    await env.DB.prepare("DELETE FROM outbox WHERE recipient = 'wang@pear.example.cn'").run();
    for (let i = 0; i < MAX_ATTEMPTS; i++) await refuse(i * 40);
    expect(await deliver({ now: minutesLater(300) })).toEqual({ sent: 0, refused: 0, failed: 0 });
    expect((await mails()).find((m) => m.reference === second)).toMatchObject({
      status: "failed",
      attempts: MAX_ATTEMPTS,
      sent_at: null,
    });
  });

  it("announces only orders still placed and less than a day old", async () => {
    const old = await quietOrder();
    await env.DB.prepare("UPDATE outbox SET created_at = '2020-01-01T00:00:00.000Z'").run();
    const cancelled = await quietOrder("slices");
    await env.DB.prepare("UPDATE orders SET status = 'cancelled' WHERE reference = ?").bind(cancelled).run();
    const mail = countingMail();
    // One per member, each with nothing left to tell.
    expect(await deliver({}, mail.env)).toEqual({ sent: 0, refused: 0, failed: 2 });
    expect(mail.sent).toEqual([]);
    const rows = await mails();
    expect(rows.filter((m) => m.reference === old).map((m) => m.status)).toEqual(["pending", "pending"]);
    expect(rows.filter((m) => m.reference === cancelled).map((m) => [m.status, m.last_error])).toEqual([
      ["failed", expect.stringContaining("no longer needed")],
      ["failed", expect.stringContaining("no longer needed")],
    ]);
  });

  it("does nothing without a MAIL binding: the e-mails wait in the outbox and the orders on the dashboard", async () => {
    await quietOrder();
    expect(await deliver({}, { DB: env.DB })).toEqual({ sent: 0, refused: 0, failed: 0 });
    expect((await mails()).map((m) => m.status)).toEqual(["pending", "pending"]);
  });
});
