import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, chromiumPath, expectNoAxeViolations, launch, MODES, openPage, openPageIn } from "./browser";
import { inBothLanguages } from "./pages";

/** Every page of the site shell, in Chinese; the English ones are /en + the same. */
const SHELL_PAGES = ["/", "/accessibility/", "/privacy/", "/visit/"];

describe.skipIf(!chromiumPath)("site shell in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("serves the home page in Chinese at / and English at /en/", async () => {
    const { page, context } = await openPage(browser);
    await page.goto("/");
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    expect(await page.textContent("h1")).toContain("金川县");
    await page.goto("/en/");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.textContent("h1")).toContain("Jinchuan County");
    await context.close();
  });

  it("lands on the counterpart page when switching language", async () => {
    const { page, context } = await openPage(browser);
    await page.goto("/accessibility/");
    await page.click("a[hreflang='en']");
    expect(new URL(page.url()).pathname).toBe("/en/accessibility/");
    expect(await page.textContent("h1")).toBe("Accessibility statement");
    await page.click("a[hreflang='zh-CN']");
    expect(new URL(page.url()).pathname).toBe("/accessibility/");
    expect(await page.textContent("h1")).toBe("无障碍声明");
    await context.close();
  });

  it("remembers elder-friendly mode across pages and applies it before first paint", async () => {
    const { page, context } = await openPage(browser);
    await page.goto("/");
    const toggle = page.locator(".elder-toggle");
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    await toggle.click();
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    await page.click("footer a[href='/accessibility/']");
    await page.waitForURL("**/accessibility/");
    // The class is set by the head bootstrap, before the body is parsed.
    const atFirstPaint = await page.evaluate(() => document.documentElement.classList.contains("elder"));
    expect(atFirstPaint).toBe(true);
    const style = await page.evaluate(() => {
      const p = getComputedStyle(document.querySelector("main p") as Element);
      return {
        size: Number.parseFloat(p.fontSize),
        line: Number.parseFloat(p.lineHeight) / Number.parseFloat(p.fontSize),
      };
    });
    expect(style.size).toBeGreaterThanOrEqual(20);
    expect(style.line).toBeGreaterThanOrEqual(1.5);
    const target = await page.locator(".site-nav a").first().boundingBox();
    expect(target?.height ?? 0).toBeGreaterThanOrEqual(44);
    await page.locator(".elder-toggle").click();
    await page.goto("/en/");
    expect(await page.evaluate(() => document.documentElement.classList.contains("elder"))).toBe(false);
    await context.close();
  });

  for (const mode of MODES) {
    it(`has zero axe violations (WCAG 2.2 AA) on every shell page, ${mode.name} mode`, async () => {
      const { page, context, requests, consoleErrors } = await openPageIn(browser, mode);
      await expectNoAxeViolations(page, mode, SHELL_PAGES);
      const foreign = requests.filter((url) => new URL(url).origin !== baseURL);
      expect(foreign, "requests to other hosts").toEqual([]);
      expect(consoleErrors, "console errors (CSP violations show here)").toEqual([]);
      await context.close();
    });
  }

  it("fits a 320 px phone screen without sideways scrolling", async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 320, height: 640 } });
    for (const elder of [false, true]) {
      await page.addInitScript((on) => localStorage.setItem("portal-elder", on ? "1" : "0"), elder);
      for (const path of inBothLanguages(SHELL_PAGES)) {
        await page.goto(path);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${path} elder=${elder}`).toBeLessThanOrEqual(320);
      }
    }
    await context.close();
  });

  it("works without JavaScript: pages render and the elder switch is hidden", async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto("/en/visit/");
    expect(await page.textContent("h1")).toBe("Visit");
    expect(await page.locator(".elder-toggle").isVisible()).toBe(false);
    await context.close();
  });
});
