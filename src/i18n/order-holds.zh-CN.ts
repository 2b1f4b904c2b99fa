/** A buyer's order while it waits for the cooperative, and when the county cancelled it. Every key must exist in order-holds.en.ts. */
export const orderHoldsZhCN = {
  "orders.held.title": "大额订单，等待合作社电话确认",
  "orders.held.body": "这笔订单数量或金额较大，商品已为您保留。合作社会打电话与您核实，确认后才备货。",
  "orders.expires": "如合作社在 {until} 前未确认，订单将自动取消，商品退回库存。",
  "orders.cancelCode.expired":
    "合作社未在规定时间内确认，订单已自动取消，商品已退回库存。如仍需要，请重新下单或致电合作社。",
  "orders.cancelCode.flood": "县里在清理异常的批量下单时取消了这笔订单。如果是您本人下的单，请致电合作社。",
  "orders.event.expired": "未及时确认，自动取消",
  "orders.event.flood": "异常批量下单，由县里取消",
  "orders.held.short": "大额，待电话核实",
  "dash.order.held": "大额订单：请先打电话向买家核实，再确认订单。商品已为这笔订单保留。",
  "dash.order.expires": "如不确认，将于此时自动取消并退回库存：",
  "dash.nav.orderSources": "订单来源",
  "dash.sources.title": "近 24 小时的订单来源",
  "dash.sources.intro":
    "按下单来源（网络地址的加密摘要，不显示地址本身）汇总近 24 小时的订单。一个来源短时间内用许多电话号码大量下单，通常是脚本在囤货。取消会退回库存，并记入操作记录。",
  "dash.sources.none": "近 24 小时没有订单。",
  "dash.sources.source": "来源",
  "dash.sources.orders": "订单数",
  "dash.sources.open": "未完成",
  "dash.sources.units": "商品件数",
  "dash.sources.phones": "电话号码数",
  "dash.sources.last": "最近下单",
  "dash.sources.action": "操作",
  "dash.sources.cancel": "取消该来源未完成的订单",
  "dash.sources.cancelled": "已取消 {n} 笔订单，库存已退回。",
  "dash.done.orders_flood_cancelled": "该来源未完成的订单已取消。",
};
