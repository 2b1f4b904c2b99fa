import { county } from "../../county.config";
import type { Bindings } from "../env";
import { countyDateTime } from "../lib/dates";
import { localePath } from "../lib/lang";
import { fenToDecimal } from "../lib/money";
import { ORDER_LINES_EN, ORDER_LINES_ZH } from "./coop-ops";

/**
 * Tells a cooperative by e-mail that a visitor has placed an order, so nobody
 * has to keep the dashboard open to notice one.
 *
 * The order row is the outbox: the checkout writes nothing more than before, so
 * a festival rush spends D1's single writer on orders, not on mail. A cron every
 * minute (ORDER_MAIL_CRON) claims what is due in one statement, sends, and records
 * the result in one batch: two runs never mail the same order, a claim older than
 * STALE_MINUTES (a run that died, or a refused send) is taken over, and after
 * MAX_ATTEMPTS refusals an order is left to the dashboard.
 *
 * The e-mail holds what the cooperative needs to act (reference, items, total,
 * pickup point or delivery town, a link to the order) but not the buyer's phone
 * number or address: those stay behind the dashboard's sign-in.
 */
export const MAX_ATTEMPTS = 5;
/** The wrangler.toml cron that runs deliverOrderNotices. */
export const ORDER_MAIL_CRON = "* * * * *";
export const STALE_MINUTES = 10;
/** Orders older than this are not announced any more (e.g. when mail is first switched on). */
const WINDOW_HOURS = 24;
/** Orders claimed at a time; a run goes on while whole batches come back, up to MAX_ROUNDS. */
const BATCH = 25;
const MAX_ROUNDS = 8;

export interface OrderMail {
  id: number;
  reference: string;
  cooperative_id: string;
  coop_zh: string;
  coop_en: string;
  total_fen: number;
  fulfilment: "pickup" | "delivery";
  pickup_zh: string | null;
  pickup_en: string | null;
  city: string | null;
  district: string | null;
  created_at: string;
  lines_zh: string;
  lines_en: string;
  recipients: string;
}

export interface NoticeResult {
  sent: number;
  failed: number;
  /** Orders of cooperatives with no active member: nobody to write to. */
  nobody: number;
}

/** Subject and plain text, Chinese first, then English. */
export function composeOrderMail(o: OrderMail): { subject: string; text: string } {
  const link = new URL(`/dashboard/coop/${o.cooperative_id}/orders/${o.reference}/`, county.siteUrl).href;
  const linkEn = new URL(localePath("en", `/dashboard/coop/${o.cooperative_id}/orders/${o.reference}/`), county.siteUrl)
    .href;
  const where = (lang: "zh" | "en") =>
    o.fulfilment === "pickup"
      ? lang === "zh"
        ? `到店自取：${o.pickup_zh ?? ""}`
        : `Pickup at ${o.pickup_en ?? ""}`
      : lang === "zh"
        ? `快递配送：${[o.city, o.district].filter(Boolean).join(" ")}`
        : `Delivery to ${[o.district, o.city].filter(Boolean).join(", ")}`;
  const placed = countyDateTime(o.created_at);
  const text = [
    `${o.coop_zh}：`,
    "",
    "有游客在网站上下了一笔新订单，请登录工作台确认。",
    "",
    `订单号：${o.reference}`,
    `商品：${o.lines_zh}`,
    `金额：${fenToDecimal(o.total_fen)} 元`,
    `取货方式：${where("zh")}`,
    `下单时间：${placed}（北京时间）`,
    `处理订单：${link}`,
    "",
    "为保护买家隐私，邮件中不含买家的电话和地址，请在工作台查看。",
    "",
    "----",
    "",
    `${o.coop_en}:`,
    "",
    "A visitor has placed a new order on the website. Please sign in to the dashboard to confirm it.",
    "",
    `Order: ${o.reference}`,
    `Items: ${o.lines_en}`,
    `Total: CNY ${fenToDecimal(o.total_fen)}`,
    `Fulfilment: ${where("en")}`,
    `Placed: ${placed} (China Standard Time)`,
    `Handle the order: ${linkEn}`,
    "",
    "To protect the buyer's privacy this e-mail leaves out their phone number and address; the dashboard shows them.",
    "",
    `— ${county.name["zh-CN"]} / ${county.name.en}`,
  ].join("\n");
  return { subject: `新订单 ${o.reference} · New order ${o.reference}`, text };
}

