import { county } from "../../county.config";
import type { Bindings } from "../env";

/**
 * Tells a cooperative by e-mail that a visitor has placed an order, so nobody
 * has to keep the dashboard open to notice one.
 *
 * The order row is the outbox: nothing is written in the checkout batch, and an
 * order is announced at most once. Right after a checkout the Worker sends in the
 * background (waitUntil); the hourly cron sends whatever is left (a failed send,
 * an isolate that stopped). Each sender first claims orders in one statement, so
 * two Workers never mail the same order; a claim older than STALE_MINUTES is
 * taken over, and after MAX_ATTEMPTS failures an order is left to the dashboard.
 *
 * The e-mail holds what the cooperative needs to act (reference, items, total,
 * pickup point or delivery town, a link to the order) but not the buyer's phone
 * number or address: those stay behind the dashboard's sign-in.
 */
export const MAX_ATTEMPTS = 5;
const STALE_MINUTES = 10;
/** Orders older than this are not announced any more (e.g. when mail is first switched on). */
const WINDOW_HOURS = 24;
const BATCH = 20;

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

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** The county's wall-clock time of a UTC timestamp, `YYYY-MM-DD HH:MM`. */
function countyTime(iso: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: county.timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

/** Subject and plain text, Chinese first, then English. */
export function composeOrderMail(o: OrderMail): { subject: string; text: string } {
  const link = new URL(`/dashboard/coop/${o.cooperative_id}/orders/${o.reference}/`, county.siteUrl).href;
  const linkEn = new URL(`/en/dashboard/coop/${o.cooperative_id}/orders/${o.reference}/`, county.siteUrl).href;
  const where = (lang: "zh" | "en") =>
    o.fulfilment === "pickup"
      ? lang === "zh"
        ? `到店自取：${o.pickup_zh ?? ""}`
        : `Pickup at ${o.pickup_en ?? ""}`
      : lang === "zh"
        ? `快递配送：${[o.city, o.district].filter(Boolean).join(" ")}`
        : `Delivery to ${[o.district, o.city].filter(Boolean).join(", ")}`;
  const placed = countyTime(o.created_at);
  const text = [
    `${o.coop_zh}：`,
    "",
    "有游客在网站上下了一笔新订单，请登录工作台确认。",
    "",
    `订单号：${o.reference}`,
    `商品：${o.lines_zh}`,
    `金额：${yuan(o.total_fen)} 元`,
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
    `Total: CNY ${yuan(o.total_fen)}`,
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
    (SELECT group_concat(p.name_zh || ' × ' || l.quantity, '；') FROM order_lines l JOIN products p ON p.id = l.product_id
      WHERE l.order_id = o.id) AS lines_zh,
    (SELECT group_concat(p.name_en || ' × ' || l.quantity, '; ') FROM order_lines l JOIN products p ON p.id = l.product_id
      WHERE l.order_id = o.id) AS lines_en,
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
function claimSql(onlyReferences: boolean): string {
  const due = `(n.order_id IS NULL OR (n.sent_at IS NULL AND n.attempts < ${MAX_ATTEMPTS}
      AND (n.claimed_at IS NULL OR n.claimed_at < ?2)))`;
  return `INSERT INTO order_notices (order_id, claimed_at, attempts)
    SELECT o.id, ?1, 1 FROM orders o LEFT JOIN order_notices n ON n.order_id = o.id
    WHERE o.status = 'placed' AND o.created_at > ?3 AND ${due}
      ${onlyReferences ? "AND o.reference IN (SELECT value FROM json_each(?4))" : ""}
    ORDER BY o.id LIMIT ${BATCH}
    ON CONFLICT (order_id) DO UPDATE SET claimed_at = excluded.claimed_at, attempts = order_notices.attempts + 1
      WHERE order_notices.sent_at IS NULL AND order_notices.attempts < ${MAX_ATTEMPTS}
        AND (order_notices.claimed_at IS NULL OR order_notices.claimed_at < ?2)
    RETURNING order_id`;
}

/**
 * Sends what is due. `references` limits it to the orders of one checkout (the
 * background send right after it); the cron passes none. Without a MAIL binding
 * nothing is claimed or sent.
 */
export async function deliverOrderNotices(
  env: Pick<Bindings, "DB" | "MAIL">,
  opts: { references?: string[]; now?: Date; from?: string } = {},
): Promise<NoticeResult> {
  const result: NoticeResult = { sent: 0, failed: 0, nobody: 0 };
  const mail = env.MAIL;
  if (!mail) return result;
  const now = opts.now ?? new Date();
  const at = now.toISOString();
  const stale = new Date(now.getTime() - STALE_MINUTES * 60_000).toISOString();
  const since = new Date(now.getTime() - WINDOW_HOURS * 3_600_000).toISOString();
  const params: unknown[] = [at, stale, since];
  if (opts.references) {
    if (opts.references.length === 0) return result;
    params.push(JSON.stringify(opts.references));
  }
  const { results: claimed } = await env.DB.prepare(claimSql(Boolean(opts.references)))
    .bind(...params)
    .all<{ order_id: number }>();
  if (claimed.length === 0) return result;
  const orders = await orderMails(
    env.DB,
    claimed.map((c) => c.order_id),
  );
  const from = { email: opts.from ?? county.orderMail.from, name: county.orderMail.name["zh-CN"] };
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
        env.DB.prepare(
          `UPDATE order_notices SET sent_at = ?, recipients = ?, message_id = ?, claimed_at = NULL, last_error = NULL
           WHERE order_id = ?`,
        ).bind(at, JSON.stringify(to), messageId, order.id),
      );
    } catch (error) {
      result.failed++;
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      done.push(
        env.DB.prepare("UPDATE order_notices SET claimed_at = NULL, last_error = ? WHERE order_id = ?").bind(
          reason,
          order.id,
        ),
      );
    }
  }
  if (done.length > 0) await env.DB.batch(done);
  return result;
}
