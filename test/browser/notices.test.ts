import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axe, baseURL, chromiumPath, launch, openPage } from "./browser";

/** One of each kind of page issue 3 adds, in both languages. */
const PAGES = [
  "/notices/",
  "/en/notices/",
  "/notices/page/2/",
  "/notices/entrepreneurship-loans-and-subsidy/",
  "/en/notices/entrepreneurship-loans-and-subsidy/",
  "/notices/entrepreneurship-loans-2023/",
  "/en/notices/entrepreneurship-loans-2023/",
  "/en/notices/meishan-skills-training-2023/",
  "/notices/foreign-visitors-registration/",
  "/notices/topics/pear-industry/",
  "/en/notices/agencies/agriculture-bureau/",
  "/notices/years/2023/",
  "/search/",
  "/en/search/",
  "/open-data/",
  "/en/open-data/",
];

/** Waits for the search status line to report an outcome, and returns it. */
async function searchOutcome(page: Page): Promise<string> {
  const status = page.locator("[data-search-status]");
  await page.waitForFunction(() => {
    const text = document.querySelector("[data-search-status]")?.textContent ?? "";
    return /\d|没有|No notices|无法|not working/.test(text);
  });
  return (await status.textContent()) ?? "";
}

const resultLinks = (page: Page) =>
  page.$$eval("[data-search-results] a", (links) => links.map((a) => a.getAttribute("href")));

