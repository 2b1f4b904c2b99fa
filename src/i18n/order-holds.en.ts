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
  "dash.nav.orderSources": "Order sources",
  "dash.sources.title": "Order sources, last 24 hours",
  "dash.sources.intro":
    "Orders of the last 24 hours by where they came from (a salted digest of the network address, never the address itself). One source ordering a lot with many phone numbers is usually a script hoarding stock. Cancelling returns the stock and is recorded in the audit log.",
  "dash.sources.none": "No orders in the last 24 hours.",
  "dash.sources.source": "Source",
  "dash.sources.orders": "Orders",
  "dash.sources.open": "Open",
  "dash.sources.units": "Units",
  "dash.sources.phones": "Phone numbers",
  "dash.sources.last": "Last order",
  "dash.sources.action": "Action",
  "dash.sources.cancel": "Cancel this source's open orders",
  "dash.sources.cancelled": "{n} order(s) cancelled; their stock is back.",
  "dash.done.orders_flood_cancelled": "This source's open orders are cancelled.",
};
