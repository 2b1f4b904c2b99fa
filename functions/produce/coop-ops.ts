import type { SessionAccount } from "../accounts/sessions";
import type { OrderStatus, Product } from "../db/schema";
import { COUNTY_SQL_OFFSET } from "../lib/dates";
import { ORDER_MAIL_KIND } from "./order-messages";
import { OPEN_STATUSES } from "./order-states";

/**
 * What a cooperative member sees: their own cooperative's products and orders,
 * nothing else. Admins see every cooperative. As for campsites, out of scope
 * reads exactly like "no such row" so routes answer 404 for both.
 */

/** SQL condition on a cooperative id column, and its parameters, for an account's scope. */
function coopScope(account: SessionAccount, column: string): { sql: string; params: unknown[] } {
  if (account.role === "admin") return { sql: "1 = 1", params: [] };
  if (account.role === "cooperative" && account.cooperativeId)
    return { sql: `${column} = ?`, params: [account.cooperativeId] };
  return { sql: "0 = 1", params: [] };
}

export interface CoopRow {
  id: string;
  nameZh: string;
  nameEn: string;
  creditCode: string;
  contactName: string;
  contactPhone: string;
  verified: number;
  disabledAt: string | null;
}

const COOP_COLUMNS = `k.id, k.name_zh AS nameZh, k.name_en AS nameEn, k.credit_code AS creditCode,
  k.contact_name AS contactName, k.contact_phone AS contactPhone, k.verified, k.disabled_at AS disabledAt`;

export async function coopsInScope(d1: D1Database, account: SessionAccount): Promise<CoopRow[]> {
  const scope = coopScope(account, "k.id");
  const { results } = await d1
    .prepare(`SELECT ${COOP_COLUMNS} FROM cooperatives k WHERE ${scope.sql} ORDER BY k.created_at, k.id`)
    .bind(...scope.params)
    .all<CoopRow>();
  return results;
}

export async function coopInScope(d1: D1Database, account: SessionAccount, id: string): Promise<CoopRow | null> {
  const scope = coopScope(account, "k.id");
  return d1
    .prepare(`SELECT ${COOP_COLUMNS} FROM cooperatives k WHERE k.id = ? AND ${scope.sql}`)
    .bind(id, ...scope.params)
    .first<CoopRow>();
}

export type ProductRow = Pick<
  Product,
  | "id"
  | "cooperativeId"
  | "category"
  | "nameZh"
  | "nameEn"
  | "descriptionZh"
  | "descriptionEn"
  | "unitZh"
  | "unitEn"
  | "priceFen"
  | "stock"
  | "seasonMonths"
  | "image"
  | "sortOrder"
> & { active: number };

const PRODUCT_COLUMNS = `p.id, p.cooperative_id AS cooperativeId, p.category, p.name_zh AS nameZh, p.name_en AS nameEn,
  p.description_zh AS descriptionZh, p.description_en AS descriptionEn, p.unit_zh AS unitZh, p.unit_en AS unitEn,
  p.price_fen AS priceFen, p.stock, p.season_months AS seasonMonths, p.active, p.image, p.sort_order AS sortOrder`;

export async function productsOfCoop(d1: D1Database, coopId: string): Promise<ProductRow[]> {
  const { results } = await d1
    .prepare(
      `SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.cooperative_id = ? ORDER BY p.active DESC, p.sort_order, p.id`,
    )
    .bind(coopId)
    .all<ProductRow>();
  return results;
}

export async function productInScope(d1: D1Database, account: SessionAccount, id: string): Promise<ProductRow | null> {
  const scope = coopScope(account, "p.cooperative_id");
  return d1
    .prepare(`SELECT ${PRODUCT_COLUMNS} FROM products p WHERE p.id = ? AND ${scope.sql}`)
    .bind(id, ...scope.params)
    .first<ProductRow>();
}

export interface CoopOrder {
  id: number;
  reference: string;
  cooperativeId: string;
  status: OrderStatus;
  totalFen: number;
  fulfilment: "pickup" | "delivery";
  pickupZh: string | null;
  pickupEn: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  addressLine: string | null;
  postcode: string | null;
  contactName: string;
  contactPhone: string;
  contactEmail: string | null;
  notes: string | null;
  cancelReason: string | null;
  /** 1 for a large order held for the cooperative to confirm by phone. */
  held: number;
  createdAt: string;
  /** `name × quantity` per line, for lists and the CSV. */
  linesZh: string;
  linesEn: string;
  /** The tracking number recorded when it was shipped. */
  tracking: string | null;
  /** When the cooperative's members were first told by e-mail (functions/produce/order-mail.ts). */
  mailedAt: string | null;
}

