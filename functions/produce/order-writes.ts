import type { Lang } from "../lib/lang";
import type { PlannedOrder } from "./checkout";
import { orderMailStatement } from "./order-mail";
import { IN_SEASON_SQL } from "./season";

/**
 * The SQL that changes orders and stock. Every statement here runs inside ONE
 * D1 batch (one transaction) together with the idempotency key claim, so the
 * guards below make the whole batch fail, never half of it:
 * - products.stock has CHECK (stock >= 0): a decrement past zero fails;
 * - order_lines.unit_price_fen is NOT NULL and filled by a subselect that only
 *   finds a product that is active, in season, from a verified cooperative,
 *   at the price the order was computed with; anything else inserts NULL and fails;
 * - orders has a CHECK that a pickup order has a pickup point, filled by a
 *   subselect that only finds an open point serving that cooperative.
 * A 0-row INSERT ... SELECT or UPDATE would NOT fail a batch, which is why
 * these are single-row VALUES with subselects rather than filtered selects.
 */

const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

export interface NewOrder {
  plan: PlannedOrder;
  reference: string;
  tokenHash: string;
  /** Large: marked for the cooperative to confirm by phone (order-limits.ts isHeld). */
  held: boolean;
  /** Hours it waits for the cooperative before housekeeping cancels it. */
  hoursToConfirm: number;
}

export interface OrderDetails {
  checkout: string;
  lang: Lang;
  fulfilment:
    | { method: "pickup"; point: string }
    | {
        method: "delivery";
        address: { province: string; city: string; district: string; line: string; postcode?: string | undefined };
      };
  contact: { name: string; phone: string; email?: string | undefined };
  notes?: string | undefined;
  /** The phone as per-phone limits count it. */
  phoneKey: string;
  source: { addressHash: string; agentHash: string };
}

export function placeOrderStatements(d1: D1Database, order: NewOrder, details: OrderDetails): D1PreparedStatement[] {
  const { plan, reference } = order;
  const f = details.fulfilment;
  const address = f.method === "delivery" ? f.address : undefined;
  const statements = [
    d1
      .prepare(
        `INSERT INTO orders (reference, token_hash, checkout, cooperative_id, total_fen, fulfilment, pickup_point_id,
           province, city, district, address_line, postcode, contact_name, contact_phone, contact_email, notes, lang,
           phone_key, held, expires_at, source_address_hash, source_agent_hash)
         VALUES (?, ?, ?, ?, ?, ?,
           (SELECT id FROM pickup_points WHERE id = ? AND active = 1 AND (cooperative_id IS NULL OR cooperative_id = ?)),
           ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
           ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+' || ? || ' hours'), ?, ?)`,
      )
      .bind(
        reference,
        order.tokenHash,
        details.checkout,
        plan.cooperative,
        plan.total,
        f.method,
        f.method === "pickup" ? f.point : null,
        plan.cooperative,
        address?.province ?? null,
        address?.city ?? null,
        address?.district ?? null,
        address?.line ?? null,
        address?.postcode ?? null,
        details.contact.name,
        details.contact.phone,
        details.contact.email ?? null,
        details.notes ?? null,
        details.lang,
        details.phoneKey,
        order.held ? 1 : 0,
        order.hoursToConfirm,
        details.source.addressHash,
        details.source.agentHash,
      ),
    d1
      .prepare(
        "INSERT INTO order_events (order_id, status, actor) SELECT id, 'placed', 'buyer' FROM orders WHERE reference = ?",
      )
      .bind(reference),
    orderMailStatement(d1, reference, plan.cooperative),
  ];
  for (const line of plan.lines) {
    statements.push(
      d1
        .prepare(
          `INSERT INTO order_lines (order_id, product_id, quantity, unit_price_fen)
           VALUES ((SELECT id FROM orders WHERE reference = ?), ?, ?,
             (SELECT products.price_fen FROM products JOIN cooperatives ON cooperatives.id = products.cooperative_id
              WHERE products.id = ? AND products.cooperative_id = ? AND products.price_fen = ?
                AND products.active = 1 AND cooperatives.verified = 1 AND ${IN_SEASON_SQL}))`,
        )
        .bind(reference, line.product, line.quantity, line.product, plan.cooperative, line.price),
      d1.prepare("UPDATE products SET stock = stock - ? WHERE id = ?").bind(line.quantity, line.product),
    );
  }
  return statements;
}

type Actor = "buyer" | "cooperative" | "county";

/**
 * Cancelling gives back exactly the stock the order took, once. The restore and
 * the status change carry the same condition (the order is still in one of
 * `from`), and both run in one transaction: either both happen or neither, and
 * a second cancellation finds the status already changed and restores nothing.
 */
export function cancelStatements(
  d1: D1Database,
  orderId: number,
  from: readonly string[],
  actor: Actor,
  reason: string | null,
): D1PreparedStatement[] {
  const statuses = from.map(() => "?").join(", ");
  return [
    d1
      .prepare(
        `UPDATE products SET stock = stock + (
           SELECT order_lines.quantity FROM order_lines WHERE order_lines.order_id = ? AND order_lines.product_id = products.id)
         WHERE products.id IN (
           SELECT order_lines.product_id FROM order_lines JOIN orders ON orders.id = order_lines.order_id
           WHERE orders.id = ? AND orders.status IN (${statuses}))`,
      )
      .bind(orderId, orderId, ...from),
    d1
      .prepare(
        `UPDATE orders SET status = 'cancelled', cancel_reason = ?, updated_at = ${NOW}
         WHERE id = ? AND status IN (${statuses})`,
      )
      .bind(reason, orderId, ...from),
    eventStatement(d1, orderId, "cancelled", actor, reason),
  ];
}

/** A forward step (confirm, ready, shipped, completed), only from the expected status. */
export function transitionStatements(
  d1: D1Database,
  orderId: number,
  from: string,
  to: string,
  actor: Actor,
  note: string | null,
): D1PreparedStatement[] {
  return [
    d1.prepare(`UPDATE orders SET status = ?, updated_at = ${NOW} WHERE id = ? AND status = ?`).bind(to, orderId, from),
    eventStatement(d1, orderId, to, actor, note),
  ];
}

/**
 * Records a status the order now has, once: no status is reached twice in the
 * lifecycle, so "not yet recorded" is the guard against duplicate events.
 */
function eventStatement(d1: D1Database, orderId: number, status: string, actor: Actor, note: string | null) {
  return d1
    .prepare(
      `INSERT INTO order_events (order_id, status, actor, note)
       SELECT id, status, ?, ? FROM orders WHERE id = ? AND status = ?
         AND NOT EXISTS (SELECT 1 FROM order_events WHERE order_id = orders.id AND status = orders.status)`,
    )
    .bind(actor, note, orderId, status);
}
