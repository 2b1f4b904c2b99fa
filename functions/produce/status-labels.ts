import type { OrderStatus } from "../db/schema";
import type { Lang } from "../lib/lang";

/**
 * Every wording of an order's status, in both languages: pages (through the UI
 * strings in src/i18n), API messages and the cooperative's CSV read it from here.
 */
type Labels = Record<Lang, Record<OrderStatus, string>>;

/** As buyers and cooperatives read it on pages: "Placed, waiting for the cooperative to confirm". */
export const ORDER_STATUS_LABELS: Labels = {
  "zh-CN": {
    placed: "已提交，等待合作社确认",
    confirmed: "合作社已确认",
    ready: "可以取货",
    shipped: "已发货",
    completed: "已完成",
    cancelled: "已取消",
  },
  en: {
    placed: "Placed, waiting for the cooperative to confirm",
    confirmed: "Confirmed by the cooperative",
    ready: "Ready for pickup",
    shipped: "Sent",
    completed: "Completed",
    cancelled: "Cancelled",
  },
};

/** Inside an API message's sentence, "This order is {status}: ...". */
export const ORDER_STATUS_IN_TEXT: Labels = {
  "zh-CN": {
    placed: "待确认",
    confirmed: "已确认",
    ready: "可以取货",
    shipped: "已发货",
    completed: "已完成",
    cancelled: "已取消",
  },
  en: {
    placed: "waiting for confirmation",
    confirmed: "confirmed",
    ready: "ready for collection",
    shipped: "shipped",
    completed: "completed",
    cancelled: "cancelled",
  },
};

/** The CSV export's Status column: the short Chinese words, the status names in English. */
export const ORDER_STATUS_CSV: Labels = {
  "zh-CN": ORDER_STATUS_IN_TEXT["zh-CN"],
  en: {
    placed: "placed",
    confirmed: "confirmed",
    ready: "ready",
    shipped: "shipped",
    completed: "completed",
    cancelled: "cancelled",
  },
};
