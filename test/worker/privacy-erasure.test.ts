import { env } from "cloudflare:workers";
import { housekeeping } from "@functions/housekeeping";
import { describe, expect, it } from "vitest";
import { county } from "../../county.config";
import { call, inDays, postJson, scalar, seedCampsites, stay } from "./helpers";
import { CONTACT, checkout, type PlacedBody, postOrder, seedProduce } from "./produce";

const DAY = 86_400_000;
const days = county.privacy.contactRetentionDays;
const inFuture = (n: number) => new Date(Date.now() + n * DAY);

async function book(checkIn: string, nights = 2) {
  const res = await postJson(
    "/api/bookings",
    stay({ checkIn, nights, contact: { name: "王芳", phone: "13800000000", email: "wf@example.com" }, notes: "晚到" }),
  );
  expect(res.status).toBe(201);
  return (await res.json()) as { reference: string; token: string };
}

async function queueMessage(column: "booking_id" | "order_id", id: number, status = "sent") {
  await env.DB.prepare(
    `INSERT INTO outbox (channel, recipient, kind, lang, params, ${column}, status, due_at)
     VALUES ('sms', '13800000000', 'recovery', 'zh-CN', '{"ref":"X"}', ?, ?, '2026-01-01T00:00:00.000Z')`,
  )
    .bind(id, status)
    .run();
}

describe("contact details are erased when the privacy page says", () => {
  it("erases a stay's guest details the configured number of days after it ended, and its messages' recipients", async () => {
    await seedCampsites();
    const ended = await book(inDays(1), 2); // ends at inDays(3)
    const later = await book(inDays(5), 2); // ends at inDays(7)
    const endedId = await scalar("SELECT id FROM bookings WHERE reference = ?", ended.reference);
    await queueMessage("booking_id", endedId);
    await queueMessage("booking_id", endedId, "pending");

    // One day short of the retention period after the first stay ended: nothing yet.
    expect(await housekeeping(env, inFuture(3 + days - 1))).toMatchObject({ erasedBookings: 0 });
    expect(await scalar("SELECT contact_phone FROM bookings WHERE id = ?", endedId)).toBe("13800000000");

    expect(await housekeeping(env, inFuture(3 + days + 1))).toMatchObject({ erasedBookings: 1 });
    const row = await env.DB.prepare(
      "SELECT contact_name, contact_phone, contact_email, notes, erased_at, total_fen, nights FROM bookings WHERE id = ?",
    )
      .bind(endedId)
      .first<Record<string, unknown>>();
    expect(row).toMatchObject({ contact_name: "", contact_phone: "", contact_email: null, notes: null, nights: 2 });
    expect(row?.erased_at).toEqual(expect.any(String));
    expect(row?.total_fen).toBeGreaterThan(0);
    expect(await scalar("SELECT contact_phone FROM bookings WHERE reference = ?", later.reference)).toBe("13800000000");

    const messages = await env.DB.prepare(
      "SELECT recipient, params, status, last_error FROM outbox WHERE kind = 'recovery' ORDER BY id",
    ).all();
    expect(messages.results).toEqual([
      { recipient: "", params: "{}", status: "sent", last_error: null },
      { recipient: "", params: "{}", status: "failed", last_error: "erased" },
    ]);

    // The guest's own page still opens, without what was erased.
    const page = await call(`/api/bookings/${ended.reference}?token=${ended.token}`);
    expect(page.status).toBe(200);
    expect(JSON.stringify(await page.json())).not.toContain("13800000000");
    // A second run finds nothing more to do.
    expect(await housekeeping(env, inFuture(3 + days + 2))).toMatchObject({ erasedBookings: 0 });
  });

  it("erases a cancelled booking's details the configured number of days after the cancellation", async () => {
    await seedCampsites();
    const b = await book(inDays(30), 1);
    const cancel = await postJson(`/api/bookings/${b.reference}/cancel`, { token: b.token });
    expect(cancel.status).toBe(200);
    expect(await housekeeping(env, inFuture(days - 1))).toMatchObject({ erasedBookings: 0 });
    expect(await housekeeping(env, inFuture(days + 1))).toMatchObject({ erasedBookings: 1 });
    expect(await scalar("SELECT contact_name FROM bookings WHERE reference = ?", b.reference)).toBe("");
  });

  it("erases a closed order's buyer and street address, never an open one's", async () => {
    await seedProduce();
    const delivery = {
      method: "delivery",
      address: { province: "四川省", city: "成都市", district: "武侯区", line: "人民南路 1 号", postcode: "610041" },
    };
    const res = await postOrder(checkout([{ product: "syrup", quantity: 1 }], { fulfilment: delivery }));
    const placed = (await res.json()) as PlacedBody;
    expect(res.status, JSON.stringify(placed)).toBe(201);
    const reference = placed.orders[0]?.reference;
    const open = await postOrder(checkout([{ product: "syrup", quantity: 1 }]));
    const openRef = ((await open.json()) as PlacedBody).orders[0]?.reference;
    await env.DB.prepare("UPDATE orders SET status = 'completed' WHERE reference = ?").bind(reference).run();
    const orderId = await scalar("SELECT id FROM orders WHERE reference = ?", reference);
    await queueMessage("order_id", orderId);

    expect(await housekeeping(env, inFuture(days - 1))).toMatchObject({ erasedOrders: 0 });
    expect(await housekeeping(env, inFuture(days + 1))).toMatchObject({ erasedOrders: 1 });
    const row = await env.DB.prepare(
      "SELECT contact_name, contact_phone, notes, province, city, district, address_line, postcode, total_fen FROM orders WHERE id = ?",
    )
      .bind(orderId)
      .first<Record<string, unknown>>();
    expect(row).toMatchObject({
      contact_name: "",
      contact_phone: "",
      province: "四川省",
      city: "成都市",
      district: null,
      address_line: "",
      postcode: null,
    });
    expect(await scalar("SELECT recipient FROM outbox WHERE order_id = ?", orderId)).toBe("");
    expect(await scalar("SELECT contact_phone FROM orders WHERE reference = ?", openRef)).toBe(CONTACT.phone);
  });
});
