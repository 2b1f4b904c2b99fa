import { REFERENCE_PATTERN } from "../lib/tokens";

/**
 * After a form checkout, each order's reference and token travel from
 * POST /api/orders to the confirmation page in one short-lived, HttpOnly,
 * SameSite=Strict cookie. Tokens never appear in a URL. The page keeps the
 * cookie for the browser session, so a reload still shows the orders.
 */
export const NEW_ORDERS_COOKIE = "portal_new_orders";
export const HANDOVER_SECONDS = 600;

export function encodeHandover(orders: Array<{ reference: string; token: string }>): string {
  return orders.map((o) => `${o.reference}.${o.token}`).join("~");
}

export function decodeHandover(value: string): Array<{ reference: string; token: string }> {
  return value
    .split("~")
    .slice(0, 10)
    .map((pair) => {
      // A token carries its key id after a dot of its own ("kid.signature"): split at the first dot only.
      const cut = pair.indexOf(".");
      const reference = cut < 0 ? pair : pair.slice(0, cut);
      const token = cut < 0 ? "" : pair.slice(cut + 1);
      return { reference, token };
    })
    .filter((o) => REFERENCE_PATTERN.test(o.reference) && /^[\w.-]{16,64}$/.test(o.token));
}
