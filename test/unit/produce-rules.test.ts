import { lineMessage, type OrderableRow, planCheckout } from "@functions/produce/checkout";
import { creditCodeCheckChar, isCooperativeCode, isValidCreditCode } from "@functions/produce/credit-code";
import { canCancel, OPEN_STATUSES, stepsFor } from "@functions/produce/order-states";
import { countyMonth, inSeason, maskOf, monthsOf } from "@functions/produce/season";
import { describe, expect, it } from "vitest";

describe("unified social credit codes (GB 32100-2015)", () => {
  it("accepts real codes and the seeded cooperatives' codes", () => {
    for (const code of ["91350100M000100Y43", "91110108551385082Q", "9144030071526726XG", "93513221MA6CK1B780"]) {
      expect(isValidCreditCode(code), code).toBe(true);
    }
  });

  it("computes the check character modulo 31", () => {
    expect(creditCodeCheckChar("93513221MA6D0F4H5")).toBe("X");
    expect(creditCodeCheckChar("9351322IMA6D0F4H5")).toBeNull();
  });

  it("refuses a wrong check digit, letters outside the alphabet and wrong lengths", () => {
    expect(isValidCreditCode("93513221MA6CK1B781")).toBe(false);
    expect(isValidCreditCode("93513221MA6CK1B78")).toBe(false);
    expect(isValidCreditCode("93513221MA6CK1BO80")).toBe(false);
    expect(isValidCreditCode("")).toBe(false);
  });

  it("recognises a farmers' cooperative by its first two characters", () => {
    expect(isCooperativeCode("93513221MA6CK1B780")).toBe(true);
    expect(isCooperativeCode("91350100M000100Y43")).toBe(false);
  });
});

describe("seasons", () => {
  it("use the county's month (UTC+8)", () => {
    expect(countyMonth(new Date("2026-11-30T16:30:00Z"))).toBe(12);
    expect(countyMonth(new Date("2026-11-30T15:59:00Z"))).toBe(11);
  });

  it("round-trip month lists and masks", () => {
    expect(maskOf([8, 9, 10, 11, 12])).toBe(3968);
    expect(monthsOf(3968)).toEqual([8, 9, 10, 11, 12]);
    expect(inSeason(3968, 7)).toBe(false);
    expect(inSeason(3968, 8)).toBe(true);
  });
});

describe("planCheckout", () => {
  const row = (
    id: string,
    cooperative: string,
    priceFen: number,
    stock: number,
    extra: Partial<OrderableRow> = {},
  ) => ({
    id,
    cooperative,
    cooperativeName: { "zh-CN": cooperative, en: cooperative },
    name: { "zh-CN": `${id}中文`, en: id },
    priceFen,
    stock,
    seasonMonths: 4095,
    active: true,
    verified: true,
    ...extra,
  });
  const rows = new Map(
    [row("syrup", "a", 4800, 5), row("slices", "a", 2600, 9), row("wine", "b", 6800, 1)].map((r) => [r.id, r]),
  );

  it("splits a cart into one order per cooperative with totals from the rows", () => {
    const plan = planCheckout(
      [
        { product: "syrup", quantity: 2 },
        { product: "wine", quantity: 1 },
        { product: "slices", quantity: 1 },
      ],
      rows,
      6,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.orders.map((o) => [o.cooperative, o.total])).toEqual([
      ["a", 2 * 4800 + 2600],
      ["b", 6800],
    ]);
  });

  it("names every line that cannot be ordered and plans no orders", () => {
    const plan = planCheckout(
      [
        { product: "wine", quantity: 2 },
        { product: "nope", quantity: 1 },
      ],
      rows,
      6,
    );
    expect(plan.orders).toEqual([]);
    expect(plan.problems).toEqual([
      { index: 0, product: "wine", reason: "short", available: 1 },
      { index: 1, product: "nope", reason: "unknown", available: 0 },
    ]);
    expect(lineMessage("en", plan.problems[0] as never, rows.get("wine"))).toBe("Only 1 left of “wine”.");
  });
});

describe("seed data", () => {
  it("gives every seeded cooperative a valid farmers' cooperative credit code", async () => {
    const { readFileSync } = await import("node:fs");
    const sql = readFileSync(new URL("../../functions/db/seed/products.sql", import.meta.url), "utf8");
    const codes = [...sql.matchAll(/'(9[0-9A-Z]{17})'/g)].map((m) => m[1] ?? "");
    expect(codes.length).toBeGreaterThanOrEqual(4);
    for (const code of codes) expect(isCooperativeCode(code), code).toBe(true);
  });
});

describe("order states", () => {
  it("offers each status only its next steps, ready for pickups and ship for deliveries", () => {
    expect(stepsFor({ status: "placed", fulfilment: "pickup" })).toEqual(["confirm", "cancel"]);
    expect(stepsFor({ status: "confirmed", fulfilment: "pickup" })).toEqual(["ready", "cancel"]);
    expect(stepsFor({ status: "confirmed", fulfilment: "delivery" })).toEqual(["ship", "cancel"]);
    expect(stepsFor({ status: "shipped", fulfilment: "delivery" })).toEqual(["complete"]);
    expect(stepsFor({ status: "completed", fulfilment: "pickup" })).toEqual([]);
  });

  it("lets buyers cancel before confirmation and cooperatives until the goods leave", () => {
    expect(canCancel("buyer", "placed")).toBe(true);
    expect(canCancel("buyer", "confirmed")).toBe(false);
    expect(canCancel("cooperative", "confirmed")).toBe(true);
    expect(canCancel("cooperative", "ready")).toBe(false);
    expect(OPEN_STATUSES).toEqual(["placed", "confirmed", "ready", "shipped"]);
  });
});
