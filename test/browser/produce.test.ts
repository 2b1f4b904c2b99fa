import { execFileSync } from "node:child_process";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axe, baseURL, chromiumPath, launch, openPage } from "./browser";
import { buyerPhone } from "./dashboard";
import { TEST_STATE } from "./serve";

/** Produce pages in both languages; the cart is opened with two seeded products in it. */
const CART = "item=pear-syrup-250g:1&item=pear-wine-dry-500ml:2";
const SHOP_PAGES = [
  "/products/",
  "/products/?category=pear-syrup&inSeason=1",
  "/products/pear-syrup-250g/",
  "/products/celtuce-2kg/",
  "/cooperatives/",
  "/cooperatives/shaer-snow-pear/",
  `/cart/?${CART}`,
  "/cart/",
  "/orders/",
  "/orders/placed/",
].flatMap((p) => [p, `/en${p}`]);

async function stock(id: string): Promise<number> {
  const res = await fetch(`${baseURL}/api/products/${id}`);
  return ((await res.json()) as { stock: number }).stock;
}

async function fillContact(page: Page, name: string) {
  await page.fill("#c-name", name);
  await page.fill("#c-phone", buyerPhone());
}

describe.skipIf(!chromiumPath)("local produce in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("lets a person order one product without JavaScript, in Chinese, and keeps the token on reload", async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    const before = await stock("pear-syrup-250g");
    await page.goto("/products/");
    expect(await page.textContent("h1")).toBe("特色农产品");
    await page.click("a[href='/products/pear-syrup-250g/']");
    expect(await page.textContent("h1")).toBe("金川梨膏");
    await page.fill("#quantity", "2");
    await page.click("form[data-add-to-cart] button");
    expect(new URL(page.url()).pathname).toBe("/cart/");
    await fillContact(page, "王芳");
    await page.click("form[data-checkout] button[type=submit]");
    expect(new URL(page.url()).pathname).toBe("/orders/placed/");
    expect(await page.textContent("h1")).toBe("订单已提交");
    expect(await page.locator("[data-reference]").textContent()).toMatch(/^[2-9A-Z]{8}$/);
    expect((await page.locator("[data-token]").textContent())?.length).toBeGreaterThanOrEqual(16);
    expect(await page.locator("svg.qr").count()).toBe(1);
    expect(await stock("pear-syrup-250g")).toBe(before - 2);
    const token = await page.locator("[data-token]").textContent();
    await page.reload();
    expect(await page.locator("[data-token]").textContent()).toBe(token);
    await context.close();
  });

  it("delivers to an address without JavaScript, in English", async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto("/en/products/pear-wine-dry-500ml/");
    await page.click("form[data-add-to-cart] button");
    expect(new URL(page.url()).pathname).toBe("/en/cart/");
    await page.check("#m-delivery");
    await page.fill("#a-province", "四川省");
    await page.fill("#a-city", "成都市");
    await page.fill("#a-district", "武侯区");
    await page.fill("#a-line", "人民南路四段 1 号");
    await fillContact(page, "Li Wei");
    await page.click("form[data-checkout] button[type=submit]");
    expect(await page.textContent("h1")).toBe("Order placed");
    expect(await page.locator("[data-reference]").count()).toBe(1);
    await context.close();
  });

  for (const [locale, elder] of [
    ["en", false],
    ["zh-CN", true],
  ] as const) {
    it(`orders syrup and wine from two cooperatives, then cancels one and the stock comes back (${locale})`, async () => {
      const { page, context, requests } = await openPage(browser);
      if (elder) await context.addInitScript(() => localStorage.setItem("portal-elder", "1"));
      const prefix = locale === "en" ? "/en" : "";
      const syrup = await stock("pear-syrup-250g");
      const wine = await stock("pear-wine-dry-500ml");

      await page.goto(`${prefix}/products/pear-syrup-250g/`);
      await page.click("form[data-add-to-cart] button");
      await expect.poll(() => page.locator("[data-cart-status]").textContent()).not.toBe("");
      expect(new URL(page.url()).pathname).toBe(`${prefix}/products/pear-syrup-250g/`);
      await page.goto(`${prefix}/products/pear-wine-dry-500ml/`);
      await page.fill("#quantity", "2");
      await page.click("form[data-add-to-cart] button");
      await expect.poll(() => page.locator("[data-cart-count-value]").first().textContent()).toBe("3");

      await page.click(`.produce-nav a[href='${prefix}/cart/']`);
      await page.waitForURL(/item=/);
      expect(await page.locator(".group").count()).toBe(2);
      expect(await page.locator("[data-grand-total]").textContent()).toContain("184.00");
      await page.fill("#q-1", "1");
      expect(await page.locator("[data-grand-total]").textContent()).toContain("116.00");
      expect(await axe(page)).toEqual([]);
      await page.check("#pt-gajian-visitor-centre");
      await fillContact(page, locale === "en" ? "Anna Smith" : "张伟");
      await page.click("form[data-checkout] button[type=submit]");
      await page.waitForURL(`**${prefix}/orders/placed/`);

      const references = await page.locator("[data-reference]").allTextContents();
      expect(references).toHaveLength(2);
      expect(await stock("pear-syrup-250g")).toBe(syrup - 1);
      expect(await stock("pear-wine-dry-500ml")).toBe(wine - 1);
      expect(await page.locator("[data-cart-count]").first().isHidden()).toBe(true);
      expect(await axe(page)).toEqual([]);

      // The second order is the wine cooperative's: look it up and cancel it.
      await page.locator(".placed li").nth(1).locator("a").click();
      expect(await page.locator(".ref").textContent()).toBe(references[1]);
      expect(await axe(page)).toEqual([]);
      await page.click("form.cancel button");
      await page.waitForURL(/\/orders\/\?reference=/);
      expect(await page.locator(".status-cancelled").count()).toBe(1);
      expect(await stock("pear-wine-dry-500ml")).toBe(wine);
      expect(await stock("pear-syrup-250g")).toBe(syrup - 1);
      expect(requests.filter((url) => new URL(url).origin !== baseURL)).toEqual([]);
      await context.close();
    });
  }

  it("shows hostile product descriptions as plain text", async () => {
    const payload = [
      "<script>window.__xss = 1</script>",
      '<img src=x onerror="window.__xss = 2">',
      "[click me](javascript:window.__xss=3)",
      "[click me too](JaVaScRiPt:window.__xss=4)",
      '<a href="javascript:window.__xss=5">a</a>',
      "<svg onload=window.__xss=6></svg>",
      '<iframe src="javascript:window.__xss=7"></iframe>',
    ].join("\n\n");
    const sql = `INSERT INTO products (id, cooperative_id, category, name_zh, name_en, description_zh, description_en, unit_zh, unit_en, price_fen, stock)
      VALUES ('xss-probe', 'anning-pear-processing', 'pear-syrup', '测试', 'Probe', '${payload.replaceAll("'", "''")}', '${payload.replaceAll("'", "''")}', '瓶', 'jar', 100, 1)
      ON CONFLICT (id) DO NOTHING`;
    execFileSync(
      "node_modules/.bin/wrangler",
      ["d1", "execute", "DB", "--local", "--persist-to", TEST_STATE, "--yes", "--command", sql],
      { stdio: "ignore", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
    );
    // bypassCSP (see openPage) so the page's own escaping, not the CSP, is what is tested.
    const { page, context } = await openPage(browser);
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto("/en/products/xss-probe/");
    const description = page.locator(".description");
    expect(await description.textContent()).toContain("<script>window.__xss = 1</script>");
    expect(await description.locator("script, img, svg, iframe").count()).toBe(0);
    expect(await description.locator("[onerror], [onload]").count()).toBe(0);
    expect(await page.locator("a[href^='javascript' i]").count()).toBe(0);
    for (const link of await description.locator("a").all()) await link.click({ noWaitAfter: true });
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await context.close();
  });

  for (const elder of [false, true]) {
    it(`has zero axe violations (WCAG 2.2 AA) on the produce pages, ${elder ? "elder" : "standard"} mode`, async () => {
      const { page, context } = await openPage(browser);
      if (elder) await context.addInitScript(() => localStorage.setItem("portal-elder", "1"));
      const found: Record<string, unknown> = {};
      for (const path of SHOP_PAGES) {
        const res = await page.goto(path);
        expect(res?.status(), path).toBe(200);
        await page.waitForLoadState("networkidle");
        const violations = await axe(page);
        if (violations.length) found[path] = violations;
      }
      expect(found).toEqual({});
      await context.close();
    });
  }

  it("fits a 320 px phone screen on every produce page", async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 320, height: 640 } });
    for (const elder of [false, true]) {
      await page.addInitScript((on) => localStorage.setItem("portal-elder", on ? "1" : "0"), elder);
      for (const path of SHOP_PAGES) {
        await page.goto(path);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${path} elder=${elder}`).toBeLessThanOrEqual(320);
      }
    }
    await context.close();
  });
});
