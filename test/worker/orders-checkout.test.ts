import { describe, expect, it } from "vitest";
import { call } from "./helpers";
import { checkout, countRows, type PlacedBody, postOrder, seedProduce, stockOf } from "./produce";

describe("POST /api/orders", () => {
  it("places one order per cooperative with prices and totals from the database", async () => {
    await seedProduce();
    const res = await postOrder(
      checkout([
        { product: "syrup", quantity: 2 },
        { product: "wine", quantity: 1 },
        { product: "slices", quantity: 3 },
      ]),
    );
    expect(res.status).toBe(201);
    const body = await res.json<PlacedBody>();
    expect(body.orders.map((o) => [o.cooperative, o.total, o.status])).toEqual([
      ["pear-coop", 2 * 4800 + 3 * 2600, "placed"],
      ["wine-coop", 6800, "placed"],
    ]);
    expect(body.total).toBe(2 * 4800 + 3 * 2600 + 6800);
    for (const o of body.orders) {
      expect(o.reference).toMatch(/^[2-9A-HJKMNP-TV-Z]{8}$/);
      expect(o.token.length).toBeGreaterThanOrEqual(16);
    }
    expect([await stockOf("syrup"), await stockOf("wine"), await stockOf("slices")]).toEqual([3, 2, 7]);
    expect(await countRows("order_events")).toBe(2);
  });

  it("ignores prices sent by the buyer", async () => {
    await seedProduce();
    const body = checkout([{ product: "syrup", quantity: 1, price: 1 } as never], { total: 1 });
    const res = await postOrder(body);
    expect(res.status).toBe(201);
    expect((await res.json<PlacedBody>()).orders[0]?.total).toBe(4800);
  });

  it("sells exactly the stock when 20 buyers race for 5 jars", async () => {
    await seedProduce();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => postOrder(checkout([{ product: "syrup", quantity: 1 }]))),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(15);
    expect(await stockOf("syrup")).toBe(0);
    expect(await countRows("orders")).toBe(5);
  });

  it("sells exactly the stock when 50 buyers race for 5 jars, never below zero", async () => {
    await seedProduce();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => postOrder(checkout([{ product: "syrup", quantity: 1 + (i % 2) }]))),
    );
    const sold = await Promise.all(
      results.filter((r) => r.status === 201).map(async (r) => (await r.json<PlacedBody>()).orders[0]?.total ?? 0),
    );
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    expect(sold.reduce((a, b) => a + b, 0) / 4800).toBe(5);
    expect(await stockOf("syrup")).toBe(0);
  });

  it("keeps two-cooperative checkouts all or nothing when they race for scarce wine", async () => {
    await seedProduce();
    const lines = [
      { product: "syrup", quantity: 1 },
      { product: "wine", quantity: 1 },
    ];
    // Ten buyers, ten phones: one phone's limits are tested in orders-limits.test.ts.
    const buyer = (i: number) => ({ contact: { name: "张三", phone: `1380000001${i}` } });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => postOrder(checkout(lines, buyer(i)))));
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    // Losers took no syrup: each failed batch left the other cooperative's line out too.
    expect([await stockOf("syrup"), await stockOf("wine")]).toEqual([2, 0]);
    expect(await countRows("orders")).toBe(6);
  });

  it("writes nothing when one line of a two-cooperative checkout is short, and names that line", async () => {
    await seedProduce();
    const res = await postOrder(
      checkout([
        { product: "syrup", quantity: 2 },
        { product: "wine", quantity: 4 },
      ]),
      undefined,
      { "accept-language": "en" },
    );
    expect(res.status).toBe(409);
    const problem = await res.json<{ lines: unknown[]; errors: Array<{ field: string; message: string }> }>();
    expect(problem.lines).toEqual([{ index: 1, product: "wine", reason: "short", available: 3 }]);
    expect(problem.errors).toEqual([{ field: "items.1.quantity", message: "Only 3 left of “wine (English)”." }]);
    expect([await stockOf("syrup"), await stockOf("wine")]).toEqual([5, 3]);
    expect(await countRows("orders")).toBe(0);
    expect(await countRows("idempotency_keys")).toBe(0);
  });

  it("names short lines in Chinese by default", async () => {
    await seedProduce();
    const res = await postOrder(checkout([{ product: "wine", quantity: 9 }]));
    const problem = await res.json<{ errors: Array<{ message: string }> }>();
    expect(problem.errors[0]?.message).toBe("“wine（中文）”只剩 3 件。");
  });

  it.each([
    ["an inactive product", "hidden", "unavailable"],
    ["an out-of-season product", "spring-tea", "out-of-season"],
    ["a product of an unverified cooperative", "walnuts", "unavailable"],
  ])("refuses %s with 409 and writes nothing", async (_, product, reason) => {
    await seedProduce();
    const res = await postOrder(checkout([{ product, quantity: 1 }]));
    expect(res.status).toBe(409);
    expect((await res.json<{ lines: Array<{ reason: string }> }>()).lines[0]?.reason).toBe(reason);
    expect(await countRows("orders")).toBe(0);
    expect(await stockOf(product)).toBe(10);
  });

  it("refuses a sold-out product", async () => {
    await seedProduce();
    await postOrder(checkout([{ product: "wine", quantity: 3 }]));
    const res = await postOrder(checkout([{ product: "wine", quantity: 1 }]));
    expect(res.status).toBe(409);
    expect((await res.json<{ lines: Array<{ reason: string }> }>()).lines[0]?.reason).toBe("sold-out");
  });

  it("delivers within China to an address", async () => {
    await seedProduce();
    const address = {
      province: "四川省",
      city: "成都市",
      district: "武侯区",
      line: "人民南路四段 1 号",
      postcode: "610041",
    };
    const res = await postOrder(
      checkout([{ product: "juice", quantity: 2 }], { fulfilment: { method: "delivery", address } }),
    );
    expect(res.status).toBe(201);
    const { orders } = await res.json<PlacedBody>();
    const order = orders[0];
    const view = await call(`/api/orders/${order?.reference}?token=${order?.token}&lang=en`);
    expect(await view.json()).toMatchObject({
      status: "placed",
      total: 11200,
      fulfilment: { method: "delivery", address: { city: "成都市", postcode: "610041" } },
      lines: [{ product: "juice", quantity: 2, price: 5600, subtotal: 11200 }],
      events: [{ status: "placed", actor: "buyer" }],
    });
  });
});

