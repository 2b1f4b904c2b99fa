import type { BookingStatus } from "../db/schema";
import type { Lang } from "../lib/lang";

/**
 * Every wording of a booking's status, in both languages: pages (through the UI
 * strings in src/i18n), API messages and the operator's CSV read it from here.
 */
type Labels = Record<Lang, Record<BookingStatus, string>>;

/** As pages show it: "Checked in". */
export const BOOKING_STATUS_LABELS: Labels = {
  "zh-CN": { confirmed: "已确认", held: "待营地确认", cancelled: "已取消", checked_in: "已入住", no_show: "未到" },
  en: {
    confirmed: "Confirmed",
    held: "Awaiting confirmation",
    cancelled: "Cancelled",
    checked_in: "Checked in",
    no_show: "No-show",
  },
};

const lowerCase = (labels: Record<BookingStatus, string>) =>
  Object.fromEntries(Object.entries(labels).map(([status, label]) => [status, label.toLowerCase()])) as Record<
    BookingStatus,
    string
  >;

/** The CSV export's Status column: the page labels, lower case in English ("checked in"). */
export const BOOKING_STATUS_CSV: Labels = {
  "zh-CN": BOOKING_STATUS_LABELS["zh-CN"],
  en: lowerCase(BOOKING_STATUS_LABELS.en),
};

/** Inside an API message's sentence, "This booking is {status} ...": "a no-show". */
export const BOOKING_STATUS_IN_TEXT: Labels = {
  "zh-CN": BOOKING_STATUS_LABELS["zh-CN"],
  en: { ...BOOKING_STATUS_CSV.en, no_show: "a no-show" },
};
