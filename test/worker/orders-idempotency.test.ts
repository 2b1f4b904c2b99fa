import { describe, expect, it } from "vitest";
import { cancelOrder, checkout, countRows, newKey, type PlacedBody, postOrder, seedProduce, stockOf } from "./produce";

describe("Idempotency-Key on POST /api/orders", () => {
  it("replays the first response, token included, without ordering twice", async () => {
    await seedProduce();
    const key = newKey();
    const body = checkout([
      { product: "syrup", quantity: 1 },
      { product: "wine", quantity: 1 },
    ]);
    const first = await postOrder(body, key);
    const again = await postOrder(body, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    const firstBody = await first.json<PlacedBody>();
    expect(await again.json()).toEqual(firstBody);
    expect(firstBody.orders).toHaveLength(2);
    expect(await countRows("orders")).toBe(2);
    expect(await stockOf("syrup")).toBe(4);
  });

  it("refuses the same key with a different body with 422 and writes nothing", async () => {
    await seedProduce();
    const key = newKey();
    await postOrder(checkout([{ product: "syrup", quantity: 1 }]), key);
    const other = await postOrder(checkout([{ product: "syrup", quantity: 2 }]), key);
    expect(other.status).toBe(422);
    expect(await countRows("orders")).toBe(1);
    expect(await stockOf("syrup")).toBe(4);
  });

  it("creates one order set when ten requests with one key race", async () => {
    await seedProduce();
    const key = newKey();
    const body = checkout([
      { product: "slices", quantity: 2 },
      { product: "juice", quantity: 1 },
    ]);
    const results = await Promise.all(Array.from({ length: 10 }, () => postOrder(body, key)));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    const bodies = await Promise.all(results.map((r) => r.json<PlacedBody>()));
    for (const b of bodies) expect(b).toEqual(bodies[0]);
    expect(await countRows("orders")).toBe(2);
    expect(await stockOf("slices")).toBe(8);
    expect(await stockOf("juice")).toBe(9);
  });

  it("does not store a refused request: the same key may try again once stock allows", async () => {
    await seedProduce();
    const key = newKey();
    const tooMany = await postOrder(checkout([{ product: "wine", quantity: 4 }]), key);
    expect(tooMany.status).toBe(409);
    expect(await countRows("idempotency_keys")).toBe(0);
    const fewer = await postOrder(checkout([{ product: "wine", quantity: 3 }]), newKey());
    expect(fewer.status).toBe(201);
  });
});

describe("POST /api/orders/:reference/cancel", () => {
  async function placed(items = [{ product: "syrup", quantity: 2 }]) {
    const res = await postOrder(checkout(items));
    const order = (await res.json<PlacedBody>()).orders[0];
    if (!order) throw new Error("no order placed");
    return order;
  }

  it("cancels before confirmation, restores exactly the stock taken and records when", async () => {
    await seedProduce();
    const order = await placed([
      { product: "syrup", quantity: 2 },
      { product: "slices", quantity: 3 },
    ]);
    expect([await stockOf("syrup"), await stockOf("slices")]).toEqual([3, 7]);
    const res = await cancelOrder(order.reference, order.token);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ reference: order.reference, status: "cancelled" });
    expect([await stockOf("syrup"), await stockOf("slices")]).toEqual([5, 10]);
    const { call } = await import("./helpers");
    const view = await (await call(`/api/orders/${order.reference}?token=${order.token}`)).json<{
      status: string;
      events: Array<{ status: string; at: string }>;
    }>();
    expect(view.status).toBe("cancelled");
    expect(view.events.map((e) => e.status)).toEqual(["placed", "cancelled"]);
    expect(view.events[1]?.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("restores stock once when cancelled twice in a row", async () => {
    await seedProduce();
    const order = await placed();
    expect((await cancelOrder(order.reference, order.token)).status).toBe(200);
    const second = await cancelOrder(order.reference, order.token);
    expect(second.status).toBe(409);
    expect(await stockOf("syrup")).toBe(5);
    expect(await countRows("order_events")).toBe(2);
  });

  it("restores stock once when ten cancellations with different keys race", async () => {
    await seedProduce();
    const order = await placed();
    const results = await Promise.all(Array.from({ length: 10 }, () => cancelOrder(order.reference, order.token)));
    expect(results.some((r) => r.status === 200)).toBe(true);
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    expect(await stockOf("syrup")).toBe(5);
    expect(await countRows("order_events")).toBe(2);
  });

  it("replays a cancellation with the same key and refuses the key for another order", async () => {
    await seedProduce();
    const a = await placed();
    const b = await placed([{ product: "slices", quantity: 1 }]);
    const key = newKey();
    const first = await cancelOrder(a.reference, a.token, key);
    const replay = await cancelOrder(a.reference, a.token, key);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual(await first.json());
    expect((await cancelOrder(b.reference, b.token, key)).status).toBe(422);
    expect(await stockOf("slices")).toBe(9);
  });

  it("answers a wrong token with 404 and changes nothing", async () => {
    await seedProduce();
    const order = await placed();
    const res = await cancelOrder(order.reference, "x".repeat(32));
    expect(res.status).toBe(404);
    expect(await stockOf("syrup")).toBe(3);
  });
});