const ORDER_MAIL_SQL = `SELECT o.id, o.reference, o.cooperative_id, k.name_zh AS coop_zh, k.name_en AS coop_en,
    o.total_fen, o.fulfilment, pp.name_zh AS pickup_zh, pp.name_en AS pickup_en, o.city, o.district, o.created_at,
    ${ORDER_LINES_ZH} AS lines_zh, ${ORDER_LINES_EN} AS lines_en,
    (SELECT json_group_array(a.email) FROM accounts a WHERE a.role = 'cooperative' AND a.cooperative_id = o.cooperative_id
      AND a.disabled_at IS NULL AND a.password_hash IS NOT NULL) AS recipients
  FROM orders o JOIN cooperatives k ON k.id = o.cooperative_id LEFT JOIN pickup_points pp ON pp.id = o.pickup_point_id
  WHERE o.id IN (SELECT value FROM json_each(?)) ORDER BY o.id`;

/** What the e-mails of these orders are made of, with their recipients (JSON). */
export async function orderMails(d1: D1Database, ids: number[]): Promise<OrderMail[]> {
  const { results } = await d1.prepare(ORDER_MAIL_SQL).bind(JSON.stringify(ids)).all<OrderMail>();
  return results;
}

/**
 * Claims up to BATCH orders to announce, in one statement: new ones get a row,
 * unsent ones whose last claim went stale get theirs back. Only the Worker whose
 * statement wrote the row may send.
 */
const CLAIM_SQL = `INSERT INTO order_notices (order_id, claimed_at, attempts)
    SELECT o.id, ?1, 1 FROM orders o LEFT JOIN order_notices n ON n.order_id = o.id
    WHERE o.status = 'placed' AND o.created_at > ?3
      AND (n.order_id IS NULL OR (n.sent_at IS NULL AND n.attempts < ${MAX_ATTEMPTS}
        AND (n.claimed_at IS NULL OR n.claimed_at < ?2)))
    ORDER BY o.id LIMIT ${BATCH}
    ON CONFLICT (order_id) DO UPDATE SET claimed_at = excluded.claimed_at, attempts = order_notices.attempts + 1
      WHERE order_notices.sent_at IS NULL AND order_notices.attempts < ${MAX_ATTEMPTS}
        AND (order_notices.claimed_at IS NULL OR order_notices.claimed_at < ?2)
    RETURNING order_id`;

/**
 * Sends what is due, BATCH orders at a time. `from` overrides the configured
 * sender (tests use it to have the binding refuse). Without a MAIL binding
 * nothing is claimed or sent.
 */
export async function deliverOrderNotices(
  env: Pick<Bindings, "DB" | "MAIL">,
  opts: { now?: Date; from?: string } = {},
): Promise<NoticeResult> {
  const result: NoticeResult = { sent: 0, failed: 0, nobody: 0 };
  const mail = env.MAIL;
  if (!mail) return result;
  const now = opts.now ?? new Date();
  const from = { email: opts.from ?? county.orderMail.from, name: county.orderMail.name["zh-CN"] };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const claimed = await sendRound(env.DB, mail, from, now, result);
    if (claimed < BATCH) break;
  }
  return result;
}

async function sendRound(
  d1: D1Database,
  mail: SendEmail,
  from: { email: string; name: string },
  now: Date,
  result: NoticeResult,
): Promise<number> {
  const at = now.toISOString();
  const stale = new Date(now.getTime() - STALE_MINUTES * 60_000).toISOString();
  const since = new Date(now.getTime() - WINDOW_HOURS * 3_600_000).toISOString();
  const { results: claimed } = await d1.prepare(CLAIM_SQL).bind(at, stale, since).all<{ order_id: number }>();
  if (claimed.length === 0) return 0;
  const orders = await orderMails(
    d1,
    claimed.map((c) => c.order_id),
  );
  const done: D1PreparedStatement[] = [];
  for (const order of orders) {
    const to = JSON.parse(order.recipients) as string[];
    try {
      let messageId: string | null = null;
      if (to.length > 0) {
        const { subject, text } = composeOrderMail(order);
        messageId = (await mail.send({ from, to, subject, text })).messageId;
        result.sent++;
      } else {
        result.nobody++;
      }
      done.push(
        d1
          .prepare(
            `UPDATE order_notices SET sent_at = ?, recipients = ?, message_id = ?, claimed_at = NULL, last_error = NULL
           WHERE order_id = ?`,
          )
          .bind(at, JSON.stringify(to), messageId, order.id),
      );
    } catch (error) {
      result.failed++;
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      // The claim stays until it goes stale: the next try comes STALE_MINUTES later, not in this run.
      done.push(
        d1
          .prepare("UPDATE order_notices SET claimed_at = ?, last_error = ? WHERE order_id = ?")
          .bind(at, reason, order.id),
      );
    }
  }
  if (done.length > 0) await d1.batch(done);
  return claimed.length;
}
