import { BOOKING_STATUS_CSV, BOOKING_STATUS_IN_TEXT } from "@functions/bookings/status-labels";
import { ORDER_STATUS_CSV } from "@functions/produce/status-labels";
import { describe, expect, it } from "vitest";
import { t } from "../../src/i18n";

describe("status labels", () => {
  it("give pages, messages and CSV files their own wording from one table per status set", () => {
    expect(t("en", "booking.status.checked_in")).toBe("Checked in");
    expect(BOOKING_STATUS_CSV.en).toEqual({
      confirmed: "confirmed",
      held: "awaiting confirmation",
      cancelled: "cancelled",
      checked_in: "checked in",
      no_show: "no-show",
    });
    expect(BOOKING_STATUS_IN_TEXT.en.no_show).toBe("a no-show");
    expect(BOOKING_STATUS_CSV["zh-CN"].no_show).toBe(t("zh-CN", "booking.status.no_show"));
    expect(t("zh-CN", "orders.status.placed")).toBe("已提交，等待合作社确认");
    expect(ORDER_STATUS_CSV["zh-CN"].placed).toBe("待确认");
    expect(ORDER_STATUS_CSV.en.shipped).toBe("shipped");
  });
});
