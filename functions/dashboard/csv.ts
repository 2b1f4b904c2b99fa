import type { CoopOrder } from "../db/coop-ops";
import type { DashBooking } from "../db/site-ops";
import { addDays } from "../lib/dates";

/**
 * CSV that opens correctly in Excel: UTF-8 with a byte order mark (without it
 * Excel in a Chinese locale reads GBK and garbles every name), CRLF line ends,
 * and every field quoted.
 */
const BOM = "\uFEFF";

/**
 * A cell that starts with = + - @ (or a tab or CR) would run as a formula in a
 * spreadsheet (CSV injection): a guest could type one into the name field.
 * Prefixing an apostrophe keeps it text.
 */
function cell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

export function toCsv(header: string[], rows: Array<Array<string | number | null | undefined>>): string {
  return `${BOM}${[header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}

const HEADERS = {
  "zh-CN": [
    "预订号",
    "营位类型",
    "入住日期",
    "离开日期",
    "晚数",
    "营位数",
    "成人",
    "儿童",
    "联系人",
    "电话",
    "电子邮箱",
    "状态",
    "金额（元）",
    "备注",
    "预订时间（UTC）",
  ],
  en: [
    "Reference",
    "Unit type",
    "Check-in",
    "Check-out",
    "Nights",
    "Units",
    "Adults",
    "Children",
    "Name",
    "Phone",
    "E-mail",
    "Status",
    "Total (CNY)",
    "Notes",
    "Booked at (UTC)",
  ],
};

const STATUS = {
  "zh-CN": { confirmed: "已确认", cancelled: "已取消", checked_in: "已入住", no_show: "未到" },
  en: { confirmed: "confirmed", cancelled: "cancelled", checked_in: "checked in", no_show: "no-show" },
};

export function bookingsCsv(rows: DashBooking[], lang: "zh-CN" | "en"): string {
  return toCsv(
    HEADERS[lang],
    rows.map((b) => [
      b.reference,
      lang === "en" ? b.unit_name_en : b.unit_name_zh,
      b.check_in,
      b.unit_type_id ? addDays(b.check_in, b.nights) : b.check_in,
      b.nights,
      b.units,
      b.adults,
      b.children,
      b.contact_name,
      b.contact_phone,
      b.contact_email,
      STATUS[lang][b.status],
      (b.total_fen / 100).toFixed(2),
      b.notes,
      b.created_at,
    ]),
  );
}

/** `attachment; filename=...` with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function attachment(filename: string): string {
  return `attachment; filename="${filename.replace(/[^\x20-\x7e]|"/g, "_")}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

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
const ORDER_STATUS = {
  "zh-CN": {
    placed: "待确认",
    confirmed: "已确认",
    ready: "可以取货",
    shipped: "已发货",
    completed: "已完成",
    cancelled: "已取消",
  },
  en: {
    placed: "placed",
    confirmed: "confirmed",
    ready: "ready",
    shipped: "shipped",
    completed: "completed",
    cancelled: "cancelled",
  },
};
const METHOD = { "zh-CN": { pickup: "自提", delivery: "快递" }, en: { pickup: "pickup", delivery: "delivery" } };

export function ordersCsv(rows: CoopOrder[], lang: "zh-CN" | "en"): string {
  return toCsv(
    ORDER_HEADERS[lang],
    rows.map((o) => [
      o.reference,
      o.createdAt,
      ORDER_STATUS[lang][o.status],
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
      (o.totalFen / 100).toFixed(2),
      o.tracking,
      o.cancelReason,
      o.notes,
    ]),
  );
}
