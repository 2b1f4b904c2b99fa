import { env } from "cloudflare:workers";
import { exifOrientation } from "@functions/lib/image-metadata";
import { beforeEach, describe, expect, it } from "vitest";
import { jpegWithMetadata, leaks, PNG_8X8, pngWithMetadata } from "../fixtures/images";
import { as, createAccount, postAs, signIn, snapshot } from "./accounts";
import { scalar } from "./helpers";
import { checkout, type PlacedBody, postOrder, seedProduce, stockOf } from "./produce";

let member: string;
beforeEach(async () => {
  await seedProduce();
  await createAccount("pear@example.cn", "cooperative", { cooperativeId: "pear-coop" });
  member = await signIn("pear@example.cn");
});

const newProduct = (overrides: Record<string, unknown> = {}) => ({
  id: "pear-candy",
  category: "dried-candied",
  nameZh: "梨糖",
  nameEn: "Pear candy",
  unitZh: "袋",
  unitEn: "bag",
  priceYuan: "18.50",
  stock: 20,
  ...overrides,
});

async function placeOrder(items: Array<{ product: string; quantity: number }>, fulfilment?: unknown) {
  const res = await postOrder(checkout(items, fulfilment ? { fulfilment } : {}));
  expect(res.status).toBe(201);
  return (await res.json<PlacedBody>()).orders[0]?.reference ?? "";
}

