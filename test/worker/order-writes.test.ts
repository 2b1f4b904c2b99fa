import { env } from "cloudflare:workers";
import type { PlannedOrder } from "@functions/produce/checkout";
import { cancelStatements, type OrderDetails, placeOrderStatements } from "@functions/produce/order-writes";
import { describe, expect, it } from "vitest";
import { countRows, OFF_SEASON, seedProduce, stockOf } from "./produce";

/**
 * The SQL guards on their own, without the read that normally refuses bad
 * lines first: these are what still hold when the catalogue changes between
 * that read and the write batch.
 */
const details: OrderDetails = {
  checkout: "test-checkout",
  lang: "en",
  fulfilment: { method: "pickup", point: "visitor-centre" },
  contact: { name: "Test", phone: "13800000000" },
  phoneKey: "13800000000",
  source: { addressHash: "a", agentHash: "b" },
};

function plan(product: string, cooperative: string, price: number, quantity = 1): PlannedOrder {
  return {
    cooperative,
    cooperativeName: { "zh-CN": cooperative, en: cooperative },
    lines: [{ product, quantity, price, subtotal: price * quantity }],
    total: price * quantity,
  };
}

function write(order: PlannedOrder, extra: Partial<OrderDetails> = {}) {
  return env.DB.batch(
    placeOrderStatements(
      env.DB,
      { plan: order, reference: "ABCDEFGH", tokenHash: "x", held: false, hoursToConfirm: 48 },
      { ...details, ...extra },
    ),
  );
}

describe("order write batch guards", () => {
  it("writes an orderable line", async () => {
    await seedProduce();
    await write(plan("syrup", "pear-coop", 4800, 2));
    expect(await stockOf("syrup")).toBe(3);
    expect(await countRows("order_lines")).toBe(1);
  });

  it.each([
    [
      "more than the stock",
      () => write(plan("syrup", "pear-coop", 4800, 6)),
      /CHECK constraint failed: products_stock/,
    ],
    ["an inactive product", () => write(plan("hidden", "pear-coop", 3000)), /NOT NULL/],
    ["an unverified cooperative's product", () => write(plan("walnuts", "pending-coop", 4000)), /NOT NULL/],
    ["a price that changed", () => write(plan("syrup", "pear-coop", 100)), /NOT NULL/],
    ["a product claimed for another cooperative", () => write(plan("syrup", "wine-coop", 4800)), /NOT NULL/],
    [
      "a closed pickup point",
      () => write(plan("syrup", "pear-coop", 4800), { fulfilment: { method: "pickup", point: "closed-point" } }),
      /CHECK constraint failed: orders_fulfilment/,
    ],
    [
      "a cooperative's own pickup point used by another cooperative",
      () => write(plan("wine", "wine-coop", 6800), { fulfilment: { method: "pickup", point: "pear-shop" } }),
      /CHECK constraint failed: orders_fulfilment/,
    ],
  ])("fails the whole batch for %s", async (_, attempt, reason) => {
    await seedProduce();
    await expect(attempt()).rejects.toThrow(reason);
    expect(await countRows("orders")).toBe(0);
    expect(await stockOf("syrup")).toBe(5);
  });

  it("fails the whole batch for an out-of-season product", async () => {
    await seedProduce();
    await expect(write(plan("spring-tea", "wine-coop", 3800))).rejects.toThrow(/NOT NULL/);
    expect(await stockOf("spring-tea")).toBe(10);
    // The same product sells once its season includes this month.
    await env.DB.prepare("UPDATE products SET season_months = 4095 WHERE id = 'spring-tea'").run();
    await write(plan("spring-tea", "wine-coop", 3800));
    expect(await stockOf("spring-tea")).toBe(9);
    expect(OFF_SEASON).toBeLessThan(4095);
  });

  it("restores stock once however often the cancellation runs", async () => {
    await seedProduce();
    await write(plan("syrup", "pear-coop", 4800, 2));
    const id = (await env.DB.prepare("SELECT id FROM orders").first<{ id: number }>())?.id ?? 0;
    for (let i = 0; i < 3; i++) await env.DB.batch(cancelStatements(env.DB, id, ["placed"], "buyer", null));
    expect(await stockOf("syrup")).toBe(5);
    expect(await countRows("order_events")).toBe(2);
  });
});
