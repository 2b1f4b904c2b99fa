import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, chromiumPath, expectNoAxeViolations, launch, MODES, openPage, openPageIn } from "./browser";
import { ADMIN, bookStay, countyToday, placeOrder, signIn } from "./dashboard";
import { ADMIN_DASHBOARD_PAGES } from "./pages";

const PUBLIC = ["/dashboard/login/", "/dashboard/login/?error=invalid", "/dashboard/invite/?ref=X&token=nothing-here"];

describe.skipIf(!chromiumPath)("dashboard accessibility", () => {
  let browser: Browser;
  let ref: string;
  let order: string;
  beforeAll(async () => {
    browser = await launch();
    ref = await bookStay("gajian-furnished-tent", countyToday(), "无障碍 测试");
    order = await placeOrder("pear-syrup-250g", "无障碍 测试");
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const mode of MODES) {
    it(`has zero axe violations on every dashboard page in both languages, ${mode.name} mode`, async () => {
      const { page, context, requests, consoleErrors } = await openPageIn(browser, mode);
      await expectNoAxeViolations(page, mode, PUBLIC, (path) => (path.includes("invite") ? 404 : 200));
      await signIn(page, ADMIN);
      const withRows = [
        `/dashboard/check-in/?ref=${ref}`,
        `/dashboard/check-in/?ref=${ref}&cancel=1`,
        `/dashboard/phone-bookings/?ref=${ref}`,
        `/dashboard/coop/anning-pear-processing/orders/${order}/`,
      ];
      await expectNoAxeViolations(page, mode, [...ADMIN_DASHBOARD_PAGES, ...withRows]);
      expect(requests.filter((url) => new URL(url).origin !== baseURL)).toEqual([]);
      // The invalid invitation page answers 404 on purpose (once per language); nothing else may fail.
      const notFound = consoleErrors.filter((m) => m.includes("status of 404"));
      expect(notFound).toHaveLength(2);
      expect(
        consoleErrors.filter((m) => !notFound.includes(m)),
        "console errors (CSP violations show here)",
      ).toEqual([]);
      await context.close();
    });
  }

  it("fits a 320 px phone screen without sideways scrolling, in both modes", async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 320, height: 640 } });
    await signIn(page, ADMIN);
    for (const elder of [false, true]) {
      await page.addInitScript((on) => localStorage.setItem("portal-elder", on ? "1" : "0"), elder);
      for (const path of [...ADMIN_DASHBOARD_PAGES, "/dashboard/login/"]) {
        for (const lang of ["", "/en"]) {
          await page.goto(`${lang}${path}`);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          expect(width, `${lang}${path} elder=${elder}`).toBeLessThanOrEqual(320);
        }
      }
    }
    await context.close();
  });

  it("keeps buttons and links at 44 px or more in elder mode", async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 400, height: 800 } });
    await context.addInitScript(() => localStorage.setItem("portal-elder", "1"));
    await signIn(page, ADMIN);
    await page.goto(`/dashboard/check-in/?ref=${ref}`);
    for (const selector of ["main button", ".dash-nav a"]) {
      const heights = await page
        .locator(selector)
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      expect(Math.min(...heights), selector).toBeGreaterThanOrEqual(44);
    }
    await context.close();
  });
});