/** An order's lines as `name × quantity`, per language (for lists, the CSV and the new-order e-mail). */
export const ORDER_LINES_ZH = `(SELECT group_concat(p.name_zh || ' × ' || l.quantity, '；') FROM order_lines l
      JOIN products p ON p.id = l.product_id WHERE l.order_id = o.id)`;
export const ORDER_LINES_EN = `(SELECT group_concat(p.name_en || ' × ' || l.quantity, '; ') FROM order_lines l
      JOIN products p ON p.id = l.product_id WHERE l.order_id = o.id)`;

const ORDER_SELECT = `SELECT o.id, o.reference, o.cooperative_id AS cooperativeId, o.status, o.total_fen AS totalFen,
    o.fulfilment, pp.name_zh AS pickupZh, pp.name_en AS pickupEn, o.province, o.city, o.district,
    o.address_line AS addressLine, o.postcode, o.contact_name AS contactName, o.contact_phone AS contactPhone,
    o.contact_email AS contactEmail, o.notes, o.cancel_reason AS cancelReason, o.held, o.created_at AS createdAt,
    ${ORDER_LINES_ZH} AS linesZh, ${ORDER_LINES_EN} AS linesEn,
    (SELECT note FROM order_events e WHERE e.order_id = o.id AND e.status = 'shipped') AS tracking,
    (SELECT min(m.sent_at) FROM outbox m WHERE m.order_id = o.id AND m.kind = '${ORDER_MAIL_KIND}' AND m.status = 'sent') AS mailedAt
  FROM orders o LEFT JOIN pickup_points pp ON pp.id = o.pickup_point_id`;

/** Orders per dashboard page; older ones are a link away, never cut off. */
const ORDER_PAGE = 50;

/**
 * A page of a cooperative's orders, newest first, from just before the order
 * `before` (an order id); `open` keeps those that still need something done.
 * `older` is the `before` of the next page, or null when this is the last one.
 */
export async function ordersOfCoop(
  d1: D1Database,
  coopId: string,
  filter: "open" | "all",
  { limit = ORDER_PAGE, before }: { limit?: number; before?: number | undefined } = {},
): Promise<{ orders: CoopOrder[]; older: number | null }> {
  const open = filter === "open" ? `AND o.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(", ")})` : "";
  const { results } = await d1
    .prepare(`${ORDER_SELECT} WHERE o.cooperative_id = ? ${open} AND o.id < ? ORDER BY o.id DESC LIMIT ?`)
    .bind(coopId, before ?? Number.MAX_SAFE_INTEGER, limit + 1)
    .all<CoopOrder>();
  const orders = results.slice(0, limit);
  return { orders, older: results.length > limit ? (orders.at(-1)?.id ?? null) : null };
}

export async function orderInScope(
  d1: D1Database,
  account: SessionAccount,
  reference: string,
): Promise<CoopOrder | null> {
  const scope = coopScope(account, "o.cooperative_id");
  return d1
    .prepare(`${ORDER_SELECT} WHERE o.reference = ? AND ${scope.sql}`)
    .bind(reference, ...scope.params)
    .first<CoopOrder>();
}

/** Orders placed in [from, to) (county dates), for the CSV export. */
export async function ordersForExport(d1: D1Database, coopId: string, from: string, to: string): Promise<CoopOrder[]> {
  const { results } = await d1
    .prepare(
      `${ORDER_SELECT} WHERE o.cooperative_id = ? AND date(o.created_at, ${COUNTY_SQL_OFFSET}) >= ? AND date(o.created_at, ${COUNTY_SQL_OFFSET}) < ?
       ORDER BY o.id`,
    )
    .bind(coopId, from, to)
    .all<CoopOrder>();
  return results;
}

export interface WeekSales {
  /** Monday of the week, county date. */
  week: string;
  orders: number;
  totalFen: number;
}

/**
 * Sales per week (Monday to Sunday, county time) for the `weeks` weeks ending
 * with the current one; cancelled orders do not count. Weeks without orders
 * are filled in by the caller.
 */
export async function weeklySales(d1: D1Database, coopId: string, firstMonday: string): Promise<WeekSales[]> {
  const { results } = await d1
    .prepare(
      `SELECT date(date(created_at, ${COUNTY_SQL_OFFSET}), 'weekday 0', '-6 days') AS week, count(*) AS orders, sum(total_fen) AS totalFen
       FROM orders WHERE cooperative_id = ? AND status <> 'cancelled' AND date(created_at, ${COUNTY_SQL_OFFSET}) >= ?
       GROUP BY week ORDER BY week`,
    )
    .bind(coopId, firstMonday)
    .all<WeekSales>();
  return results;
}
