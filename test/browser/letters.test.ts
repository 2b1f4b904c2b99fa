import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axe, chromiumPath, launch, MODES, openPage, openPageIn } from "./browser";
import { ADMIN, signIn } from "./dashboard";

/**
 * A resident writes to the county without JavaScript, the county office assigns the
 * letter, the agency's editor extends and answers it, its reviewer publishes it, and the
 * answer appears on /interact/ and in the monthly figures, with no personal detail.
 * In both languages, as people would do it in the browser; axe and 320 px on every page.
 */
const EDITOR = { email: "editor@jinchuan.example", password: "jinchuan-demo-editor" };
const REVIEWER = { email: "reviewer@jinchuan.example", password: "jinchuan-demo-reviewer" };
const phone = () => `137${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

const WORDS = {
  "": {
    subject: "果园灌溉水渠损坏",
    message: (p: string) => `我是沙耳乡的果农李秀兰，村里的灌溉水渠上周被冲坏了，联系电话 ${p}，请派人看看。`,
    name: "李秀兰",
    reply: "李秀兰您好：农业农村局已安排技术人员本周内到现场查看，维修费用由项目资金承担。",
    sent: "来信已收到",
    answered: "已办结",
  },
  "/en": {
    subject: "Broken irrigation channel in the orchard",
    message: (p: string) => `I am Li Xiulan, a pear grower. Our irrigation channel broke last week; call me on ${p}.`,
    name: "Li Xiulan",
    reply:
      "Dear Li Xiulan, the agriculture bureau will send a technician this week; repairs are paid from project funds.",
    sent: "Your letter has been received",
    answered: "Answered",
  },
} as const;

async function noSidewaysScroll(page: Page, path: string) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, path).toBeLessThanOrEqual(320);
}

async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

describe.skipIf(!chromiumPath)("residents write to the county", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of ["", "/en"] as const) {
    it(`goes from the form to a published reply without JavaScript (${lang || "zh-CN"})`, async () => {
      const w = WORDS[lang];
      const tel = phone();
      const resident = await openPage(browser, { javaScriptEnabled: false, viewport: { width: 320, height: 700 } });
      const page = resident.page;
      await page.goto(`${lang}/interact/`);
      await submit(page, `a[href='${lang}/interact/write/']`);
      await noSidewaysScroll(page, "write");
      // A first try with no subject and a wrong phone: it comes back with what was typed.
      await page.check("#l-type-help");
      await page.fill("#l-message", w.message(tel));
      await page.fill("#l-name", w.name);
      await page.fill("#l-phone", "123456");
      await submit(page, "form[action*='/api/letters'] button[type=submit]");
      expect(new URL(page.url()).pathname).toBe(`${lang}/interact/write/`);
      expect(await page.locator(".error-summary li").count()).toBe(2);
      expect(await page.textContent("#l-subject-error")).toBeTruthy();
      expect(await page.textContent("#l-phone-error")).toBeTruthy();
      expect(await page.inputValue("#l-message")).toBe(w.message(tel));
      expect(await page.isChecked("#l-type-help")).toBe(true);
      await page.fill("#l-subject", w.subject);
      await page.fill("#l-phone", tel);
      await page.selectOption("#l-township", "shaer-township");
      await page.check("#l-publish");
      await submit(page, "form[action*='/api/letters'] button[type=submit]");
      expect(new URL(page.url()).pathname).toBe(`${lang}/interact/letter/`);
      expect(new URL(page.url()).searchParams.has("token")).toBe(false);
      expect(await page.textContent("h1")).toBe(w.sent);
      const reference = (await page.textContent(".ref"))?.trim() ?? "";
      expect(reference).toMatch(/^[2-9A-Z]{8}$/);
      expect(await page.textContent("[role=status]")).toMatch(
        lang ? /due by .+ \(within 15 working days\)/ : /15 个工作日内/,
      );
      await noSidewaysScroll(page, "letter");
      // The link to keep opens the letter in a browser that never saw it.
      const kept = (await page.getAttribute(".link a", "href")) ?? "";
      expect(kept).toContain("token=");
      const elsewhere = await openPage(browser, { javaScriptEnabled: false });
      await elsewhere.page.goto(kept);
      expect(new URL(elsewhere.page.url()).searchParams.has("token")).toBe(false);
      expect(await elsewhere.page.textContent("h1")).toContain(reference);
      await elsewhere.context.close();

      // The county office assigns it, after a try without an office.
      const office = await openPage(browser, { javaScriptEnabled: false });
      await signIn(office.page, ADMIN, `${lang}/dashboard/login/`);
      await office.page.goto(`${lang}/dashboard/letters/?status=received`);
      await submit(office.page, `a.ref:text("${reference}")`);
      await office.page.selectOption("#a-agency", "");
      await submit(office.page, "form[action*='/accept'] button");
      expect(await office.page.textContent("#a-agency-error")).toBeTruthy();
      await office.page.selectOption("#a-agency", "agriculture-bureau");
      await submit(office.page, "form[action*='/accept'] button");
      expect(await office.page.textContent(".notice-box.done")).toBeTruthy();
      expect(await office.page.locator("form[action*='/accept']").count()).toBe(0);

      // The bureau's editor extends the deadline once, then answers.
      const editor = await openPage(browser, { javaScriptEnabled: false, viewport: { width: 320, height: 700 } });
      await signIn(editor.page, EDITOR, `${lang}/dashboard/login/`);
      await editor.page.goto(`${lang}/dashboard/letters/`);
      await submit(editor.page, `a.ref:text("${reference}")`);
      await noSidewaysScroll(editor.page, "dashboard letter");
      const until = await editor.page.getAttribute("#e-until", "max");
      await editor.page.fill("#e-until", until ?? "");
      await editor.page.fill("#e-reason", lang ? "A site visit is needed" : "需要到现场查看");
      await submit(editor.page, "form[action*='/extend'] button");
      expect(await editor.page.locator("form[action*='/extend']").count()).toBe(0);
      await editor.page.fill("#p-reply", w.reply);
      await submit(editor.page, "form[action*='/reply'] button");
      expect(await editor.page.textContent("section[aria-labelledby=reply] .text")).toBe(w.reply);
      // An editor does not publish.
      expect(await editor.page.locator("form[action*='/publish']").count()).toBe(0);

      // The reviewer publishes, after taking a word out of the subject.
      const reviewer = await openPage(browser, { javaScriptEnabled: false });
      await signIn(reviewer.page, REVIEWER, `${lang}/dashboard/login/`);
      await reviewer.page.goto(`${lang}/dashboard/letters/letter/?ref=${reference}`);
      expect(await reviewer.page.inputValue("#u-message")).not.toContain(tel);
      await reviewer.page.fill("#u-subject", lang ? "Irrigation channel repair" : "灌溉水渠维修");
      await submit(reviewer.page, "form[action*='/publish'] button");
      expect(await reviewer.page.textContent(".notice-box.done")).toBeTruthy();

      // The resident's page shows the answer; the public list shows it without who wrote it.
      await page.goto(`${lang}/interact/letter/?ref=${reference}`);
      expect(await page.textContent(".facts")).toContain(w.answered);
      expect(await page.textContent("section[aria-labelledby=reply]")).toContain(w.reply);
      await page.goto(`${lang}/interact/?type=help&agency=agriculture-bureau`);
      const article = page.locator(`article[aria-labelledby='l-${reference}']`);
      const published = (await article.textContent()) ?? "";
      expect(published).toContain(lang ? "Irrigation channel repair" : "灌溉水渠维修");
      expect(published).not.toContain(tel);
      expect(published).not.toContain(w.name);
      expect(published).toContain("***");
      const table = (await page.textContent(".stats-table tbody")) ?? "";
      expect(table).toMatch(lang ? /Request for help\s*[1-9]/ : /求助\s*[1-9]/);
      await noSidewaysScroll(page, "interact");
      for (const opened of [resident, office, editor, reviewer]) await opened.context.close();
    });
  }

  for (const mode of MODES) {
    it(`has no axe violations on the letter pages in ${mode.name} mode, at 320 px`, async () => {
      const { page, context } = await openPageIn(browser, mode, { viewport: { width: 320, height: 700 } });
      const check = async (label: string) => {
        expect(await page.evaluate(() => document.documentElement.classList.contains("elder")), label).toBe(mode.elder);
        expect(await axe(page), label).toEqual([]);
        await noSidewaysScroll(page, label);
      };
      for (const lang of ["", "/en"]) {
        for (const path of ["/interact/", "/interact/write/", "/interact/letter/", "/interact/letter/?ref=AAAAAAAA"]) {
          await page.goto(`${lang}${path}`);
          await check(`${lang}${path}`);
        }
        // The form refused, with its messages; then sent, with the confirmation.
        await page.goto(`${lang}/interact/write/`);
        await page.fill("#l-phone", "123");
        await submit(page, "form[action*='/api/letters'] button[type=submit]");
        await check(`${lang} refused form`);
        await page.check("#l-type-suggestion");
        await page.fill("#l-subject", "Axe");
        await page.fill("#l-message", `A suggestion long enough to be accepted, ${mode.name} ${lang}.`);
        await page.fill("#l-name", "Test");
        await page.fill("#l-phone", phone());
        await submit(page, "form[action*='/api/letters'] button[type=submit]");
        await check(`${lang} sent`);
        const reference = (await page.textContent(".ref"))?.trim() ?? "";
        await signIn(page, ADMIN, `${lang}/dashboard/login/`);
        await page.goto(`${lang}/dashboard/letters/letter/?ref=${reference}`);
        await check(`${lang} staff letter page`);
        await page.goto(`${lang}/dashboard/letters/`);
        await check(`${lang} staff letters`);
        await context.clearCookies();
      }
      await context.close();
    });
  }
});
