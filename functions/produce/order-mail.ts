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
/**
 * Orders one run claims at most. A run sends each cooperative at most ONE e-mail, a
 * digest of its new orders, so a flood of orders is not also a flood of mail; what is
 * left over goes out in the next minute's digest.
 */
const BATCH = 100;

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
  notes: string | null;
  held: number;
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

/**
 * Words a buyer typed, as the e-mail shows them: on one line, in quotes, and unable to
 * become a link a mail client would make clickable ("http://" and "www." and "@" are
 * defanged), so the county's own address never carries a stranger's link or fake line.
 */
export function buyerText(value: string): string {
  const flat = value
    .replace(/[\r\n\u2028\u2029\u0085\v\f]+/g, " / ")
    .replace(/:\/\//g, "[:]//")
    .replace(/\bwww\./gi, "www[.]")
    .replace(/@/g, "[at]")
    .trim();
  return `「${flat}」`;
}

function orderBlock(o: OrderMail, lang: "zh" | "en"): string[] {
  const path = `/dashboard/coop/${o.cooperative_id}/orders/${o.reference}/`;
  const link = new URL(lang === "zh" ? path : localePath("en", path), county.siteUrl).href;
  const town = [o.city, o.district].filter(Boolean).join(" ");
  const placed = countyDateTime(o.created_at);
  if (lang === "zh") {
    return [
      `订单号：${o.reference}${o.held ? "（大额订单，请先电话核实）" : ""}`,
      `商品：${o.lines_zh}`,
      `金额：${fenToDecimal(o.total_fen)} 元`,
      o.fulfilment === "pickup"
        ? `取货方式：到店自取：${o.pickup_zh ?? ""}`
        : `取货方式：快递配送，买家填写的地区（未经核实）：${buyerText(town)}`,
      ...(o.notes ? [`买家留言（未经核实）：${buyerText(o.notes)}`] : []),
      `下单时间：${placed}（北京时间）`,
      `处理订单：${link}`,
    ];
  }
  return [
    `Order: ${o.reference}${o.held ? " (large order: phone the buyer first)" : ""}`,
    `Items: ${o.lines_en}`,
    `Total: CNY ${fenToDecimal(o.total_fen)}`,
    o.fulfilment === "pickup"
      ? `Fulfilment: pickup at ${o.pickup_en ?? ""}`
      : `Fulfilment: delivery; area as typed by the buyer (not checked): ${buyerText(town)}`,
    ...(o.notes ? [`Buyer's note (not checked): ${buyerText(o.notes)}`] : []),
    `Placed: ${placed} (China Standard Time)`,
    `Handle the order: ${link}`,
  ];
}

/**
 * One e-mail for a cooperative's new orders of one run, Chinese first, then English.
 * The subject holds only references the portal made, never a buyer's words.
 */
export function composeOrderDigest(orders: OrderMail[]): { subject: string; text: string } {
  const [first] = orders;
  if (!first) throw new Error("an order digest needs at least one order");
  const n = orders.length;
  const blocks = (lang: "zh" | "en") => orders.flatMap((o) => ["", ...orderBlock(o, lang)]);
  const text = [
    `${first.coop_zh}：`,
    "",
    n === 1
      ? "有游客在网站上下了一笔新订单，请登录工作台确认。"
      : `有游客在网站上下了 ${n} 笔新订单，请登录工作台确认。`,
    ...blocks("zh"),
    "",
    "为保护买家隐私，邮件中不含买家的电话和地址，请在工作台查看。标明“未经核实”的内容由买家填写，请勿点击其中的链接或按其要求付款。",
    "",
    "----",
    "",
    `${first.coop_en}:`,
    "",
    n === 1
      ? "A visitor has placed a new order on the website. Please sign in to the dashboard to confirm it."
      : `Visitors have placed ${n} new orders on the website. Please sign in to the dashboard to confirm them.`,
    ...blocks("en"),
    "",
    "To protect the buyer's privacy this e-mail leaves out their phone number and address; the dashboard shows them. Text marked as not checked was typed by the buyer: do not follow links or payment requests in it.",
    "",
    `— ${county.name["zh-CN"]} / ${county.name.en}`,
  ].join("\n");
  const subject =
    n === 1 ? `新订单 ${first.reference} · New order ${first.reference}` : `新订单 ${n} 笔 · ${n} new orders`;
  return { subject, text };
}

const ORDER_MAIL_SQL = `SELECT o.id, o.reference, o.cooperative_id, k.name_zh AS coop_zh, k.name_en AS coop_en,
    o.total_fen, o.fulfilment, pp.name_zh AS pickup_zh, pp.name_en AS pickup_en, o.city, o.district, o.notes, o.held, o.created_at,
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
 * Sends what is due: one digest per cooperative. `from` overrides the configured
 * sender (tests use it to have the binding refuse). Without a MAIL binding nothing
 * is claimed or sent. Counts are of e-mails (and of cooperatives nobody could be told).
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
  const d1 = env.DB;
  const at = now.toISOString();
  const stale = new Date(now.getTime() - STALE_MINUTES * 60_000).toISOString();
  const since = new Date(now.getTime() - WINDOW_HOURS * 3_600_000).toISOString();
  const { results: claimed } = await d1.prepare(CLAIM_SQL).bind(at, stale, since).all<{ order_id: number }>();
  if (claimed.length === 0) return result;
  const orders = await orderMails(
    d1,
    claimed.map((c) => c.order_id),
  );
  const byCooperative = Map.groupBy(orders, (o) => o.cooperative_id);
  const done: D1PreparedStatement[] = [];
  for (const group of byCooperative.values()) {
    const to = JSON.parse(group[0]?.recipients ?? "[]") as string[];
    const ids = JSON.stringify(group.map((o) => o.id));
    try {
      let messageId: string | null = null;
      if (to.length > 0) {
        const { subject, text } = composeOrderDigest(group);
        messageId = (await mail.send({ from, to, subject, text })).messageId;
        result.sent++;
      } else {
        result.nobody++;
      }
      done.push(
        d1
          .prepare(
            `UPDATE order_notices SET sent_at = ?, recipients = ?, message_id = ?, claimed_at = NULL, last_error = NULL
             WHERE order_id IN (SELECT value FROM json_each(?))`,
          )
          .bind(at, JSON.stringify(to), messageId, ids),
      );
    } catch (error) {
      result.failed++;
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      // The claim stays until it goes stale: the next try comes STALE_MINUTES later, not in this run.
      done.push(
        d1
          .prepare(
            "UPDATE order_notices SET claimed_at = ?, last_error = ? WHERE order_id IN (SELECT value FROM json_each(?))",
          )
          .bind(at, reason, ids),
      );
    }
  }
  if (done.length > 0) await d1.batch(done);
  return result;
}
