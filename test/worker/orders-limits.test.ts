import { env } from "cloudflare:workers";
import { housekeeping } from "@functions/housekeeping";
import { ALL_YEAR } from "@functions/produce/season";
import { beforeEach, describe, expect, it } from "vitest";
import { county } from "../../county.config";
import { scalar } from "./helpers";
import { checkout, type PlacedBody, postOrder, seedProduce, stockOf } from "./produce";

const limits = county.orderLimits;
const hoursLater = (n: number) => new Date(Date.now() + n * 3_600_000);
const buyer = (phone: string) => ({ contact: { name: "王五", phone } });
const EN = { "accept-language": "en" };

interface Problem {
  errors?: Array<{ field: string; message: string }>;
  detail: string;
  lines?: unknown[];
}

beforeEach(async () => {
  await seedProduce();
  // A festival's shelf: 80 jars of pear syrup, as in the county's first attack test.
  await env.DB.prepare(
    `INSERT INTO products (id, cooperative_id, category, name_zh, name_en, unit_zh, unit_en, price_fen, stock, season_months)
     VALUES ('festival-syrup', 'pear-coop', 'pear-syrup', '节庆梨膏', 'Festival syrup', '瓶', 'jar', 3000, 80, ?),
            ('small-batch', 'pear-coop', 'pear-syrup', '小批梨膏', 'Small batch', '瓶', 'jar', 3000, 40, ?)`,
  )
    .bind(ALL_YEAR, ALL_YEAR)
    .run();
});

describe("order limits per request", () => {
  it("refuses too many units of one product, too many in all, and a large share of the stock, writing nothing", async () => {
    const tooMany = await postOrder(checkout([{ product: "festival-syrup", quantity: 21 }]), undefined, EN);
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json<Problem>()).errors).toEqual([
      {
        field: "items.0.quantity",
        message: `At most ${limits.maxUnitsPerLine} of one product can be ordered at once.`,
      },
    ]);

    const inAll = await postOrder(
      checkout([
        { product: "festival-syrup", quantity: 20 },
        { product: "small-batch", quantity: 10 },
        { product: "slices", quantity: 10 },
        { product: "syrup", quantity: 1 },
      ]),
    );
    expect(inAll.status).toBe(400);
    expect((await inAll.json<Problem>()).errors?.[0]?.message).toBe(
      "一次订单的商品总数最多 40 件。需要更多请直接联系合作社。",
    );

    // 40 in stock, a quarter of it is 10.
    const share = await postOrder(checkout([{ product: "small-batch", quantity: 15 }]), undefined, EN);
    expect(share.status).toBe(409);
    const problem = await share.json<Problem>();
    expect(problem.lines).toEqual([{ index: 0, product: "small-batch", reason: "share", available: 10 }]);
    expect(problem.errors?.[0]?.message).toContain("at most 10");
    expect(await scalar("SELECT count(*) FROM orders")).toBe(0);
    expect(await stockOf("small-batch")).toBe(40);
  });

  it("refuses a line break in a single-line field of the delivery address", async () => {
    const res = await postOrder(
      checkout([{ product: "syrup", quantity: 1 }], {
        fulfilment: {
          method: "delivery",
          address: {
            province: "四川省",
            city: "成都市\r\nBcc: x@example.com",
            district: "武侯区",
            line: "梨花街 8 号",
          },
        },
      }),
    );
    expect(res.status).toBe(400);
    expect((await res.json<Problem>()).errors).toEqual([
      { field: "fulfilment.address.city", message: "请写在一行内，不要换行。" },
    ]);
  });
});

