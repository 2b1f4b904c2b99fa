import { asc, eq, inArray } from "drizzle-orm";
import type { Database } from "../db/client";
import {
  cooperatives,
  type OrderCancelCode,
  type OrderStatus,
  orderEvents,
  orderLines,
  orders,
  type PickupPoint,
  pickupPoints,
  products,
} from "../db/schema";
import type { Lang } from "../lib/lang";
import { normaliseReference, REFERENCE_PATTERN, sameDigest, sha256Hex } from "../lib/tokens";
import { type MessageRecord, messageHistory } from "../messages/history";
import type { OrderableRow } from "./checkout";
import { isBuyerMessage } from "./order-messages";

/** Order reads: what checkout needs to decide, and what a buyer sees of an order. */

export async function orderableRows(db: Database, ids: string[]): Promise<Map<string, OrderableRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ product: products, coop: cooperatives })
    .from(products)
    .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
    .where(inArray(products.id, ids));
  return new Map(
    rows.map(({ product: p, coop: c }) => [
      p.id,
      {
        id: p.id,
        cooperative: c.id,
        cooperativeName: { "zh-CN": c.nameZh, en: c.nameEn },
        name: { "zh-CN": p.nameZh, en: p.nameEn },
        priceFen: p.priceFen,
        stock: p.stock,
        seasonMonths: p.seasonMonths,
        active: p.active,
        verified: c.verified,
      },
    ]),
  );
}

export async function pickupPoint(db: Database, id: string): Promise<PickupPoint | undefined> {
  const [row] = await db.select().from(pickupPoints).where(eq(pickupPoints.id, id));
  return row;
}

export interface OrderView {
  reference: string;
  cooperative: string;
  cooperativeName: string;
  cooperativePhone: string;
  status: OrderStatus;
  /** Total in fen. */
  total: number;
  createdAt: string;
  fulfilment:
    | { method: "pickup"; point: { id: string; name: string; address: string; hours: string } }
    | {
        method: "delivery";
        address: { province: string; city: string; district: string; line: string; postcode: string | null };
      };
  contact: { name: string; phone: string; email: string | null };
  notes: string | null;
  cancelReason: string | null;
  /** Set when the county cancelled it: nobody confirmed it in time, or it was part of a flood. */
  cancelCode: OrderCancelCode | null;
  /** A large order, held for the cooperative to confirm by phone. */
  held: boolean;
  /** While placed: when it is cancelled if nobody confirms it. */
  expiresAt: string | null;
  lines: Array<{ product: string; name: string; unit: string; quantity: number; price: number; subtotal: number }>;
  events: Array<{ status: OrderStatus; at: string; actor: string; note: string | null }>;
  /** The texts sent to the buyer about it, oldest first (never their number or wording). */
  messages: MessageRecord[];
}

/** The full order for its buyer, or null. The caller checks the token first (see findOrderRow). */
export async function orderView(db: Database, orderId: number, lang: Lang): Promise<OrderView | null> {
  const en = lang === "en";
  const [head] = await db
    .select({ order: orders, coop: cooperatives, point: pickupPoints })
    .from(orders)
    .innerJoin(cooperatives, eq(cooperatives.id, orders.cooperativeId))
    .leftJoin(pickupPoints, eq(pickupPoints.id, orders.pickupPointId))
    .where(eq(orders.id, orderId));
  if (!head) return null;
  const [lines, events, messages] = await Promise.all([
    db
      .select({ line: orderLines, product: products })
      .from(orderLines)
      .innerJoin(products, eq(products.id, orderLines.productId))
      .where(eq(orderLines.orderId, orderId))
      .orderBy(asc(products.sortOrder), asc(products.id)),
    db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.id)),
    messageHistory(db.$client, { orderId }),
  ]);
  const { order: o, coop, point } = head;
  return {
    reference: o.reference,
    cooperative: coop.id,
    cooperativeName: en ? coop.nameEn : coop.nameZh,
    cooperativePhone: coop.contactPhone,
    status: o.status,
    total: o.totalFen,
    createdAt: o.createdAt,
    fulfilment: point
      ? {
          method: "pickup",
          point: {
            id: point.id,
            name: en ? point.nameEn : point.nameZh,
            address: en ? point.addressEn : point.addressZh,
            hours: en ? point.hoursEn : point.hoursZh,
          },
        }
      : {
          method: "delivery",
          address: {
            province: o.province ?? "",
            city: o.city ?? "",
            district: o.district ?? "",
            line: o.addressLine ?? "",
            postcode: o.postcode,
          },
        },
    contact: { name: o.contactName, phone: o.contactPhone, email: o.contactEmail },
    notes: o.notes,
    cancelReason: o.cancelReason,
    cancelCode: o.cancelCode,
    held: o.held,
    expiresAt: o.status === "placed" ? o.expiresAt : null,
    lines: lines.map(({ line, product }) => ({
      product: product.id,
      name: en ? product.nameEn : product.nameZh,
      unit: en ? product.unitEn : product.unitZh,
      quantity: line.quantity,
      price: line.unitPriceFen,
      subtotal: line.quantity * line.unitPriceFen,
    })),
    events: events.map((e) => ({ status: e.status, at: e.at, actor: e.actor, note: e.note })),
    messages: messages.filter((m) => isBuyerMessage(m.kind)),
  };
}

/** The id, status and token hash of an order by reference, for checking a buyer's token. */
async function findOrderRow(db: Database, reference: string) {
  const [row] = await db
    .select({
      id: orders.id,
      status: orders.status,
      tokenHash: orders.tokenHash,
      total: orders.totalFen,
      fulfilment: orders.fulfilment,
    })
    .from(orders)
    .where(eq(orders.reference, reference));
  return row;
}

/**
 * A buyer's own order: the reference (as typed, normalised) and the secret token
 * from the confirmation, or nothing. The API, the lookup page and the
 * confirmation page all check a buyer by this.
 */
export async function orderForBuyer(db: Database, reference: string, token: string) {
  const ref = normaliseReference(reference);
  if (!REFERENCE_PATTERN.test(ref) || token === "") return undefined;
  const row = await findOrderRow(db, ref);
  return row && sameDigest(await sha256Hex(token), row.tokenHash) ? row : undefined;
}
