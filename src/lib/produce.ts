import type { PublicProduct } from "@functions/produce/catalogue";
import type { Locale } from "../i18n";

/** Page helpers for the produce pages; the rules themselves live in functions/. */

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** [8,9,10,11,12] -> "Aug–Dec" / "8–12 月"; wraps across the new year (Nov–Feb). */
export function seasonText(months: number[], locale: Locale): string {
  if (months.length === 12) return locale === "en" ? "All year" : "全年";
  const set = new Set(months);
  // Start a run at a month whose previous month is not in season.
  const starts = months.filter((m) => !set.has(m === 1 ? 12 : m - 1));
  const runs = starts.map((start) => {
    let end = start;
    while (set.has(end === 12 ? 1 : end + 1)) end = end === 12 ? 1 : end + 1;
    return [start, end] as const;
  });
  const name = (m: number) => (locale === "en" ? (MONTHS_EN[m - 1] ?? "") : String(m));
  const parts = runs.map(([a, b]) => (a === b ? name(a) : `${name(a)}–${name(b)}`));
  return locale === "en" ? parts.join(", ") : `${parts.join("、")} 月`;
}

export interface CartItem {
  product: string;
  quantity: number;
}

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const MAX_CART_LINES = 30;

function clampQuantity(value: string | null): number {
  const n = Number.parseInt(value ?? "1", 10);
  return Number.isFinite(n) ? Math.min(99, Math.max(1, n)) : 1;
}

/**
 * The cart as carried in a URL, so the checkout page works without
 * JavaScript: `?product=syrup&quantity=2` from a product page's form, or
 * `?item=syrup:2&item=wine:1` built by the cart island from localStorage.
 */
export function cartFromQuery(params: URLSearchParams): CartItem[] {
  const items = new Map<string, number>();
  for (const entry of params.getAll("item")) {
    const [product = "", quantity = "1"] = entry.split(":");
    if (ID.test(product)) items.set(product, clampQuantity(quantity));
  }
  const single = params.get("product");
  if (single && ID.test(single)) items.set(single, clampQuantity(params.get("quantity")));
  return [...items].slice(0, MAX_CART_LINES).map(([product, quantity]) => ({ product, quantity }));
}

export function cartQuery(items: CartItem[]): string {
  return items.map((i) => `item=${encodeURIComponent(`${i.product}:${i.quantity}`)}`).join("&");
}

/** The checkout page's lines for one cooperative: one order each. */
export interface CheckoutGroup {
  cooperative: string;
  name: string;
  lines: Array<{ product: PublicProduct; quantity: number }>;
}