describe("POST /api/orders with bad input", () => {
  it("answers 400 with per-field messages and writes nothing", async () => {
    await seedProduce();
    const res = await postOrder(
      {
        items: [
          { product: "syrup", quantity: 0 },
          { product: "wine", quantity: 100 },
          { product: "Bad Id!", quantity: 1.5 },
        ],
        fulfilment: { method: "drone" },
        contact: { name: "", phone: "call me", email: "nope" },
      },
      undefined,
      { "accept-language": "en" },
    );
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const { errors } = await res.json<{ errors: Array<{ field: string; message: string }> }>();
    const fields = Object.fromEntries(errors.map((e) => [e.field, e.message]));
    expect(fields["items.0.quantity"]).toBe("Quantity must be a whole number of 1 or more.");
    expect(fields["items.1.quantity"]).toBe("At most 20 of one product can be ordered at once.");
    expect(fields["items.2.product"]).toBe("This is not a valid product.");
    expect(fields["items.2.quantity"]).toBeDefined();
    expect(fields.fulfilment ?? fields["fulfilment.method"]).toBe("Choose pickup or delivery.");
    expect(fields["contact.phone"]).toMatch(/phone number/);
    expect(fields["contact.email"]).toBe("Enter a valid email address.");
    expect(await countRows("orders")).toBe(0);
    expect(await stockOf("syrup")).toBe(5);
  });

  it("refuses duplicate lines, unknown products and empty carts with 400", async () => {
    await seedProduce();
    const dup = await postOrder(
      checkout([
        { product: "syrup", quantity: 1 },
        { product: "syrup", quantity: 1 },
      ]),
    );
    expect(dup.status).toBe(400);
    const unknown = await postOrder(checkout([{ product: "no-such-thing", quantity: 1 }]));
    expect(unknown.status).toBe(400);
    expect((await unknown.json<{ errors: Array<{ field: string }> }>()).errors[0]?.field).toBe("items.0.product");
    expect((await postOrder(checkout([]))).status).toBe(400);
  });

  it("refuses a closed pickup point and a cooperative's own point for another cooperative's goods", async () => {
    await seedProduce();
    const closed = await postOrder(
      checkout([{ product: "syrup", quantity: 1 }], { fulfilment: { method: "pickup", point: "closed-point" } }),
    );
    expect(closed.status).toBe(400);
    const mixed = await postOrder(
      checkout(
        [
          { product: "syrup", quantity: 1 },
          { product: "wine", quantity: 1 },
        ],
        { fulfilment: { method: "pickup", point: "pear-shop" } },
      ),
    );
    expect(mixed.status).toBe(400);
    expect((await mixed.json<{ errors: Array<{ field: string }> }>()).errors[0]?.field).toBe("fulfilment.point");
    const own = await postOrder(
      checkout([{ product: "syrup", quantity: 1 }], { fulfilment: { method: "pickup", point: "pear-shop" } }),
    );
    expect(own.status).toBe(201);
  });

  it("requires an Idempotency-Key", async () => {
    await seedProduce();
    const res = await postOrder(checkout([{ product: "syrup", quantity: 1 }]), null);
    expect(res.status).toBe(400);
    expect((await res.json<{ errors: Array<{ field: string }> }>()).errors[0]?.field).toBe("Idempotency-Key");
    expect(await countRows("orders")).toBe(0);
  });

  it("answers malformed JSON with 400, never 500", async () => {
    const res = await call("/api/orders", {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": "abcdefgh1" },
      body: "{items:",
    });
    expect(res.status).toBe(400);
  });
});
