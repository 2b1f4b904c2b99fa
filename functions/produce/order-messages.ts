import type { OrderCancelCode } from "../db/schema";
import { enqueueSelected } from "../messages/outbox";

/**
 * What the buyer and the cooperative are told about an order, as outbox rows written
 * in the batch of the change itself (the words are in functions/messages/texts.ts).
 *
 * One message per state change: every status is reached once in an order's life, so
 * a row is written only if the order now has the status and no message of that
 * status exists yet. Two cancellations racing (buyer and cooperative, or two county
 * runs) therefore tell the buyer once, and a batch whose change matched nothing
 * (the status had moved on) tells nobody.
 */

/** The new-order e-mail to a cooperative's members (functions/produce/order-mail.ts). */
export const ORDER_MAIL_KIND = "order-new";

/** Who cancelled, as the buyer is told: the cooperative gives its reason; the county cancels when nobody confirmed in time, or a flood. */
export const CANCEL_KINDS = {
  cooperative: "order-cancelled",
  buyer: "order-cancelled-buyer",
  expired: "order-expired",
  flood: "order-cancelled-county",
} as const satisfies Record<"cooperative" | "buyer" | OrderCancelCode, string>;

const BUYER_KINDS = {
  confirmed: ["order-confirmed"],
  ready: ["order-ready"],
  shipped: ["order-shipped"],
  cancelled: Object.values(CANCEL_KINDS),
} as const;

type Told = keyof typeof BUYER_KINDS;

/** Kinds the buyer's own page lists: the cooperative's e-mail is not a message to them. */
export const isBuyerMessage = (kind: string) => kind !== ORDER_MAIL_KIND;

const quoted = (kinds: readonly string[]) => kinds.map((k) => `'${k}'`).join(", ");

/**
 * A text to the buyer of each order `where` selects (an SQL condition on `o`, an order,
 * with plain `?` values) that has reached `status`. `extra` values travel in the text;
 * `pickup` adds the pickup point's address and opening hours in the buyer's language.
 */
export function tellBuyers(
  d1: D1Database,
  status: Told,
  kind: string,
  where: { sql: string; values: unknown[] },
  { extra = {}, pickup = false }: { extra?: Record<string, string>; pickup?: boolean } = {},
): D1PreparedStatement {
  const en = (column: string) => `CASE o.lang WHEN 'en' THEN pp.${column}_en ELSE pp.${column}_zh END`;
  const place = pickup ? `json_object('address', ${en("address")}, 'hours', ${en("hours")})` : "'{}'";
  return enqueueSelected(
    d1,
    { channel: "sms", kind },
    {
      sql: `SELECT o.contact_phone AS recipient, CASE o.lang WHEN 'en' THEN 'en' ELSE 'zh-CN' END AS lang,
              json_patch(json_patch(json_object('reference', o.reference, 'about', 'order'), ?), ${place}) AS params,
              NULL AS booking_id, o.id AS order_id
            FROM orders o LEFT JOIN pickup_points pp ON pp.id = o.pickup_point_id
            WHERE (${where.sql}) AND o.status = ? AND o.contact_phone <> ''
              AND NOT EXISTS (SELECT 1 FROM outbox m WHERE m.order_id = o.id AND m.channel = 'sms'
                AND m.kind IN (${quoted(BUYER_KINDS[status])}))`,
      values: [JSON.stringify(extra), ...where.values, status],
    },
  );
}

/** The text to one order's buyer; put it after the statement that changes the status. */
export function tellBuyer(
  d1: D1Database,
  orderId: number,
  status: Told,
  kind: string,
  options?: Parameters<typeof tellBuyers>[4],
): D1PreparedStatement {
  return tellBuyers(d1, status, kind, { sql: "o.id = ?", values: [orderId] }, options);
}
