import { describe, expect, it } from "vitest";
import { createAccount, postAs, signIn } from "./accounts";
import { call } from "./helpers";
import { cancelOrder, checkout, type PlacedBody, postOrder, seedProduce, stockOf } from "./produce";

/**
 * The lifecycle as the cooperative drives it: through the dashboard routes
 * (POST /api/dashboard/orders/:reference/:step), signed in as a member.
 */
async function member() {
  await createAccount("pear@example.cn", "cooperative", { cooperativeId: "pear-coop" });
  return signIn("pear@example.cn");
}

const STEP = { confirmed: "confirm", ready: "ready", shipped: "ship", completed: "complete" } as const;

/** "done" (200), or "not-allowed": 409 for a step the order cannot take now, 400 for a missing reason. */
async function result(res: Promise<Response>) {
  const { status } = await res;
  if (status === 200) return "done";
  if (status === 409 || status === 400) return "not-allowed";
  throw new Error(`unexpected ${status}`);
}

function advanceOrder(cookie: string, reference: string, to: keyof typeof STEP, tracking = "SF1234567890") {
  const body = to === "shipped" ? { tracking } : {};
  return result(postAs(cookie, `/api/dashboard/orders/${reference}/${STEP[to]}`, body));
}

function cancelByCooperative(cookie: string, reference: string, reason: string) {
  return result(postAs(cookie, `/api/dashboard/orders/${reference}/cancel`, { reason }));
}

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
    const coop = await member();
    const o = await place();
    expect(await advanceOrder(coop, o.reference, "confirmed")).toBe("done");
    expect(await advanceOrder(coop, o.reference, "shipped")).toBe("not-allowed");
    expect(await advanceOrder(coop, o.reference, "ready")).toBe("done");
    expect(await advanceOrder(coop, o.reference, "completed")).toBe("done");
    expect(await history(o.reference, o.token)).toEqual({
      status: "completed",
      events: ["placed:buyer", "confirmed:cooperative", "ready:cooperative", "completed:cooperative"],
    });
  });

  it("moves an order once when two steps race", async () => {
    await seedProduce();
    const coop = await member();
    const o = await place();
    const results = await Promise.all([
      advanceOrder(coop, o.reference, "confirmed"),
      advanceOrder(coop, o.reference, "confirmed"),
    ]);
    expect(results.filter((r) => r === "done")).toHaveLength(1);
    expect((await history(o.reference, o.token)).events).toEqual(["placed:buyer", "confirmed:cooperative"]);
  });

  it("stops the buyer cancelling once confirmed; the cooperative can, with a reason, and stock comes back", async () => {
    await seedProduce();
    const coop = await member();
    const o = await place({
      method: "delivery",
      address: { province: "四川省", city: "成都市", district: "锦江区", line: "春熙路 1 号" },
    });
    await advanceOrder(coop, o.reference, "confirmed");
    expect((await cancelOrder(o.reference, o.token)).status).toBe(409);
    expect(await stockOf("syrup")).toBe(3);
    expect(await cancelByCooperative(coop, o.reference, "")).toBe("not-allowed");
    expect(await cancelByCooperative(coop, o.reference, "冰雹损坏了这批梨膏")).toBe("done");
    expect(await cancelByCooperative(coop, o.reference, "again")).toBe("not-allowed");
    expect(await stockOf("syrup")).toBe(5);
    expect(await history(o.reference, o.token)).toEqual({
      status: "cancelled",
      events: ["placed:buyer", "confirmed:cooperative", "cancelled:cooperative:冰雹损坏了这批梨膏"],
    });
  });

  it("keeps shipped orders from being cancelled", async () => {
    await seedProduce();
    const coop = await member();
    const o = await place({
      method: "delivery",
      address: { province: "四川省", city: "成都市", district: "锦江区", line: "春熙路 1 号" },
    });
    await advanceOrder(coop, o.reference, "confirmed");
    expect(await advanceOrder(coop, o.reference, "ready")).toBe("not-allowed");
    expect(await advanceOrder(coop, o.reference, "shipped", "SF1234567890")).toBe("done");
    expect(await cancelByCooperative(coop, o.reference, "too late")).toBe("not-allowed");
    expect(await stockOf("syrup")).toBe(3);
    expect((await history(o.reference, o.token)).events).toEqual([
      "placed:buyer",
      "confirmed:cooperative",
      "shipped:cooperative:SF1234567890",
    ]);
  });
});
