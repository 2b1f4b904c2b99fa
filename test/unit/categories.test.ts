import { categoryFile } from "@functions/lib/categories";
import { describe, expect, it } from "vitest";
import categories from "../../content/taxonomy/categories.json";

const ok = { "zh-CN": "牦牛酥油", en: "Yak butter", icon: "🧈" };

describe("content/taxonomy/categories.json", () => {
  it("is a valid category list", () => {
    expect(categoryFile.safeParse(categories).success).toBe(true);
  });

  it.each([
    ["a key that is not a slug", { "Yak Butter": ok }],
    ["a missing English name", { "yak-butter": { "zh-CN": "牦牛酥油", icon: "🧈" } }],
    ["a missing icon", { "yak-butter": { "zh-CN": "牦牛酥油", en: "Yak butter" } }],
    ["an unknown field", { "yak-butter": { ...ok, colour: "gold" } }],
    ["no categories at all", {}],
  ])("refuses %s", (_, file) => {
    expect(categoryFile.safeParse(file).success).toBe(false);
  });
});
