import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axe, chromiumPath, launch, openPage } from "./browser";
import { COOPERATIVE, countyToday, OPERATOR, signIn } from "./dashboard";

/**
 * Dashboard forms refused by the server come back as the same page with the
 * values typed, the message at its field and the summary focused, in the
 * page's language, without JavaScript and on a phone.
 */
const PHONE = { width: 390, height: 844 };

async function post(page: Page, button: string) {
  await Promise.all([page.waitForEvent("load"), page.click(button)]);
}

async function summaryFocused(page: Page): Promise<boolean> {
  return page.evaluate(() => document.activeElement?.hasAttribute("data-error-summary") ?? false);
}

describe.skipIf(!chromiumPath)("refused dashboard forms keep what was typed", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const prefix of ["", "/en"]) {
    it(`a closure that ends before it starts comes back to the closure form (${prefix || "zh-CN"})`, async () => {
      for (const js of [false, true]) {
        const { page, context } = await openPage(browser, { javaScriptEnabled: js, viewport: PHONE });
        await signIn(page, OPERATOR, `${prefix}/dashboard/login/`);
        const site = `${prefix}/dashboard/sites/gajian-lawn/`;
        await page.goto(site);
        await page.fill("#closure-from", countyToday(40));
        await page.fill("#closure-to", countyToday(38));
        await page.fill("#closure-reason-zh", "草坪养护");
        await post(page, "form:has(#closure-from) button[type=submit]");
        expect(new URL(page.url()).pathname).toBe(site);
        expect(await page.textContent("#closure-to-error")).toBe(
          prefix ? "The end date cannot be before the start date." : "结束日期不能早于开始日期。",
        );
        expect(await page.inputValue("#closure-from")).toBe(countyToday(40));
        expect(await page.inputValue("#closure-reason-zh")).toBe("草坪养护");
        expect(await page.getAttribute("[data-error-summary] a", "href")).toBe("#closure-to");
        expect(await summaryFocused(page)).toBe(true);
        // The capacity forms on the same page show nothing of it.
        expect(await page.locator("[data-error-summary]").count()).toBe(1);
        if (js) expect(await axe(page)).toEqual([]);
        await context.close();
      }
    });

    it(`a stock change of 0 comes back to the stock form (${prefix || "zh-CN"})`, async () => {
      for (const js of [false, true]) {
        const { page, context } = await openPage(browser, { javaScriptEnabled: js, viewport: PHONE });
        await signIn(page, COOPERATIVE, `${prefix}/dashboard/login/`);
        const product = `${prefix}/dashboard/coop/anning-pear-processing/products/pear-syrup-500g/`;
        await page.goto(product);
        await page.fill("#change", "0");
        await page.fill("#stock-reason", "盘点");
        await post(page, "form:has(#change) button[type=submit]");
        expect(new URL(page.url()).pathname).toBe(product);
        expect(await page.textContent("#change-error")).toContain(prefix ? "not 0" : "不能为 0");
        expect(await page.inputValue("#stock-reason")).toBe("盘点");
        expect(await summaryFocused(page)).toBe(true);
        if (js) expect(await axe(page)).toEqual([]);
        await context.close();
      }
    });
  }
});
