import { describe, expect, it } from "vitest";
import { call } from "./helpers";
import { seedProduce } from "./produce";

describe("GET /api/products", () => {
  it("lists active products of verified cooperatives with the public contract fields", async () => {
    await seedProduce();
    const res = await call("/api/products?lang=en");
    expect(res.status).toBe(200);
    const list = await res.json<Array<Record<string, unknown>>>();
    expect(list.map((p) => p.id).sort()).toEqual(["juice", "slices", "spring-tea", "syrup", "wine"]);
    expect(list.find((p) => p.id === "syrup")).toMatchObject({
      id: "syrup",
      name: "syrup (English)",
      category: "pear-syrup",
      unit: "jar",
      price: 4800,
      stock: 5,
      cooperative: "pear-coop",
      inSeason: true,
    });
    expect(list.find((p) => p.id === "spring-tea")).toMatchObject({ inSeason: false, orderable: false });
  });

  it("filters by cooperative and season, and refuses an unknown category with 400", async () => {
    await seedProduce();
    const coop = await (await call("/api/products?cooperative=wine-coop&inSeason=true")).json<Array<{ id: string }>>();
    expect(coop.map((p) => p.id).sort()).toEqual(["juice", "wine"]);
    expect((await call("/api/products?category=jewellery")).status).toBe(400);
  });

  it("answers 404 for a hidden product", async () => {
    await seedProduce();
    expect((await call("/api/products/syrup")).status).toBe(200);
    expect((await call("/api/products/hidden")).status).toBe(404);
    expect((await call("/api/products/walnuts")).status).toBe(404);
  });
});

describe("GET /api/cooperatives and /api/pickup-points", () => {
  it("lists only verified cooperatives, with their credit codes", async () => {
    await seedProduce();
    const list = await (await call("/api/cooperatives")).json<
      Array<{ id: string; name: string; creditCode: string }>
    >();
    expect(list.map((c) => c.id)).toEqual(["pear-coop", "wine-coop"]);
    expect(list[0]?.creditCode).toBe("93513221MA6CK1B780");
    expect((await call("/api/cooperatives/pending-coop")).status).toBe(404);
    const one = await (await call("/api/cooperatives/wine-coop")).json<{ products: unknown[] }>();
    expect(one.products).toHaveLength(3);
  });

  it("lists open pickup points with the cooperative they serve", async () => {
    await seedProduce();
    const points = await (await call("/api/pickup-points")).json<Array<{ id: string; cooperative: string | null }>>();
    expect(points.map((p) => [p.id, p.cooperative])).toEqual([
      ["pear-shop", "pear-coop"],
      ["visitor-centre", null],
    ]);
  });

  it("describes every produce route in the OpenAPI document", async () => {
    const doc = await (await call("/api/openapi.json")).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/products",
        "/api/products/{id}",
        "/api/cooperatives",
        "/api/pickup-points",
        "/api/orders",
        "/api/orders/{reference}",
        "/api/orders/{reference}/cancel",
      ]),
    );
  });
});
