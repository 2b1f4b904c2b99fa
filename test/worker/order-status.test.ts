import { env } from "cloudflare:workers";
import { advanceOrder, cancelByCooperative } from "@functions/produce/order-status";
import { describe, expect, it } from "vitest";
import { call } from "./helpers";
import { cancelOrder, checkout, type PlacedBody, postOrder, seedProduce, stockOf } from "./produce";

async function place(fulfilment?: unknown) {
  const body = checkout([{ product: "syrup", quantity: 2 }], fulfilment ? { fulfilment } : {});
  const order = (await (await postOrder(body)).json<PlacedBody>()).orders[0];
  if (!order) throw new Error("no order");
  return order;
}

async function history(reference: string, token: string) {
  const view = await (await call(`/api/orders/${reference}?token=${token}`)).json<{
    status: string;
    events: Array<{ status: string; actor: string; note: string | null }>;
  }>();
  return { status: view.status, events: view.events.map((e) => `${e.status}:${e.actor}${e.note ? `:${e.note}` : ""}`) };
}

describe("order lifecycle", () => {
  it("goes placed -> confirmed -> ready -> completed for a pickup, recording each step", async () => {
    await seedProduce();
    const o = await place();
    expect(await advanceOrder(env.DB, o.reference, "confirmed")).toBe("done");
    expect(await advanceOrder(env.DB, o.reference, "shipped")).toBe("not-allowed");
    expect(await advanceOrder(env.DB, o.reference, "ready")).toBe("done");
    expect(await advanceOrder(env.DB, o.reference, "completed", "collected")).toBe("done");
    expect(await history(o.reference, o.token)).toEqual({
      status: "completed",
      events: ["placed:buyer", "confirmed:cooperative", "ready:cooperative", "completed:cooperative:collected"],
    });
  });

  it("moves an order once when two steps race", async () => {
    await seedProduce();
    const o = await place();
    const results = await Promise.all([
      advanceOrder(env.DB, o.reference, "confirmed"),
      advanceOrder(env.DB, o.reference, "confirmed"),
    ]);
    expect(results.filter((r) => r === "done")).toHaveLength(1);
    expect((await history(o.reference, o.token)).events).toEqual(["placed:buyer", "confirmed:cooperative"]);
  });

  it("stops the buyer cancelling once confirmed; the cooperative can, with a reason, and stock comes back", async () => {
    await seedProduce();
    const o = await place({
      method: "delivery",
      address: { province: "四川省", city: "成都市", district: "锦江区", line: "春熙路 1 号" },
    });
    await advanceOrder(env.DB, o.reference, "confirmed");
    expect((await cancelOrder(o.reference, o.token)).status).toBe(409);
    expect(await stockOf("syrup")).toBe(3);
    expect(await cancelByCooperative(env.DB, o.reference, "")).toBe("not-allowed");
    expect(await cancelByCooperative(env.DB, o.reference, "冰雹损坏了这批梨膏")).toBe("done");
    expect(await cancelByCooperative(env.DB, o.reference, "again")).toBe("not-allowed");
    expect(await stockOf("syrup")).toBe(5);
    expect(await history(o.reference, o.token)).toEqual({
      status: "cancelled",
      events: ["placed:buyer", "confirmed:cooperative", "cancelled:cooperative:冰雹损坏了这批梨膏"],
    });
  });

  it("keeps shipped orders from being cancelled", async () => {
    await seedProduce();
    const o = await place({
      method: "delivery",
      address: { province: "四川省", city: "成都市", district: "锦江区", line: "春熙路 1 号" },
    });
    await advanceOrder(env.DB, o.reference, "confirmed");
    expect(await advanceOrder(env.DB, o.reference, "shipped")).toBe("done");
    expect(await cancelByCooperative(env.DB, o.reference, "too late")).toBe("not-allowed");
    expect(await stockOf("syrup")).toBe(3);
  });
});