describe("order limits per phone", () => {
  it("lets 100 racing checkouts from one phone take at most its limit, while another buyer still orders", async () => {
    const line = [{ product: "festival-syrup", quantity: 4 }];
    const flood = Array.from({ length: 100 }, (_, i) =>
      // The same phone written in different ways counts as one.
      postOrder(checkout(line, buyer(i % 2 ? "+86 139-1111-2222" : "13911112222"))),
    );
    const neighbour = postOrder(checkout([{ product: "festival-syrup", quantity: 2 }], buyer("13733334444")));
    const [results, other] = await Promise.all([Promise.all(flood), neighbour]);
    expect(other.status).toBe(201);
    const won = results.filter((r) => r.status === 201).length;
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const held = await scalar(
      `SELECT coalesce(sum(l.quantity), 0) FROM order_lines l JOIN orders o ON o.id = l.order_id
       WHERE o.phone_key = '13911112222'`,
    );
    expect(held).toBeLessThanOrEqual(limits.maxUnitsPerProductPerPhone);
    expect(won).toBeLessThanOrEqual(limits.maxOpenOrdersPerPhone);
    expect(held).toBe(won * 4);
    expect(won).toBeGreaterThan(0);
    expect(await stockOf("festival-syrup")).toBe(80 - held - 2);
  }, 60_000);

  it("names the limit once a phone holds its share, and frees it when an order is cancelled", async () => {
    for (let i = 0; i < 4; i++) {
      expect(
        (await postOrder(checkout([{ product: "festival-syrup", quantity: 6 }], buyer("13911112222")))).status,
      ).toBe(201);
    }
    const res = await postOrder(
      checkout([{ product: "festival-syrup", quantity: 1 }], buyer("13911112222")),
      undefined,
      EN,
    );
    expect(res.status).toBe(409);
    expect((await res.json<Problem>()).errors?.[0]?.message).toBe(
      "This phone number already holds 24 of “Festival syrup” in orders in progress; the most is 24. Please contact the cooperative.",
    );
    await env.DB.prepare("UPDATE orders SET status = 'completed' WHERE id = 1").run();
    expect((await postOrder(checkout([{ product: "festival-syrup", quantity: 6 }], buyer("13911112222")))).status).toBe(
      201,
    );
  });
});

describe("held and expired orders", () => {
  it("holds a large order for a shorter time, and housekeeping returns the stock of unconfirmed orders", async () => {
    const large = await postOrder(checkout([{ product: "festival-syrup", quantity: 12 }], buyer("13911112222")));
    const small = await postOrder(checkout([{ product: "festival-syrup", quantity: 2 }], buyer("13733334444")));
    const confirmed = await postOrder(checkout([{ product: "festival-syrup", quantity: 3 }], buyer("13655556666")));
    const [l, s, c] = await Promise.all([large, small, confirmed].map((r) => r.json<PlacedBody>()));
    expect(l?.orders[0]).toMatchObject({ status: "placed", held: true });
    expect(s?.orders[0]).toMatchObject({ held: false });
    await env.DB.prepare("UPDATE orders SET status = 'confirmed' WHERE reference = ?")
      .bind(c?.orders[0]?.reference)
      .run();
    expect(await stockOf("festival-syrup")).toBe(63);

    expect((await housekeeping(env, hoursLater(limits.expireHeldAfterHours - 1))).expiredOrders).toBe(0);
    // Two runs at once (a retried cron): the stock comes back once.
    const [first, second] = await Promise.all([
      housekeeping(env, hoursLater(limits.expireHeldAfterHours + 1)),
      housekeeping(env, hoursLater(limits.expireHeldAfterHours + 1)),
    ]);
    expect(first.expiredOrders + second.expiredOrders).toBe(1);
    expect(await stockOf("festival-syrup")).toBe(75);

    expect((await housekeeping(env, hoursLater(limits.expireAfterHours + 1))).expiredOrders).toBe(1);
    expect(await stockOf("festival-syrup")).toBe(77);
    const rows = await env.DB.prepare(
      `SELECT o.status, o.cancel_code AS code, (SELECT group_concat(e.actor || ':' || e.note) FROM order_events e
         WHERE e.order_id = o.id AND e.status = 'cancelled') AS event,
         (SELECT count(*) FROM audit_log a WHERE a.action = 'order.expire' AND a.target_id = CAST(o.id AS TEXT)) AS audits
       FROM orders o ORDER BY o.id`,
    ).all();
    expect(rows.results).toEqual([
      { status: "cancelled", code: "expired", event: "county:expired", audits: 1 },
      { status: "cancelled", code: "expired", event: "county:expired", audits: 1 },
      { status: "confirmed", code: null, event: null, audits: 0 },
    ]);
  });
});
