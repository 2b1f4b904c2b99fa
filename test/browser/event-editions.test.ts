import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axe, baseURL, chromiumPath, expectNoAxeViolations, launch, MODES, openPage, openPageIn } from "./browser";
import { cookieHeader, signIn } from "./dashboard";

/**
 * County staff write a festival event's page without git: the demo editor fills both
 * languages side by side without JavaScript (a mistake comes back at its field, with
 * what was typed), submits; the demo reviewer approves by keyboard; the dashboard says
 * the site is rebuilding. The editor cannot approve their own edition. Axe on the
 * editor's pages in both languages and modes, at 320 px.
 */
const EDITOR = { email: "editor@jinchuan.example", password: "jinchuan-demo-editor" };
const REVIEWER = { email: "reviewer@jinchuan.example", password: "jinchuan-demo-reviewer" };

async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

describe.skipIf(!chromiumPath)("county staff publish festival events", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of ["", "/en"] as const) {
    it(`drafts both languages without JavaScript, and a reviewer publishes it (${lang || "zh-CN"})`, async () => {
      const slug = `harvest-fair-${lang ? "en" : "zh"}-${Date.now().toString(36)}`;
      const editor = await openPage(browser, { javaScriptEnabled: false, viewport: { width: 1024, height: 900 } });
      await signIn(editor.page, EDITOR, `${lang}/dashboard/login/`);
      const page = editor.page;
      await page.goto(`${lang}/dashboard/event-pages/new/`);
      await page.fill("#ev-slug", slug);
      await page.selectOption("#ev-status", "tentative");
      await page.fill("#ev-start", "2028-09-16");
      // A mistake: the end before the start.
      await page.fill("#ev-end", "2028-09-10");
      await page.fill("#ev-latitude", "31.47");
      await page.fill("#ev-longitude", "102.06");
      await page.fill("#ev-priceYuan", "0");
      await page.fill("#ev-sessions", "2028-09-16 09:30-11:00 20 30 采摘体验 / Picking session");
      await page.fill("#ev-zh-title", "2028 金秋采摘节");
      await page.fill("#ev-zh-summary", "在梨园亲手采摘成熟的雪梨。");
      await page.fill("#ev-zh-statusNote", "日期取决于成熟期。");
      await page.fill("#ev-zh-venueName", "采摘节主会场");
      await page.fill("#ev-zh-venueArea", "咯尔乡");
      await page.fill("#ev-zh-venueAddress", "咯尔乡梨园");
      await page.fill("#ev-zh-venueDirections", "从县城沿国道向北约 10 公里。");
      await page.fill("#ev-zh-organizerName", "县农业农村局");
      await page.fill("#ev-zh-programme", "2028-09-16 10:00-11:00 开幕式 @ 主会场");
      // A long text, longer than a cookie carries: a refusal must give it back whole.
      const body = `## 采摘须知\n\n${"请自备篮子，爱护果树，不要攀折枝条。".repeat(400)}`;
      await page.fill("#ev-zh-body", body);
      await page.fill("#ev-en-title", "Harvest Fair 2028");
      await page.fill("#ev-en-summary", "Pick ripe pears yourself in the orchards.");
      await page.fill("#ev-en-statusNote", "The dates depend on the ripening.");
      await page.fill("#ev-en-venueName", "Harvest Fair main venue");
      await page.fill("#ev-en-venueArea", "Ke'er Township");
      await page.fill("#ev-en-venueAddress", "Ke'er orchards");
      await page.fill("#ev-en-venueDirections", "About 10 km north of the county town.");
      await page.fill("#ev-en-organizerName", "County Bureau of Agriculture");
      await page.fill("#ev-en-programme", "2028-09-16 10:00-11:00 Opening @ Main venue");
      await submit(page, ".event-form button[type=submit]");
      expect(page.url()).toContain("/dashboard/event-pages/new/");
      const error = await page.textContent("#ev-end-error");
      expect(error).toBe(lang ? "the end is before the start" : "结束时间早于开始时间。");
      expect(await page.inputValue("#ev-zh-title")).toBe("2028 金秋采摘节");
      expect(await page.inputValue("#ev-en-programme")).toContain("Opening");
      expect(await page.inputValue("#ev-zh-body")).toBe(body);
      await page.fill("#ev-end", "2028-09-24");
      await submit(page, ".event-form button[type=submit]");
      expect(page.url()).toContain("/dashboard/event-pages/edition/?id=");
      const id = Number(new URL(page.url()).searchParams.get("id"));
      await submit(page, "section[aria-labelledby=send] button");

      const own = await fetch(`${baseURL}/api/dashboard/event-editions/${id}/approve`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: await cookieHeader(EDITOR), origin: baseURL },
        body: "{}",
      });
      expect(own.status).toBe(403);

      const reviewer = await openPage(browser, { viewport: { width: 1024, height: 900 } });
      await signIn(reviewer.page, REVIEWER, `${lang}/dashboard/login/`);
      await reviewer.page.goto(`${lang}/dashboard/event-pages/edition/?id=${id}`);
      await reviewer.page.focus("section[aria-labelledby=approve] button");
      await Promise.all([reviewer.page.waitForNavigation(), reviewer.page.keyboard.press("Enter")]);
      const main = (await reviewer.page.textContent("main")) ?? "";
      expect(main).toContain(lang ? "published, site rebuilding" : "已发布");
      await reviewer.page.goto(`${lang}/dashboard/event-pages/`);
      const title = lang ? "Harvest Fair 2028" : "2028 金秋采摘节";
      expect(await reviewer.page.textContent("main")).toContain(title);

      // A visitor sees it at once, before any rebuild: the list and its own page, on a phone without JavaScript.
      const visitor = await openPage(browser, { javaScriptEnabled: false, viewport: { width: 320, height: 700 } });
      await visitor.page.goto(`${lang}/events/`);
      expect(await visitor.page.textContent("main")).toContain(title);
      const res = await visitor.page.goto(`${lang}/events/${slug}/`);
      expect(res?.status()).toBe(200);
      const text = (await visitor.page.textContent("main")) ?? "";
      expect(text).toContain(title);
      expect(text).toContain(lang ? "Opening" : "开幕式");
      expect(text).toContain(lang ? "The dates depend on the ripening." : "日期取决于成熟期。");
      if (!lang) expect(await visitor.page.locator(".body h2").textContent()).toBe("采摘须知");
      expect(await visitor.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      const withScript = await openPage(browser, { viewport: { width: 320, height: 700 } });
      await withScript.page.goto(`${lang}/events/${slug}/`);
      expect(await axe(withScript.page)).toEqual([]);
    });
  }

  for (const mode of MODES) {
    it(`has no axe violations on the event editor's pages at 320 px (${mode.name})`, async () => {
      const { page } = await openPageIn(browser, mode, { viewport: { width: 320, height: 800 } });
      await signIn(page, EDITOR);
      await page.goto("/dashboard/event-pages/");
      const first = await page.locator("a[href*='/dashboard/event-pages/edition/?id=']").first().getAttribute("href");
      const paths = [
        "/dashboard/event-pages/",
        "/dashboard/event-pages/new/",
        "/dashboard/event-pages/new/?slug=pear-blossom-2027",
      ];
      await expectNoAxeViolations(page, mode, first ? [...paths, first.replace(/^\/en/, "")] : paths);
      // Nothing wider than the phone.
      await page.goto("/dashboard/event-pages/new/?slug=pear-blossom-2027");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    });
  }
});
