import { county } from "../../county.config";
import { guard } from "../lib/constraints";
import type { Lang } from "../lib/lang";
import { message, messageWith } from "../lib/messages";
import { ProblemError } from "../lib/problem";
import type { OrderableRow, PlannedOrder } from "./checkout";
import { OPEN_STATUSES } from "./order-states";

/**
 * Limits that a real buyer never meets and a script placing orders always does
 * (numbers in county.config.ts `orderLimits`). Per-request limits live in the
 * request schema and in checkout.ts; the per-phone ones are here, twice:
 * - read before the batch, so a buyer gets a clear message naming the limit;
 * - checked again inside the batch, after the new rows, by guards that make the
 *   whole batch fail, so a hundred racing requests from one phone cannot all pass
 *   the read (D1 runs batches one at a time; each guard sees the ones before it).
 */
const limits = county.orderLimits;
const OPEN_SQL = OPEN_STATUSES.map((s) => `'${s}'`).join(", ");

/** Units of a product one checkout may take: a share of its stock, never below the floor. */
export function shareAllowed(stock: number): number {
  return Math.max(limits.minUnitsAllowed, Math.floor(stock * limits.maxShareOfStock));
}

/** A large order is accepted, its stock held, and marked for the cooperative to confirm by phone. */
export function isHeld(order: PlannedOrder): boolean {
  const units = order.lines.reduce((sum, line) => sum + line.quantity, 0);
  return units >= limits.holdFromUnits || order.total >= limits.holdFromFen;
}

/** Hours a placed order waits for the cooperative before housekeeping cancels it. */
export function hoursToConfirm(held: boolean): number {
  return held ? limits.expireHeldAfterHours : limits.expireAfterHours;
}

interface PhoneUsage {
  openOrders: number;
  units: Map<string, number>;
}

async function phoneUsage(d1: D1Database, phoneKey: string, products: string[]): Promise<PhoneUsage> {
  const [orders, units] = await d1.batch<{ product: string | null; n: number }>([
    d1
      .prepare(`SELECT NULL AS product, count(*) AS n FROM orders WHERE phone_key = ? AND status IN (${OPEN_SQL})`)
      .bind(phoneKey),
    d1
      .prepare(
        `SELECT l.product_id AS product, sum(l.quantity) AS n FROM order_lines l JOIN orders o ON o.id = l.order_id
         WHERE o.phone_key = ? AND o.status IN (${OPEN_SQL}) AND l.product_id IN (SELECT value FROM json_each(?))
         GROUP BY l.product_id`,
      )
      .bind(phoneKey, JSON.stringify(products)),
  ]);
  return {
    openOrders: orders?.results[0]?.n ?? 0,
    units: new Map((units?.results ?? []).map((r) => [r.product ?? "", r.n])),
  };
}

/** Refuses, with the limit named, a checkout that would take one phone past its limits. */
export async function refuseOverPhoneLimits(
  d1: D1Database,
  phoneKey: string,
  items: Array<{ product: string; quantity: number }>,
  orders: PlannedOrder[],
  rows: Map<string, OrderableRow>,
): Promise<void> {
  const usage = await phoneUsage(
    d1,
    phoneKey,
    items.map((i) => i.product),
  );
  if (usage.openOrders + orders.length > limits.maxOpenOrdersPerPhone) {
    throw new ProblemError(409, "order-limit", (lang) => ({
      detail: messageWith(lang, "orders.phone.openOrders", { max: limits.maxOpenOrdersPerPhone }),
    }));
  }
  const over = items
    .map((item, index) => ({ item, index, held: usage.units.get(item.product) ?? 0 }))
    .filter(({ item, held }) => held + item.quantity > limits.maxUnitsPerProductPerPhone);
  if (over.length === 0) return;
  throw new ProblemError(409, "order-limit", (lang: Lang) => ({
    detail: message(lang, "orders.unavailable.detail"),
    errors: over.map(({ item, index, held }) => ({
      field: `items.${index}.quantity`,
      message: messageWith(lang, "orders.phone.units", {
        name: rows.get(item.product)?.name[lang] ?? item.product,
        held,
        max: limits.maxUnitsPerProductPerPhone,
      }),
    })),
  }));
}

/** The same limits as guards for the end of the order's batch (see the module comment). */
export function phoneLimitGuards(d1: D1Database, phoneKey: string, products: string[]): D1PreparedStatement[] {
  return [
    guard(
      d1,
      `(SELECT count(*) FROM orders WHERE phone_key = ? AND status IN (${OPEN_SQL})) > ?`,
      phoneKey,
      limits.maxOpenOrdersPerPhone,
    ),
    guard(
      d1,
      `EXISTS (SELECT 1 FROM order_lines l JOIN orders o ON o.id = l.order_id
         WHERE o.phone_key = ? AND o.status IN (${OPEN_SQL}) AND l.product_id IN (SELECT value FROM json_each(?))
         GROUP BY l.product_id HAVING sum(l.quantity) > ?)`,
      phoneKey,
      JSON.stringify(products),
      limits.maxUnitsPerProductPerPhone,
    ),
  ];
}
