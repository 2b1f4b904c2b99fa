import type { orderHoldsZhCN } from "./order-holds.zh-CN";

/** A buyer's order while it waits for the cooperative, and when the county cancelled it. */
export const orderHoldsEn: Record<keyof typeof orderHoldsZhCN, string> = {
  "orders.held.title": "Large order: waiting for the cooperative to confirm by phone",
  "orders.held.body":
    "This order is large in quantity or value. Its products are held for you; the cooperative will phone you to check it before preparing it.",
  "orders.expires":
    "If the cooperative has not confirmed it by {until}, the order is cancelled and the products go back into stock.",
  "orders.cancelCode.expired":
    "The cooperative did not confirm this order in time, so it was cancelled and the products went back into stock. If you still want them, order again or phone the cooperative.",
  "orders.cancelCode.flood":
    "The county cancelled this order while removing a flood of automated orders. If you placed it yourself, please phone the cooperative.",
  "orders.event.expired": "not confirmed in time, cancelled automatically",
  "orders.event.flood": "part of a flood of orders, cancelled by the county",
  "orders.held.short": "large, check by phone",
  "dash.order.held": "Large order: phone the buyer to check it before you confirm. Its products are held for it.",
  "dash.order.expires": "If not confirmed, it is cancelled and its stock returned at:",
};
