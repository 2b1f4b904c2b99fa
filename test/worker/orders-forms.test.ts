import { decodeHandover } from "@functions/produce/order-handover";
import { describe, expect, it } from "vitest";
import { call } from "./helpers";
import { countRows, seedProduce, stockOf } from "./produce";

/** The checkout page's form, as a browser without JavaScript would send it. */
function form(fields: Record<string, string>, origin = "http://localhost", path = "/api/orders") {
  return call(path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
}

const FIELDS = {
  idempotencyKey: "form-key-0001",
  "items[0][product]": "syrup",
  "items[0][quantity]": "2",
  // A product the buyer left at zero or empty is simply not ordered.
  "items[1][product]": "wine",
  "items[1][quantity]": "0",
  "items[2][product]": "juice",
  "items[2][quantity]": "",
  "fulfilment[method]": "pickup",
  "fulfilment[point]": "visitor-centre",
  "contact[name]": "Li Wei",
  "contact[phone]": "13800000000",
  "contact[email]": "",
};

describe("checkout as an HTML form", () => {
  it("places the order and answers 303 to the confirmation page, tokens in a one-time cookie", async () => {
    await seedProduce();
    const res = await form(FIELDS, "http://localhost", "/api/orders?lang=en");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/en/orders/placed/");
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(
      /^portal_new_orders=[2-9A-Z]{8}\.[\w.-]{16,}; Max-Age=600; Path=\/; HttpOnly; SameSite=Strict/,
    );
    expect(await stockOf("syrup")).toBe(3);
    expect([await stockOf("wine"), await stockOf("juice")]).toEqual([3, 10]);
  });

  it("replays a resubmitted form with the hidden key instead of ordering twice", async () => {
    await seedProduce();
    const first = await form(FIELDS);
    const again = await form(FIELDS);
    expect(again.status).toBe(303);
    expect(again.headers.get("set-cookie")).toBe(first.headers.get("set-cookie"));
    expect(await countRows("orders")).toBe(1);
  });

  it("refuses a form posted from another site with 403 and writes nothing", async () => {
    await seedProduce();
    const res = await form(FIELDS, "https://evil.example");
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await countRows("orders")).toBe(0);
  });

  it("shows a readable error page listing what to fix when no form page sent it", async () => {
    await seedProduce();
    const res = await form({ ...FIELDS, "contact[phone]": "abc" }, "http://localhost", "/api/orders?lang=en");
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain("Enter a phone number");
    expect(page).not.toContain("contact.phone");
    expect(await countRows("orders")).toBe(0);
  });

  it("cancels by form and returns to the order page", async () => {
    await seedProduce();
    const placed = await form(FIELDS);
    const pair = (placed.headers.get("set-cookie") ?? "").split(";")[0]?.split("=")[1] ?? "";
    const [{ reference, token } = { reference: "", token: "" }] = decodeHandover(pair);
    const res = await form(
      { token: token ?? "", idempotencyKey: "form-cancel-0001" },
      "http://localhost",
      `/api/orders/${reference}/cancel`,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/orders/?reference=${reference}&token=${token}`);
    expect(await stockOf("syrup")).toBe(5);
  });
});
