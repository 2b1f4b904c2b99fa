import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { county } from "../../county.config";
import { chromiumPath, launch, openPage } from "./browser";

const days = String(county.privacy.contactRetentionDays);

describe.skipIf(!chromiumPath)("the privacy notice", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("says in both languages who is responsible and how long contact details are kept", async () => {
    const { page, context } = await openPage(browser);
    for (const [path, lang] of [
      ["/privacy/", "zh-CN"],
      ["/en/privacy/", "en"],
    ] as const) {
      await page.goto(path);
      const text = (await page.locator("main").innerText()).replace(/\s+/g, " ");
      expect(text).toContain(county.authority.name[lang]);
      expect(await page.locator("#retention + p").innerText()).toContain(days);
      expect(text).toContain(county.authority.email);
      expect(text).not.toMatch(/\{\w+\}/);
    }
    await context.close();
  });

  it("is linked from the footer and from every form that asks for a phone or an address", async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto("/en/");
    await page.click("footer a[href='/en/privacy/']");
    await page.waitForURL("**/en/privacy/");
    expect(await page.textContent("h1")).toBe("Privacy notice");

    await page.goto("/visit/gajian-lawn/");
    expect(await page.locator("form a[href='/privacy/']").count(), "booking form").toBe(1);
    await page.goto("/find/");
    expect(await page.locator("main a[href='/privacy/']").count(), "find my booking").toBeGreaterThan(0);
    await page.goto("/en/cart/?item=pear-syrup-250g:1");
    expect(await page.locator("form a[href='/en/privacy/']").count(), "checkout").toBe(1);
    await context.close();
  });
});