describe.skipIf(!chromiumPath)("notices in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const elder of [false, true]) {
    it(`has zero axe violations on notice, search and open-data pages, ${elder ? "elder" : "standard"} mode`, async () => {
      const { page, context, requests } = await openPage(browser);
      if (elder) await context.addInitScript(() => localStorage.setItem("portal-elder", "1"));
      const found: Record<string, unknown> = {};
      for (const path of [...PAGES, "/search/?q=梨", "/en/search/?q=pear"]) {
        const res = await page.goto(path);
        expect(res?.status(), path).toBe(200);
        if (path.includes("?q=")) await searchOutcome(page);
        const violations = await axe(page);
        if (violations.length) found[path] = violations;
      }
      expect(found).toEqual({});
      expect(
        requests.filter((url) => new URL(url).origin !== baseURL),
        "requests to other hosts",
      ).toEqual([]);
      await context.close();
    }, 180_000);
  }

  it("fits a 320 px phone screen without sideways scrolling, in both modes", async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 320, height: 640 } });
    for (const elder of [false, true]) {
      await page.addInitScript((on) => localStorage.setItem("portal-elder", on ? "1" : "0"), elder);
      for (const path of PAGES) {
        await page.goto(path);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${path} elder=${elder}`).toBeLessThanOrEqual(320);
      }
    }
    await context.close();
  }, 120_000);

  it("finds Chinese and English words under the real Content-Security-Policy", async () => {
    // No bypassCSP here: the search must work under the policy the site really sends.
    const { page, context, consoleErrors } = await openPage(browser, { bypassCSP: false });
    await page.goto(`/search/?q=${encodeURIComponent("梨")}`);
    expect(await searchOutcome(page)).toMatch(/找到 \d+ 篇公告/);
    const pear = await resultLinks(page);
    expect(pear).toContain("/notices/pear-orchard-service-team/");
    expect(pear).toContain("/notices/new-pear-varieties-processing/");

    await page.fill("#search-q", "创业贷款");
    await page.click("form[data-search] button[type=submit]");
    await page.waitForURL(/q=/);
    await page.waitForFunction(() => document.querySelector("[data-search-results] a[href*='entrepreneurship']"));
    const loans = await resultLinks(page);
    expect(loans.slice(0, 2).sort()).toEqual([
      "/notices/entrepreneurship-loans-2023/",
      "/notices/entrepreneurship-loans-and-subsidy/",
    ]);

    await page.goto("/en/search/?q=welder");
    expect(await searchOutcome(page)).toBe("2 notices found");
    expect((await resultLinks(page)).sort()).toEqual([
      "/en/notices/meishan-skills-training-2023/",
      "/en/notices/meishan-skills-training-supplement/",
    ]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("narrows results by topic, year and language", async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`/search/?q=${encodeURIComponent("梨")}&topic=pear-industry`);
    await searchOutcome(page);
    expect((await resultLinks(page)).sort()).toEqual([
      "/notices/new-pear-varieties-processing/",
      "/notices/pear-orchard-service-team/",
    ]);
    expect(await page.inputValue("#search-topic")).toBe("pear-industry");

    await page.selectOption("#search-year", "2024");
    await page.waitForURL(/year=2024/);
    await page.waitForFunction(() => document.querySelectorAll("[data-search-results] a").length === 1);
    expect(await resultLinks(page)).toEqual(["/notices/new-pear-varieties-processing/"]);

    await page.goto("/en/search/?q=pear&language=en");
    await searchOutcome(page);
    const english = await resultLinks(page);
    expect(english.length).toBeGreaterThan(3);
    expect(english.every((href) => href?.startsWith("/en/notices/"))).toBe(true);
    await context.close();
  });

  it("without JavaScript, says what search needs and still offers browsing", async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto("/search/");
    expect(await page.locator(".needs-js").isVisible()).toBe(true);
    expect(await page.locator("form[data-search]").isVisible()).toBe(false);
    await page.click("a[href='/notices/topics/pear-industry/']");
    expect(await page.textContent("h1")).toBe("主题：梨产业");
    expect(await page.locator(".notice-list > li").count()).toBe(2);
    await page.goto("/notices/pear-orchard-service-team/");
    expect(await page.locator("[data-read-aloud]").isVisible()).toBe(false);
    await context.close();
  });

  it("lands on the same notice when switching language, with a note when there is no translation", async () => {
    const { page, context } = await openPage(browser);
    await page.goto("/notices/pear-orchard-service-team/");
    await page.click("a[hreflang='en']");
    expect(new URL(page.url()).pathname).toBe("/en/notices/pear-orchard-service-team/");
    expect(await page.textContent("h1")).toBe(
      "Free pruning and tree-lowering for pear orchards whose owners cannot manage them",
    );
    await page.click("a[hreflang='zh-CN']");
    expect(new URL(page.url()).pathname).toBe("/notices/pear-orchard-service-team/");

    await page.goto("/notices/xinkaizong-celtuce-season/");
    await page.click("a[hreflang='en']");
    expect(new URL(page.url()).pathname).toBe("/en/notices/xinkaizong-celtuce-season/");
    expect(await page.textContent(".only-in")).toBe("This notice is only available in Chinese.");
    expect(await page.getAttribute("h1", "lang")).toBe("zh-CN");
    await context.close();
  });

  it("shows the catalogue fields, and marks a repealed notice with a link to its replacement", async () => {
    const { page, context } = await openPage(browser);
    await page.goto("/notices/entrepreneurship-loans-2023/");
    const catalogue = (await page.textContent(".catalogue")) ?? "";
    for (const text of [
      "索引号",
      "11513226MB1520046R/2023-00008",
      "发布机构",
      "金川县人力资源和社会保障局",
      "主题分类",
    ]) {
      expect(catalogue).toContain(text);
    }
    for (const text of ["文号", "金人社发〔2023〕4号", "成文日期", "2023年3月1日", "发布日期", "有效性", "已废止"]) {
      expect(catalogue).toContain(text);
    }
    expect(await page.textContent(".validity-banner")).toContain("本公告已于 2024年2月29日 废止");
    await page.click(".validity-banner a");
    expect(new URL(page.url()).pathname).toBe("/notices/entrepreneurship-loans-and-subsidy/");
    expect(await page.locator(".validity-banner").count()).toBe(0);
    expect(await page.textContent(".attachments")).toMatch(/PDF, \d+\.\d KB[\s\S]*CSV, \d+ B/);
    expect(await page.textContent(".changes")).toContain("2024年5月10日");

    const ld = JSON.parse((await page.textContent("script[type='application/ld+json']")) ?? "{}");
    expect(ld).toMatchObject({ "@type": "Legislation", legislationLegalForce: "https://schema.org/InForce" });
    expect(ld.legislationChanges).toEqual([
      { "@id": "https://www.jinchuan.gov.cn/notices/entrepreneurship-loans-2023/" },
    ]);
    await context.close();
  });

  it("reads the notice aloud in the notice's own language", async () => {
    const { page, context } = await openPage(browser);
    // Headless Chromium has no voices, so record what would be spoken instead.
    await context.addInitScript(() => {
      const spoken: Array<{ text: string; lang: string }> = [];
      Object.assign(window, { spoken });
      window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => void spoken.push({ text: u.text, lang: u.lang });
    });
    for (const [path, lang, title] of [
      ["/notices/waste-sorting-chain/", "zh-CN", "农村生活垃圾分类"],
      ["/en/notices/waste-sorting-chain/", "en", "Village waste sorting"],
      ["/en/notices/xinkaizong-celtuce-season/", "zh-CN", "新开宗村"],
    ] as const) {
      await page.goto(path);
      await page.click("[data-read-aloud]");
      const spoken = await page.evaluate(
        () => (window as unknown as { spoken: Array<{ text: string; lang: string }> }).spoken,
      );
      expect(spoken[0]?.text, path).toContain(title);
      expect(spoken.length, path).toBeGreaterThan(5);
      expect(new Set(spoken.map((s) => s.lang)), path).toEqual(new Set([lang]));
    }
    await context.close();
  });

  it("prints the notice without navigation, tools or links to other notices", async () => {
    const { page, context } = await openPage(browser);
    await page.goto("/notices/entrepreneurship-loans-and-subsidy/");
    await page.emulateMedia({ media: "print" });
    for (const selector of [".site-nav", "[data-read-aloud]", ".neighbours", ".breadcrumbs"]) {
      expect(await page.locator(selector).isVisible(), selector).toBe(false);
    }
    expect(await page.locator(".catalogue").isVisible()).toBe(true);
    expect(await page.locator(".attachments").isVisible()).toBe(true);
    await context.close();
  });
});