describe("products", () => {
  it("adds a product that buyers can then order, with an audit entry", async () => {
    const res = await postAs(member, "/api/dashboard/cooperatives/pear-coop/products", newProduct({ months: [] }));
    expect(res.status).toBe(201);
    expect(
      await scalar("SELECT price_fen || '/' || stock || '/' || season_months FROM products WHERE id = 'pear-candy'"),
    ).toBe("1850/20/4095");
    expect(await placeOrder([{ product: "pear-candy", quantity: 2 }])).toMatch(/^[2-9A-Z]{8}$/);
    expect(await stockOf("pear-candy")).toBe(18);
    expect(await scalar("SELECT count(*) FROM audit_log WHERE action = 'product.create'")).toBe(1);
  });

  it("edits, takes off sale and puts back on sale", async () => {
    const edit = await postAs(member, "/api/dashboard/products/syrup", {
      ...newProduct({ id: undefined, stock: undefined }),
      months: [9, 10, 11],
    });
    expect(edit.status).toBe(200);
    expect(await scalar("SELECT name_en || ' ' || season_months FROM products WHERE id = 'syrup'")).toBe(
      `Pear candy ${(1 << 8) | (1 << 9) | (1 << 10)}`,
    );
    expect((await postAs(member, "/api/dashboard/products/syrup/deactivate")).status).toBe(200);
    expect(await scalar("SELECT active FROM products WHERE id = 'syrup'")).toBe(0);
    expect((await postAs(member, "/api/dashboard/products/syrup/activate")).status).toBe(200);
    expect(await scalar("SELECT active FROM products WHERE id = 'syrup'")).toBe(1);
  });

  it("adjusts stock by a difference and never below zero", async () => {
    const up = await postAs(member, "/api/dashboard/products/syrup/stock", { change: 7, reason: "新熬一锅" });
    expect(await up.json()).toMatchObject({ stock: 12 });
    const before = await snapshot();
    const below = await postAs(
      member,
      "/api/dashboard/products/syrup/stock",
      { change: -13 },
      { "accept-language": "en" },
    );
    expect(below.status).toBe(409);
    expect((await below.json<{ detail: string }>()).detail).toContain("12");
    expect(await snapshot()).toEqual(before);
    expect((await postAs(member, "/api/dashboard/products/syrup/stock", { change: 0 })).status).toBe(400);
    const entry = await env.DB.prepare("SELECT before, after FROM audit_log WHERE action = 'product.stock'").first<{
      before: string;
      after: string;
    }>();
    expect(JSON.parse(entry?.before ?? "")).toEqual({ stock: 5 });
    expect(JSON.parse(entry?.after ?? "")).toEqual({ change: 7, reason: "新熬一锅" });
  });

  it("keeps a concurrent order and a stock adjustment both", async () => {
    await Promise.all([
      postOrder(checkout([{ product: "syrup", quantity: 2 }])),
      postAs(member, "/api/dashboard/products/syrup/stock", { change: 10 }),
    ]);
    expect(await stockOf("syrup")).toBe(13);
  });

  it("sets stock to a counted number, audited, and refuses a bad count writing nothing", async () => {
    const res = await postAs(member, "/api/dashboard/products/syrup/stock-count", {
      count: 9,
      seen: 5,
      reason: "盘点",
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: "syrup", stock: 9 });
    expect(await stockOf("syrup")).toBe(9);
    const entry = await env.DB.prepare(
      "SELECT before, after FROM audit_log WHERE action = 'product.stock_count'",
    ).first<{ before: string; after: string }>();
    expect(JSON.parse(entry?.before ?? "")).toEqual({ stock: 5 });
    expect(JSON.parse(entry?.after ?? "")).toEqual({ count: 9, seen: 5, reason: "盘点" });

    const audits = await scalar("SELECT count(*) FROM audit_log");
    for (const body of [
      { count: -1, seen: 9 },
      { count: 2.5, seen: 9 },
      { count: "many", seen: 9 },
      { count: 3 },
      {},
    ]) {
      const bad = await postAs(member, "/api/dashboard/products/syrup/stock-count", body, { "accept-language": "en" });
      expect(bad.status, JSON.stringify(body)).toBe(400);
    }
    expect(await stockOf("syrup")).toBe(9);
    expect(await scalar("SELECT count(*) FROM audit_log")).toBe(audits);
  });

  it("keeps an order placed while the shelf was counted, and never goes below zero", async () => {
    // The page showed 5; an order for 2 races the count of 12 jars: whichever lands first, 10 remain to sell.
    const [order, count] = await Promise.all([
      postOrder(checkout([{ product: "syrup", quantity: 2 }])),
      postAs(member, "/api/dashboard/products/syrup/stock-count", { count: 12, seen: 5 }),
    ]);
    expect(order.status).toBe(201);
    expect(count.status).toBe(200);
    expect(await stockOf("syrup")).toBe(10);

    // Counted 1 against a page that showed 10, after an order took 2 more: 1 - 10 + 8 < 0 is refused.
    expect((await postOrder(checkout([{ product: "syrup", quantity: 2 }]))).status).toBe(201);
    const audits = await scalar("SELECT count(*) FROM audit_log");
    const below = await postAs(
      member,
      "/api/dashboard/products/syrup/stock-count",
      { count: 1, seen: 10 },
      { "accept-language": "en" },
    );
    expect(below.status).toBe(409);
    expect((await below.json<{ detail: string }>()).detail).toContain("8");
    expect(await stockOf("syrup")).toBe(8);
    expect(await scalar("SELECT count(*) FROM audit_log")).toBe(audits);
  });
});

