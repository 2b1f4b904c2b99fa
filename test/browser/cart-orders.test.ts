import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axe, chromiumPath, launch, openPage } from "./browser";
import { buyerPhone } from "./dashboard";

/**
 * The cart and its confirmation as a buyer on a phone meets them: every line
 * kept without JavaScript, the orders still there after a reload, and Back
 * never bringing the ordered cart back.
 */
const PHONE = { width: 390, height: 844 };
const SMALL = { width: 320, height: 640 };
const SYRUP = "pear-syrup-250g";
const WINE = "pear-wine-dry-500ml";

async function addToCart(page: Page, prefix: string, product: string, quantity: string) {
  await page.goto(`${prefix}/products/${product}/`);
  await page.fill("#quantity", quantity);
  await page.click("form[data-add-to-cart] button");
}

async function cartLines(page: Page): Promise<string[]> {
  return page.locator("[data-line]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-line") ?? ""));
}

async function checkout(page: Page, name: string, phone = buyerPhone()) {
  await page.fill("#c-name", name);
  await page.fill("#c-phone", phone);
  await Promise.all([page.waitForEvent("load"), page.click("form[data-checkout] button[type=submit]")]);
}

describe.skipIf(!chromiumPath)("the cart keeps every line, the confirmation survives a reload", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const prefix of ["", "/en"]) {
    it(`without JavaScript: two products stay in the cart, the orders survive a reload, Back shows an empty cart (${prefix || "zh-CN"})`, async () => {
      const { page, context } = await openPage(browser, { javaScriptEnabled: false, viewport: PHONE });
      await addToCart(page, prefix, SYRUP, "2");
      expect(new URL(page.url()).pathname).toBe(`${prefix}/cart/`);
      await addToCart(page, prefix, WINE, "1");
      await addToCart(page, prefix, SYRUP, "1");
      expect((await cartLines(page)).sort()).toEqual([SYRUP, WINE].sort());
      expect(await page.inputValue(`[data-line="${SYRUP}"] input[type=number]`)).toBe("3");

      await checkout(page, prefix ? "Anna Smith" : "王芳");
      expect(new URL(page.url()).pathname).toBe(`${prefix}/orders/placed/`);
      const references = await page.locator("[data-reference]").allTextContents();
      expect(references).toHaveLength(2);
      await page.reload();
      expect(await page.locator("[data-reference]").allTextContents()).toEqual(references);

      await page.goBack();
      expect(new URL(page.url()).pathname).toBe(`${prefix}/cart/`);
      expect(await page.locator("form[data-checkout]").count()).toBe(0);
      expect(await page.locator("[data-cart-empty]").count()).toBe(1);
      await context.close();
    });

    it(`with JavaScript at 320 px: a reload keeps the orders and Back does not bring the cart back (${prefix || "zh-CN"})`, async () => {
      const { page, context } = await openPage(browser, { viewport: SMALL });
      await addToCart(page, prefix, SYRUP, "1");
      await expect.poll(() => page.locator("[data-cart-status]").textContent()).not.toBe("");
      await addToCart(page, prefix, WINE, "1");
      await expect.poll(() => page.locator("[data-cart-count-value]").first().textContent()).toBe("2");
      await page.goto(`${prefix}/cart/`);
      await page.waitForURL(/item=/);
      await checkout(page, prefix ? "Anna Smith" : "张伟");
      await page.waitForURL(`**${prefix}/orders/placed/`);
      const references = await page.locator("[data-reference]").allTextContents();
      expect(references).toHaveLength(2);
      await page.reload();
      expect(await page.locator("[data-reference]").allTextContents()).toEqual(references);
      expect(await page.locator("[data-cart-count]").first().isHidden()).toBe(true);

      await page.goBack();
      await page.waitForSelector("[data-cart-empty]");
      expect(await page.locator("form[data-checkout]").count()).toBe(0);
      expect(await page.evaluate(() => localStorage.getItem("portal-cart"))).toBeNull();
      expect(await axe(page)).toEqual([]);
      await context.close();
    });

    it(`a refused checkout without JavaScript comes back with both lines and what was typed (${prefix || "zh-CN"})`, async () => {
      const { page, context } = await openPage(browser, { javaScriptEnabled: false, viewport: PHONE });
      await addToCart(page, prefix, SYRUP, "1");
      await addToCart(page, prefix, WINE, "2");
      await page.fill("#c-notes", "下午来取");
      await checkout(page, "周敏", "123456");
      expect(new URL(page.url()).pathname).toBe(`${prefix}/cart/`);
      expect((await cartLines(page)).sort()).toEqual([SYRUP, WINE].sort());
      expect(await page.inputValue(`[data-line="${WINE}"] input[type=number]`)).toBe("2");
      expect(await page.inputValue("#c-name")).toBe("周敏");
      expect(await page.inputValue("#c-phone")).toBe("123456");
      expect(await page.inputValue("#c-notes")).toBe("下午来取");
      expect(await page.textContent("#c-phone-error")).toContain(prefix ? "11 digits" : "11 位");
      expect(await page.getAttribute("#c-phone", "aria-describedby")).toContain("c-phone-error");
      expect(await page.evaluate(() => document.activeElement?.hasAttribute("data-error-summary"))).toBe(true);
      expect(await page.getAttribute("[data-error-summary] a", "href")).toBe("#c-phone");
      await context.close();

      // axe needs scripts: the same refusal in a page with them, posted as a plain form.
      const scripted = await openPage(browser, { viewport: PHONE });
      await scripted.page.goto(`${prefix}/cart/?item=${SYRUP}:1&item=${WINE}:2`);
      await scripted.page.fill("#c-name", "周敏");
      await scripted.page.fill("#c-phone", "123456");
      await Promise.all([
        scripted.page.waitForURL(() => true),
        scripted.page.$eval("form[data-checkout]", (f) => (f as HTMLFormElement).submit()),
      ]);
      await scripted.page.waitForSelector("[data-error-summary]");
      expect(await axe(scripted.page)).toEqual([]);
      await scripted.context.close();
    });
  }
});
