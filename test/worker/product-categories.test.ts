import { env } from "cloudflare:workers";
import { CATEGORY_KEYS } from "@functions/lib/categories";
import { beforeEach, describe, expect, it } from "vitest";
import categories from "../../content/taxonomy/categories.json";
import { createAccount, postAs, signIn } from "./accounts";
import { call, scalar } from "./helpers";
import { seedProduce } from "./produce";

let member: string;
beforeEach(async () => {
  await seedProduce();
  await createAccount("pear@example.cn", "cooperative", { cooperativeId: "pear-coop" });
  member = await signIn("pear@example.cn");
});

const yakButter = {
  id: "yak-butter",
  category: "yak-butter",
  nameZh: "牦牛酥油",
  nameEn: "Yak butter",
  unitZh: "块",
  unitEn: "block",
  priceYuan: "30",
  stock: 5,
};

interface Problem {
  status: number;
  errors?: Array<{ field: string; message: string }>;
}

const written = async () => ({
  products: await scalar("SELECT count(*) FROM products"),
  audit: await scalar("SELECT count(*) FROM audit_log"),
  syrup: await scalar<string>("SELECT category FROM products WHERE id = 'syrup'"),
});

describe("product categories come from content/taxonomy/categories.json", () => {
  it("refuses to create or edit a product with a category not in the taxonomy, in the person's language, writing nothing", async () => {
    const before = await written();
    const zh = await postAs(member, "/api/dashboard/cooperatives/pear-coop/products", yakButter);
    expect(zh.status).toBe(400);
    expect((await zh.json<Problem>()).errors).toContainEqual({
      field: "category",
      message: "没有这个品类，请从列表中选择一个品类。",
    });
    const en = await postAs(member, "/api/dashboard/products/syrup", yakButter, { "accept-language": "en" });
    expect(en.status).toBe(400);
    expect((await en.json<Problem>()).errors).toContainEqual({
      field: "category",
      message: "There is no such category: choose one from the list.",
    });
    expect(await written()).toEqual(before);
  });

  it("accepts every category the taxonomy names, for new products and filters", async () => {
    for (const key of Object.keys(categories)) {
      const res = await postAs(member, "/api/dashboard/cooperatives/pear-coop/products", {
        ...yakButter,
        id: `item-${key}`,
        category: key,
      });
      expect(res.status, key).toBe(201);
      const listed = await (await call(`/api/products?category=${key}`)).json<Array<{ id: string }>>();
      expect(listed.map((p) => p.id)).toContain(`item-${key}`);
    }
  });

  it("refuses an unknown category filter with a message rather than an empty list", async () => {
    const res = await call("/api/products?category=yak-butter&lang=en");
    expect(res.status).toBe(400);
    expect((await res.json<Problem>()).errors?.[0]?.message).toBe(
      "There is no such category: choose one from the list.",
    );
  });

  it("keeps no fixed list in the database, so a new category needs no migration", async () => {
    await env.DB.prepare("UPDATE products SET category = 'highland-barley' WHERE id = 'syrup'").run();
    expect(await scalar<string>("SELECT category FROM products WHERE id = 'syrup'")).toBe("highland-barley");
  });

  it("documents the taxonomy's keys as the choices in the OpenAPI document", async () => {
    const doc = await (await call("/api/openapi.json")).json<{
      paths: Record<string, { get?: { parameters?: Array<{ name: string; schema: { enum?: string[] } }> } }>;
    }>();
    const param = doc.paths["/api/products"]?.get?.parameters?.find((p) => p.name === "category");
    expect(param?.schema.enum).toEqual([...CATEGORY_KEYS]);
  });
});
