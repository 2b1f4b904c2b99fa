import { county } from "../../county.config";
import { countyDateTime } from "../lib/dates";
import { localePath } from "../lib/lang";
import { fenToDecimal } from "../lib/money";
import type { Mailer } from "../messages/deliver-email";
import { enqueueSelected } from "../messages/outbox";
import { ORDER_LINES_EN, ORDER_LINES_ZH } from "./coop-ops";
import { ORDER_MAIL_KIND } from "./order-messages";

/**
 * Tells a cooperative by e-mail that a visitor has placed an order, so nobody
 * has to keep the dashboard open to notice one.
 *
 * The checkout writes one outbox row per active member of the cooperative in the
 * batch of the order itself (ORDER_MAIL_KIND, see orderMailStatement); the outbox's
 * e-mail sender (functions/messages/deliver-email.ts) claims them once, and sends each
 * member one digest of the orders it claimed in a run, written here.
 *
 * The e-mail holds what the cooperative needs to act (reference, items, total,
 * pickup point or delivery town, a link to the order) but not the buyer's phone
 * number or address: those stay behind the dashboard's sign-in.
 */
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
  status: string;
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
    ${ORDER_LINES_ZH} AS lines_zh, ${ORDER_LINES_EN} AS lines_en, o.status
  FROM orders o JOIN cooperatives k ON k.id = o.cooperative_id LEFT JOIN pickup_points pp ON pp.id = o.pickup_point_id
  WHERE o.id IN (SELECT value FROM json_each(?)) ORDER BY o.id`;

/** What the e-mails of these orders are made of. */
export async function orderMails(d1: D1Database, ids: number[]): Promise<OrderMail[]> {
  const { results } = await d1.prepare(ORDER_MAIL_SQL).bind(JSON.stringify(ids)).all<OrderMail>();
  return results;
}

/**
 * The new-order e-mail to each active member of the order's cooperative (one who has
 * set a password and is not disabled), for the checkout's batch. A cooperative with no
 * such member gets none: its orders wait on the dashboard.
 */
export function orderMailStatement(d1: D1Database, reference: string, cooperative: string): D1PreparedStatement {
  return enqueueSelected(
    d1,
    { channel: "email", kind: ORDER_MAIL_KIND },
    {
      sql: `SELECT a.email AS recipient, 'zh-CN' AS lang, json_object('reference', o.reference, 'about', 'order') AS params,
              NULL AS booking_id, o.id AS order_id
            FROM orders o JOIN accounts a ON a.role = 'cooperative' AND a.cooperative_id = o.cooperative_id
              AND a.disabled_at IS NULL AND a.password_hash IS NOT NULL
            WHERE o.reference = ? AND o.cooperative_id = ? ORDER BY a.id`,
      values: [reference, cooperative],
    },
  );
}

/** The digest of a member's claimed new-order rows: only orders still waiting to be confirmed are announced. */
export const orderMailer: Mailer = {
  from: { email: county.orderMail.from, name: county.orderMail.name["zh-CN"] },
  async compose(d1, messages) {
    const ids = messages.flatMap((m) => (m.orderId === null ? [] : [m.orderId]));
    const placed = (await orderMails(d1, ids)).filter((o) => o.status === "placed");
    if (placed.length === 0) return null;
    const open = new Set(placed.map((o) => o.id));
    return {
      mail: composeOrderDigest(placed),
      about: messages.filter((m) => m.orderId !== null && open.has(m.orderId)),
    };
  },
};