describe("orders", () => {
  it("confirms a pickup order and marks it ready; the buyer sees each step", async () => {
    const ref = await placeOrder([{ product: "syrup", quantity: 1 }]);
    const open = await (await as(member, "/api/dashboard/cooperatives/pear-coop/orders")).json<
      Array<{ reference: string; linesZh: string }>
    >();
    expect(open.map((o) => o.reference)).toEqual([ref]);
    expect(open[0]?.linesZh).toBe("syrup（中文） × 1");
    expect((await postAs(member, `/api/dashboard/orders/${ref}/ship`, { tracking: "SF1" })).status).toBe(409);
    expect((await postAs(member, `/api/dashboard/orders/${ref}/ready`)).status).toBe(409);
    expect((await postAs(member, `/api/dashboard/orders/${ref}/confirm`)).status).toBe(200);
    expect((await postAs(member, `/api/dashboard/orders/${ref}/ready`)).status).toBe(200);
    expect((await postAs(member, `/api/dashboard/orders/${ref}/complete`)).status).toBe(200);
    const events = (await env.DB.prepare("SELECT status, actor FROM order_events ORDER BY id").all()).results;
    expect(events).toEqual([
      { status: "placed", actor: "buyer" },
      { status: "confirmed", actor: "cooperative" },
      { status: "ready", actor: "cooperative" },
      { status: "completed", actor: "cooperative" },
    ]);
    expect(await scalar("SELECT count(*) FROM audit_log WHERE target_type = 'order'")).toBe(3);
  });

  it("ships a delivery order with its tracking number", async () => {
    const ref = await placeOrder([{ product: "syrup", quantity: 1 }], {
      method: "delivery",
      address: { province: "四川省", city: "成都市", district: "武侯区", line: "人民南路 1 号" },
    });
    await postAs(member, `/api/dashboard/orders/${ref}/confirm`);
    expect((await postAs(member, `/api/dashboard/orders/${ref}/ship`, {})).status).toBe(400);
    expect((await postAs(member, `/api/dashboard/orders/${ref}/ship`, { tracking: "SF1234567890" })).status).toBe(200);
    const order = await (await as(member, `/api/dashboard/orders/${ref}`)).json<{ status: string; tracking: string }>();
    expect(order).toMatchObject({ status: "shipped", tracking: "SF1234567890" });
  });

  it("cancels with a reason, gives the stock back once, and not after the goods are ready", async () => {
    const ref = await placeOrder([{ product: "syrup", quantity: 3 }]);
    expect(await stockOf("syrup")).toBe(2);
    expect((await postAs(member, `/api/dashboard/orders/${ref}/cancel`, {})).status).toBe(400);
    const results = await Promise.all(
      [1, 2].map(() => postAs(member, `/api/dashboard/orders/${ref}/cancel`, { reason: "梨膏受潮" })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await stockOf("syrup")).toBe(5);
    expect(await scalar("SELECT cancel_reason FROM orders")).toBe("梨膏受潮");
    const other = await placeOrder([{ product: "syrup", quantity: 1 }]);
    await postAs(member, `/api/dashboard/orders/${other}/confirm`);
    await postAs(member, `/api/dashboard/orders/${other}/ready`);
    expect((await postAs(member, `/api/dashboard/orders/${other}/cancel`, { reason: "x" })).status).toBe(409);
  });

  it("exports orders as CSV for Excel and sums sales per week", async () => {
    const ref = await placeOrder([{ product: "syrup", quantity: 2 }]);
    await placeOrder([{ product: "slices", quantity: 1 }]);
    const csv = await as(member, "/api/dashboard/cooperatives/pear-coop/orders.csv");
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split("\r\n");
    expect(lines[0]).toContain('"订单号","下单时间（UTC）","状态"');
    expect(
      lines.some((l) => l.startsWith(`"${ref}"`) && l.includes('"96.00"') && l.includes("syrup（中文） × 2")),
    ).toBe(true);
    const sales = await (await as(member, "/api/dashboard/cooperatives/pear-coop/sales")).json<
      Array<{ orders: number; totalFen: number }>
    >();
    expect(sales).toHaveLength(12);
    expect(sales.at(-1)).toMatchObject({ orders: 2, totalFen: 9600 + 2600 });
    expect(sales.slice(0, -1).every((w) => w.orders === 0)).toBe(true);
  });
});

describe("order pages", () => {
  it("pages through every order exactly once, newest first, following the Link header", async () => {
    await env.DB.prepare("UPDATE products SET stock = 100 WHERE id = 'syrup'").run();
    const placed: string[] = [];
    // Seven buyers: one phone may hold only a few open orders.
    for (let i = 0; i < 7; i++) {
      const res = await postOrder(
        checkout([{ product: "syrup", quantity: 1 }], { contact: { name: "张三", phone: `1380000010${i}` } }),
      );
      placed.push((await res.json<PlacedBody>()).orders[0]?.reference ?? "");
    }
    const seen: string[][] = [];
    let next: string | null = "/api/dashboard/cooperatives/pear-coop/orders?status=all&limit=3";
    while (next) {
      const res = await as(member, next);
      expect(res.status).toBe(200);
      seen.push((await res.json<Array<{ reference: string }>>()).map((o) => o.reference));
      next = res.headers.get("link")?.match(/^<([^>]+)>; rel="next"$/)?.[1] ?? null;
    }
    expect(seen.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(seen.flat()).toEqual([...placed].reverse());
    // Without a limit the list holds up to 200, as before.
    const all = await (await as(member, "/api/dashboard/cooperatives/pear-coop/orders?status=all")).json<unknown[]>();
    expect(all).toHaveLength(7);
  });

  it("refuses a nonsense page with 400", async () => {
    for (const q of ["before=-1", "before=x", "limit=0", "limit=201", "status=some"]) {
      const res = await as(member, `/api/dashboard/cooperatives/pear-coop/orders?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.headers.get("content-type"), q).toContain("application/problem+json");
    }
  });
});

describe("product pictures", () => {
  const PNG = PNG_8X8;
  const upload = (
    bytes: Uint8Array<ArrayBuffer>,
    name = "photo.png",
    type = "image/png",
    headers: Record<string, string> = {},
  ) => {
    const form = new FormData();
    form.set("image", new File([bytes], name, { type }));
    const body = new Request("http://localhost/", { method: "POST", body: form });
    return body.arrayBuffer().then((buf) =>
      as(member, "/api/dashboard/products/syrup/image", {
        method: "POST",
        headers: {
          "content-type": body.headers.get("content-type") ?? "",
          "content-length": String(buf.byteLength),
          origin: "http://localhost",
          ...headers,
        },
        body: buf,
      }),
    );
  };

  it("stores a PNG in R2 and serves it from the Worker with the detected type", async () => {
    const res = await upload(PNG, "whatever.jpg", "image/jpeg");
    expect(res.status).toBe(200);
    const { image } = await res.json<{ image: string }>();
    expect(image).toMatch(/^\/media\/products\/syrup\/[0-9a-f]{32}\.png$/);
    expect(await scalar("SELECT image FROM products WHERE id = 'syrup'")).toBe(image);
    const object = await env.MEDIA.get(image.slice("/media/".length));
    expect(object?.httpMetadata?.contentType).toBe("image/png");
    // Replacing it removes the old object.
    const second = await (await upload(PNG)).json<{ image: string }>();
    expect(await env.MEDIA.get(image.slice("/media/".length))).toBeNull();
    expect(second.image).not.toBe(image);
  });

  it("refuses a file that is not a picture, whatever its name says, and stores nothing", async () => {
    const before = await snapshot();
    const res = await upload(new TextEncoder().encode("<svg onload=alert(1)>"), "evil.png", "image/png");
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: [{ field: "image" }] });
    expect((await env.MEDIA.list()).objects).toHaveLength(0);
    expect(await snapshot()).toEqual(before);
  });

  it("publishes a phone photo without where, when and with what it was taken, keeping its orientation", async () => {
    const photo = jpegWithMetadata(6);
    expect(leaks(photo)).not.toEqual([]);
    const res = await upload(photo, "IMG_0918.JPG", "image/jpeg");
    expect(res.status).toBe(200);
    const { image } = await res.json<{ image: string }>();
    expect(image).toMatch(/\.jpg$/);
    const object = await env.MEDIA.get(image.slice("/media/".length));
    const stored = new Uint8Array((await object?.arrayBuffer()) ?? new ArrayBuffer(0));
    expect(leaks(stored)).toEqual([]);
    expect(stored.length).toBeLessThan(photo.length);
    // The orientation survives, alone in its own Exif block after JFIF.
    const exifAt = 4 + new DataView(stored.buffer).getUint16(4);
    expect([stored[exifAt], stored[exifAt + 1]]).toEqual([0xff, 0xe1]);
    expect(exifOrientation(stored.subarray(exifAt + 4, exifAt + 36))).toBe(6);
    // The audit row records the size that was published.
    const after = JSON.parse(String(await scalar("SELECT after FROM audit_log WHERE action = 'product.image'")));
    expect(after.bytes).toBe(stored.length);
  });

  it("cuts a motion photo's video after the JPEG's end, and refuses a picture of over 40 megapixels", async () => {
    const trailer = new TextEncoder().encode("ftypmp4 GPS 31.4817N Zhang San");
    const photo = new Uint8Array([...jpegWithMetadata(1), ...trailer]);
    const res = await upload(photo, "MVIMG_0918.jpg", "image/jpeg");
    expect(res.status).toBe(200);
    const { image } = await res.json<{ image: string }>();
    const stored = new Uint8Array((await (await env.MEDIA.get(image.slice("/media/".length)))?.arrayBuffer()) ?? []);
    expect(leaks(stored)).toEqual([]);
    expect([...stored.subarray(-2)]).toEqual([0xff, 0xd9]);
    const before = await snapshot();
    // The same 8 x 8 file claiming 8000 x 8000 in its frame header.
    const huge = jpegWithMetadata(1);
    const sof = huge.findIndex((b, i) => b === 0xff && huge[i + 1] === 0xc0);
    huge.set([0x1f, 0x40, 0x1f, 0x40], sof + 5);
    const refused = await upload(huge, "huge.jpg", "image/jpeg", { "accept-language": "en" });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      errors: [{ field: "image", message: expect.stringContaining("megapixels") }],
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a damaged picture with a message in the person's language, and stores nothing", async () => {
    const before = await snapshot();
    const cut = pngWithMetadata().subarray(0, 60);
    const zh = await upload(cut, "cut.png", "image/png");
    expect(zh.status).toBe(400);
    expect(await zh.json()).toMatchObject({ errors: [{ field: "image", message: expect.stringContaining("损坏") }] });
    const en = await upload(cut, "cut.png", "image/png", { "accept-language": "en" });
    expect(await en.json()).toMatchObject({
      errors: [{ field: "image", message: expect.stringContaining("damaged") }],
    });
    expect((await env.MEDIA.list()).objects).toHaveLength(0);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a picture over 2 MB with 413, and a cross-site upload with 403", async () => {
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set(PNG);
    expect((await upload(big)).status).toBe(413);
    expect((await upload(PNG, "a.png", "image/png", { origin: "https://evil.example" })).status).toBe(403);
    expect((await env.MEDIA.list()).objects).toHaveLength(0);
    expect(await scalar("SELECT image FROM products WHERE id = 'syrup'")).toBeNull();
  });
});

describe("cooperative administration", () => {
  it("registers, verifies and disables a cooperative; a disabled cooperative's members are signed out", async () => {
    await createAccount("admin@example.cn", "admin");
    const admin = await signIn("admin@example.cn");
    const bad = await postAs(admin, "/api/dashboard/admin/cooperatives", {
      id: "new-coop",
      nameZh: "新合作社",
      nameEn: "New cooperative",
      creditCode: "93513221MA6CK1B781",
      townshipZh: "河东乡",
      townshipEn: "Hedong",
      villageZh: "集木村",
      villageEn: "Jiemu",
      contactName: "杨",
      contactPhone: "13800000000",
    });
    expect(bad.status).toBe(400);
    expect((await postAs(admin, "/api/dashboard/admin/cooperatives/pending-coop/verify")).status).toBe(200);
    expect(await scalar("SELECT verified FROM cooperatives WHERE id = 'pending-coop'")).toBe(1);

    expect((await postAs(admin, "/api/dashboard/admin/cooperatives/pear-coop/disable")).status).toBe(200);
    expect((await as(member, "/api/dashboard/cooperatives/pear-coop/products")).status).toBe(401);
    await expect(signIn("pear@example.cn")).rejects.toThrow(/401/);
    expect((await postOrder(checkout([{ product: "syrup", quantity: 1 }]))).status).toBe(409);
    expect((await postAs(admin, "/api/dashboard/admin/cooperatives/pear-coop/verify")).status).toBe(409);
    expect((await postAs(admin, "/api/dashboard/admin/cooperatives/pear-coop/enable")).status).toBe(200);
    expect(await signIn("pear@example.cn")).toBeTruthy();
  });
});
