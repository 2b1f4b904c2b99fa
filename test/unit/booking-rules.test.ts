import { describe, expect, it } from "vitest";
import { canCancel } from "../../functions/bookings/present";
import {
  closedNights,
  freeCancellationUntil,
  inBookingWindow,
  isClosed,
  lastBookableNight,
  placesLeft,
  sessionOpen,
} from "../../functions/bookings/rules";

describe("booking rules shared by the API, the operator's map and the pages", () => {
  const closures = [{ from_date: "2026-05-01", to_date: "2026-05-03" }];

  it("closes every night of a closure, both ends included", () => {
    expect(["2026-04-30", "2026-05-01", "2026-05-03", "2026-05-04"].map((n) => isClosed(closures, n))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(closedNights(closures, ["2026-04-30", "2026-05-02", "2026-05-04"])).toEqual(["2026-05-02"]);
  });

  it("never counts fewer than zero places left", () => {
    expect(placesLeft(4, 1)).toBe(3);
    expect(placesLeft(2, 5)).toBe(0);
  });

  it("opens the booking window from today to the window's last night, both included", () => {
    expect(lastBookableNight("2026-12-30", 3)).toBe("2027-01-02");
    expect(inBookingWindow("2026-12-29", "2026-12-30", 3)).toBe(false);
    expect(inBookingWindow("2026-12-30", "2026-12-30", 3)).toBe(true);
    expect(inBookingWindow("2027-01-02", "2026-12-30", 3)).toBe(true);
    expect(inBookingWindow("2027-01-03", "2026-12-30", 3)).toBe(false);
    expect([sessionOpen("2026-12-30", "2026-12-30"), sessionOpen("2026-12-29", "2026-12-30")]).toEqual([true, false]);
  });

  it("lets a guest cancel a confirmed booking until its last free day", () => {
    const booking = { status: "confirmed" as const, freeCancellationUntil: "2026-05-01" };
    expect(canCancel(booking, "2026-05-01")).toBe(true);
    expect(canCancel(booking, "2026-05-02")).toBe(false);
    expect(canCancel({ ...booking, status: "cancelled" }, "2026-04-01")).toBe(false);
  });

  it("states the last free day the cancel route allows: arrival less the free days, that day included", () => {
    const until = freeCancellationUntil("2026-05-03", 2);
    expect(until).toBe("2026-05-01");
    expect(canCancel({ status: "confirmed", freeCancellationUntil: until }, until)).toBe(true);
    expect(canCancel({ status: "confirmed", freeCancellationUntil: until }, "2026-05-02")).toBe(false);
  });
});
