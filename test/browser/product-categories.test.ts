import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import categories from "../../content/taxonomy/categories.json";
import { chromiumPath, launch, openPage } from "./browser";
import { COOPERATIVE, signIn } from "./dashboard";

/** What content/taxonomy/categories.json offers, as [key, name] in the file's order. */
const offered = (lang: "zh-CN" | "en") => Object.entries(categories).map(([key, c]) => [key, c[lang]]);

async function choices(page: Page, select: string): Promise<string[][]> {
  return page.$$eval(`${select} option`, (options) =>
    (options as HTMLOptionElement[]).filter((o) => o.value !== "").map((o) => [o.value, o.textContent?.trim() ?? ""]),
  );
}

describe.skipIf(!chromiumPath)("product categories from the taxonomy in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("offers exactly the taxonomy's categories on /products/ and filters by one, without JavaScript", async () => {
    const { page, context, consoleErrors } = await openPage(browser, { javaScriptEnabled: false });
    for (const [prefix, lang] of [
      ["", "zh-CN"],
      ["/en", "en"],
    ] as const) {
      await page.goto(`${prefix}/products/`);
      expect(await choices(page, "#f-category")).toEqual(offered(lang));
      const [key, name] = offered(lang).at(-1) ?? [];
      await page.selectOption("#f-category", key ?? "");
      await Promise.all([page.waitForURL(`**category=${key}**`), page.click(".filters button[type=submit]")]);
      const shown = await page.$$eval(".product-card .meta > span:first-child", (s) => s.map((e) => e.textContent));
      expect(shown.length).toBeGreaterThan(0);
      for (const label of shown) expect(label).toContain(name);
    }
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("offers a cooperative exactly the taxonomy's categories in the product form", async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    await signIn(page, COOPERATIVE);
    await page.click(`a[href="/dashboard/coop/anning-pear-processing/"] >> nth=0`);
    await page.click("text=添加产品");
    expect(await choices(page, "#p-category")).toEqual(offered("zh-CN"));
    await context.close();
  });
});
