import type { Lang } from "../lib/lang";
import { type MessageKey, messageWith } from "../lib/messages";
import { shareAllowed } from "./order-limits";
import { inSeason } from "./season";

/**
 * Checkout rules as plain functions: which lines can be ordered, how a cart
 * splits into one order per cooperative, and what each order costs. Prices
 * always come from the database rows passed in, never from the request.
 */
export interface OrderableRow {
  id: string;
  cooperative: string;
  cooperativeName: Record<Lang, string>;
  name: Record<Lang, string>;
  priceFen: number;
  stock: number;
  seasonMonths: number;
  active: boolean;
  verified: boolean;
}

type LineReason = "unknown" | "unavailable" | "out-of-season" | "sold-out" | "short" | "share";

export interface LineProblem {
  index: number;
  product: string;
  reason: LineReason;
  /** Units that could be ordered now (for "share": that one checkout may take). */
  available: number;
}

interface PlannedLine {
  product: string;
  quantity: number;
  price: number;
  subtotal: number;
}

export interface PlannedOrder {
  cooperative: string;
  cooperativeName: Record<Lang, string>;
  lines: PlannedLine[];
  total: number;
}

export interface Plan {
  problems: LineProblem[];
  orders: PlannedOrder[];
}

function lineProblem(
  item: { product: string; quantity: number },
  row: OrderableRow | undefined,
  month: number,
): Omit<LineProblem, "index" | "product"> | null {
  if (!row) return { reason: "unknown", available: 0 };
  if (!row.active || !row.verified) return { reason: "unavailable", available: 0 };
  if (!inSeason(row.seasonMonths, month)) return { reason: "out-of-season", available: 0 };
  if (row.stock === 0) return { reason: "sold-out", available: 0 };
  if (row.stock < item.quantity) return { reason: "short", available: row.stock };
  // One checkout may not empty the shelf: a festival's stock is for many visitors.
  const allowed = shareAllowed(row.stock);
  if (item.quantity > allowed) return { reason: "share", available: allowed };
  return null;
}

/** One order per cooperative, in the order the cooperatives first appear in the cart. */
export function planCheckout(
  items: Array<{ product: string; quantity: number }>,
  rows: Map<string, OrderableRow>,
  month: number,
): Plan {
  const problems: LineProblem[] = [];
  const byCoop = new Map<string, PlannedOrder>();
  items.forEach((item, index) => {
    const row = rows.get(item.product);
    const problem = lineProblem(item, row, month);
    if (problem || !row) {
      problems.push({ index, product: item.product, ...(problem ?? { reason: "unknown", available: 0 }) });
      return;
    }
    let order = byCoop.get(row.cooperative);
    if (!order) {
      order = { cooperative: row.cooperative, cooperativeName: row.cooperativeName, lines: [], total: 0 };
      byCoop.set(row.cooperative, order);
    }
    const subtotal = row.priceFen * item.quantity;
    order.lines.push({ product: row.id, quantity: item.quantity, price: row.priceFen, subtotal });
    order.total += subtotal;
  });
  return { problems, orders: problems.length ? [] : [...byCoop.values()] };
}

const REASON_MESSAGES: Record<LineReason, MessageKey> = {
  unknown: "orders.line.unknown",
  unavailable: "orders.line.unavailable",
  "out-of-season": "orders.line.outOfSeason",
  "sold-out": "orders.line.soldOut",
  short: "orders.line.short",
  share: "orders.line.share",
};

/** The per-line message a person reads, with the product's name in their language. */
export function lineMessage(lang: Lang, problem: LineProblem, row: OrderableRow | undefined): string {
  return messageWith(lang, REASON_MESSAGES[problem.reason], {
    name: row?.name[lang] ?? problem.product,
    available: problem.available,
  });
}
