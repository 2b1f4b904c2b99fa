import { toCsv } from "../lib/csv";
import type { Lang } from "../lib/lang";
import { fenToDecimal } from "../lib/money";
import type { CoopOrder } from "./coop-ops";
import { ORDER_STATUS_CSV } from "./status-labels";

/** Orders for a cooperative's spreadsheet (functions/lib/csv.ts says why the format is what it is). */
const ORDER_HEADERS = {
  "zh-CN": [
    "订单号",
    "下单时间（UTC）",
    "状态",
    "取货方式",
    "自提点或地址",
    "联系人",
    "电话",
    "电子邮箱",
    "商品",
    "金额（元）",
    "快递单号",
    "取消原因",
    "备注",
  ],
  en: [
    "Reference",
    "Placed at (UTC)",
    "Status",
    "Fulfilment",
    "Pickup point or address",
    "Name",
    "Phone",
    "E-mail",
    "Items",
    "Total (CNY)",
    "Tracking number",
    "Cancel reason",
    "Notes",
  ],
};
const METHOD = { "zh-CN": { pickup: "自提", delivery: "快递" }, en: { pickup: "pickup", delivery: "delivery" } };

export function ordersCsv(rows: CoopOrder[], lang: Lang): string {
  return toCsv(
    ORDER_HEADERS[lang],
    rows.map((o) => [
      o.reference,
      o.createdAt,
      ORDER_STATUS_CSV[lang][o.status],
      METHOD[lang][o.fulfilment],
      o.fulfilment === "pickup"
        ? lang === "en"
          ? o.pickupEn
          : o.pickupZh
        : [o.province, o.city, o.district, o.addressLine, o.postcode].filter(Boolean).join(" "),
      o.contactName,
      o.contactPhone,
      o.contactEmail,
      lang === "en" ? o.linesEn : o.linesZh,
      fenToDecimal(o.totalFen),
      o.tracking,
      o.cancelReason,
      o.notes,
    ]),
  );
}
