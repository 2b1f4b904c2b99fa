import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { as, createAccount, postAs, signIn } from "./accounts";
import { scalar } from "./helpers";
import { checkout, type PlacedBody, postOrder, seedProduce, stockOf } from "./produce";

interface Source {
  addressHash: string;
  orders: number;
  openOrders: number;
  units: number;
  phones: number;
}

const from = (address: string) => ({ "cf-connecting-ip": address, "user-agent": "flood-script/1.0" });

beforeEach(async () => {
  await seedProduce();
  await env.DB.prepare("UPDATE products SET stock = 100 WHERE id = 'slices'").run();
});

describe("staff find and cancel a flood of orders from one source", () => {
  it("groups recent orders by source hash and cancels one source's open orders, audited, stock returned", async () => {
    // A script cycles phones from one address; one real buyer orders from another.
    for (let i = 0; i < 6; i++) {
      const phone = `1360000000${i}`;
      const res = await postOrder(
        checkout([{ product: "slices", quantity: 5 }], { contact: { name: "某", phone } }),
        undefined,
        from("203.0.113.9"),
      );
      expect(res.status).toBe(201);
    }
    const real = await postOrder(checkout([{ product: "slices", quantity: 2 }]), undefined, from("198.51.100.20"));
    const buyer = (await real.json<PlacedBody>()).orders[0];
    expect(await stockOf("slices")).toBe(68);
    // The stored values are salted hashes, never the address or the browser.
    expect(await scalar("SELECT count(*) FROM orders WHERE source_address_hash LIKE '%203.0%'")).toBe(0);
    expect(await scalar("SELECT count(DISTINCT source_address_hash) FROM orders")).toBe(2);

    await createAccount("admin@jinchuan.example", "admin");
    const admin = await signIn("admin@jinchuan.example");
    const list = await as(admin, "/api/dashboard/admin/order-sources?hours=24");
    expect(list.status).toBe(200);
    const { sources } = await list.json<{ sources: Source[] }>();
    expect(sources.map(({ orders, openOrders, units, phones }) => ({ orders, openOrders, units, phones }))).toEqual([
      { orders: 6, openOrders: 6, units: 30, phones: 6 },
      { orders: 1, openOrders: 1, units: 2, phones: 1 },
    ]);
    const flood = sources[0]?.addressHash ?? "";

    const [a, b] = await Promise.all([
      postAs(admin, `/api/dashboard/admin/order-sources/${flood}/cancel`, { hours: 24 }),
      postAs(admin, `/api/dashboard/admin/order-sources/${flood}/cancel`, { hours: 24 }),
    ]);
    const counts = await Promise.all([a, b].map((r) => r.json<{ cancelled: number }>()));
    expect(counts.reduce((n, c) => n + c.cancelled, 0)).toBe(6);
    expect(await stockOf("slices")).toBe(98);
    expect(
      await scalar("SELECT count(*) FROM audit_log WHERE action = 'order.cancel_flood' AND actor_id IS NOT NULL"),
    ).toBe(6);
    expect(await scalar("SELECT count(*) FROM order_events WHERE status = 'cancelled' AND note = 'flood'")).toBe(6);
    // Each buyer is told once, in the batch that cancelled the order, however many staff pressed.
    expect(
      await scalar(
        `SELECT count(DISTINCT order_id) || '/' || count(*) FROM outbox
         WHERE kind = 'order-cancelled-county' AND order_id IN (SELECT id FROM orders WHERE cancel_code = 'flood')`,
      ),
    ).toBe("6/6");

    // The real buyer's order is untouched, and that source can still order.
    expect(await scalar("SELECT status FROM orders WHERE reference = ?", buyer?.reference)).toBe("placed");
    const again = await postOrder(checkout([{ product: "slices", quantity: 1 }]), undefined, from("198.51.100.20"));
    expect(again.status).toBe(201);
  });

  it("is for admins only and refuses a malformed source", async () => {
    await createAccount("li@pear.example.cn", "cooperative", { cooperativeId: "pear-coop" });
    const member = await signIn("li@pear.example.cn");
    expect((await as(member, "/api/dashboard/admin/order-sources")).status).toBe(404);
    await createAccount("admin@jinchuan.example", "admin");
    const admin = await signIn("admin@jinchuan.example");
    const bad = await postAs(admin, "/api/dashboard/admin/order-sources/not-a-hash/cancel", {});
    expect(bad.status).toBe(400);
  });
});
