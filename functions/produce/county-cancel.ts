import { auditEachStatement } from "../db/audit";
import type { OrderCancelCode } from "../db/schema";
import { CANCEL_KINDS, tellBuyers } from "./order-messages";

/**
 * The county cancels many orders at once in two cases: housekeeping, when nobody
 * confirmed a placed order in time (its stock would otherwise stay off the shelf
 * for good), and staff removing a flood from one source. Each is ONE batch: the
 * stock comes back, the orders change, each gets its history event and its audit
 * entry, or nothing happens. Every statement carries the same condition, and the
 * status change marks the rows it took (cancel code and this run's time), so two
 * runs at once return the stock once, and a confirmation that lands first wins.
 * Each buyer is texted once, in the same batch.
 */

interface Selection {
  /** An SQL condition on `orders` (the orders to cancel, all still open). */
  where: string;
  params: unknown[];
}

export function countyCancelStatements(
  d1: D1Database,
  selection: Selection,
  cancel: { code: OrderCancelCode; at: string; actorId: number | null },
): D1PreparedStatement[] {
  const { where, params } = selection;
  // Two runs in the same millisecond share `at`: "not yet recorded" keeps each record single.
  const taken = "SELECT id AS target FROM orders WHERE status = 'cancelled' AND cancel_code = ? AND updated_at = ?";
  const action = cancel.code === "expired" ? "order.expire" : "order.cancel_flood";
  return [
    d1
      .prepare(
        `UPDATE products SET stock = stock + (
           SELECT sum(order_lines.quantity) FROM order_lines JOIN orders ON orders.id = order_lines.order_id
           WHERE order_lines.product_id = products.id AND ${where})
         WHERE products.id IN (
           SELECT order_lines.product_id FROM order_lines JOIN orders ON orders.id = order_lines.order_id WHERE ${where})`,
      )
      .bind(...params, ...params),
    d1
      .prepare(`UPDATE orders SET status = 'cancelled', cancel_code = ?, updated_at = ? WHERE ${where}`)
      .bind(cancel.code, cancel.at, ...params),
    d1
      .prepare(
        `INSERT INTO order_events (order_id, status, actor, note)
         SELECT target, 'cancelled', 'county', ? FROM (${taken})
         WHERE NOT EXISTS (SELECT 1 FROM order_events WHERE order_id = target AND status = 'cancelled')`,
      )
      .bind(cancel.code, cancel.code, cancel.at),
    tellBuyers(d1, "cancelled", CANCEL_KINDS[cancel.code], {
      sql: `o.id IN (${taken})`,
      values: [cancel.code, cancel.at],
    }),
    auditEachStatement(d1, {
      actorId: cancel.actorId,
      action,
      targetType: "order",
      after: { status: "cancelled", cancelCode: cancel.code },
      targetsSql: {
        sql: `SELECT target FROM (${taken}) WHERE NOT EXISTS (SELECT 1 FROM audit_log
          WHERE action = ? AND target_type = 'order' AND target_id = CAST(target AS TEXT))`,
        params: [cancel.code, cancel.at, action],
      },
    }),
  ];
}

/**
 * Cancels placed orders whose time to be confirmed has passed (county.config.ts
 * orderLimits.expireAfterHours, shorter for held ones), returning their stock.
 */
export async function expireUnconfirmedOrders(d1: D1Database, now: Date): Promise<number> {
  const at = now.toISOString();
  const results = await d1.batch(
    countyCancelStatements(
      d1,
      { where: "orders.status = 'placed' AND orders.expires_at IS NOT NULL AND orders.expires_at < ?", params: [at] },
      { code: "expired", at, actorId: null },
    ),
  );
  return results[1]?.meta.changes ?? 0;
}
