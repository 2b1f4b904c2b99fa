import { toCsv } from "../lib/csv";
import { addDays } from "../lib/dates";
import type { Lang } from "../lib/lang";
import { fenToDecimal } from "../lib/money";
import type { DashBooking } from "./site-ops";
import { BOOKING_STATUS_CSV } from "./status-labels";

/** Bookings for the operator's spreadsheet (functions/lib/csv.ts says why the format is what it is). */
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

export function bookingsCsv(rows: DashBooking[], lang: Lang): string {
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
      BOOKING_STATUS_CSV[lang][b.status],
      fenToDecimal(b.total_fen),
      b.notes,
      b.created_at,
    ]),
  );
}
