import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axe, baseURL, chromiumPath, launch, MODES, openPage, openPageIn } from "./browser";
import { cookieHeader, signIn } from "./dashboard";

/**
 * County staff publish a notice without git: the demo editor drafts it, pasting the text
 * from Word, attaches a file and submits; the demo reviewer approves it; a visitor finds it
 * on the list, its topic page and its own page, with the catalogue fields and the
 * attachment's type and size, and later an amendment's change note. The editor cannot
 * approve their own edition. Both languages; the reviewer works by keyboard.
 */
const EDITOR = { email: "editor@jinchuan.example", password: "jinchuan-demo-editor" };
const REVIEWER = { email: "reviewer@jinchuan.example", password: "jinchuan-demo-reviewer" };

/** What Word puts on the clipboard for a heading, a bold word, a list and a table. */
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{font-family:宋体}</style></head>
<body><!--StartFragment--><h1 style="font-family:黑体">申领条件</h1>
<p class="MsoNormal"><span style="font-size:14pt">种植户须为<b>本县户籍</b>。<o:p></o:p></span></p>
<ul><li>梨树 10 亩以上</li><li>莴笋 5 亩以上</li></ul>
<table class="MsoTableGrid" border="1"><tr><td><p>作物</p></td><td><p>标准</p></td></tr><tr><td><p>梨树</p></td><td><p>每亩 100 元</p></td></tr></table>
<p><a href="javascript:alert(1)">点这里</a></p><!--EndFragment--></body></html>`;

const WORDS = {
  "": {
    title: "冬季梨园防冻补贴申领指南",
    summary: "种植梨树的农户可在 1 月底前申领防冻补贴。",
    topic: "梨产业",
    change: "申领截止日期延至 2 月 15 日",
  },
  "/en": {
    title: "Winter frost protection grant for pear orchards",
    summary: "Pear growers can apply for a frost protection grant until the end of January.",
    topic: "Pear industry",
    change: "The closing date moved to 15 February",
  },
} as const;

async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

async function paste(page: Page, selector: string, html: string) {
  await page.focus(selector);
  await page.evaluate(
    ([sel, data]) => {
      const target = document.querySelector(sel as string) as HTMLTextAreaElement;
      const transfer = new DataTransfer();
      transfer.setData("text/html", data as string);
      transfer.setData("text/plain", "plain");
      target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
    },
    [selector, html],
  );
}

describe.skipIf(!chromiumPath)("county staff publish notices", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of ["", "/en"] as const) {
    it(`drafts, reviews and publishes a notice that visitors see at once (${lang || "zh-CN"})`, async () => {
      const w = WORDS[lang];
      const slug = `frost-grant-${lang ? "en" : "zh"}-${Date.now().toString(36)}`;
      const editor = await openPage(browser, { viewport: { width: 1024, height: 900 } });
      await signIn(editor.page, EDITOR, `${lang}/dashboard/login/`);
      const page = editor.page;
      await page.goto(`${lang}/dashboard/notices/new/`);
      await page.fill("#n-slug", slug);
      if (lang) await page.check("#n-lang-en");
      await page.fill("#n-title", w.title);
      await page.fill("#n-summary", w.summary);
      await page.selectOption("#n-agency", "agriculture-bureau");
      await page.selectOption("#n-topic", "pear-industry");
      await page.fill("#n-written", "2026-11-28");
      await page.fill("#n-effective", "2026-12-01");
      await page.fill("#n-tags", lang ? "frost, grant" : "防冻, 补贴");
      await paste(page, "#n-body", WORD_HTML);
      const body = await page.inputValue("#n-body");
      expect(body).toContain("## 申领条件");
      expect(body).toContain("**本县户籍**");
      expect(body).toMatch(/\| 梨树 +\| 每亩 100 元 +\|/);
      expect(body).not.toContain("javascript:");
      expect(body).not.toContain("宋体");
      await submit(page, ".notice-form button[type=submit]");
      expect(page.url()).toContain("/dashboard/notices/edition/?id=");
      const id = Number(new URL(page.url()).searchParams.get("id"));

      await page.setInputFiles("#a-file", {
        name: "申领表.csv",
        mimeType: "text/csv",
        buffer: Buffer.from("姓名,乡镇,面积\n张明,沙耳乡,12\n", "utf8"),
      });
      await page.fill("#a-title", lang ? "Application form" : "申领表");
      await submit(page, "form[enctype] button");
      await expect.poll(() => page.locator("section[aria-labelledby=files] li").count()).toBe(1);
      await submit(page, "section[aria-labelledby=send] button");

      // The edition's own author may not approve it.
      const own = await fetch(`${baseURL}/api/dashboard/notices/${id}/approve`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: await cookieHeader(EDITOR), origin: baseURL },
        body: "{}",
      });
      expect(own.status).toBe(403);

      const reviewer = await openPage(browser, { viewport: { width: 1024, height: 900 } });
      await signIn(reviewer.page, REVIEWER, `${lang}/dashboard/login/`);
      await reviewer.page.goto(`${lang}/dashboard/notices/edition/?id=${id}`);
      await reviewer.page.focus("section[aria-labelledby=approve] button");
      await Promise.all([reviewer.page.waitForNavigation(), reviewer.page.keyboard.press("Enter")]);
      expect(await reviewer.page.textContent("main")).toContain(lang ? "published" : "已发布");

      const visitor = await openPage(browser, { javaScriptEnabled: false, viewport: { width: 320, height: 700 } });
      await visitor.page.goto(`${lang}/notices/`);
      expect(await visitor.page.textContent("main")).toContain(w.title);
      await visitor.page.goto(`${lang}/notices/topics/pear-industry/`);
      expect(await visitor.page.textContent("main")).toContain(w.title);
      await visitor.page.goto(`${lang}/notices/${slug}/`);
      const text = (await visitor.page.textContent("main")) ?? "";
      expect(text).toContain(w.title);
      expect(text).toMatch(/11513226MB1520038K\/\d{4}-\d{5}/);
      expect(text).toContain("CSV");
      expect(await visitor.page.locator(".prose table").count()).toBe(1);
      expect(await visitor.page.locator(".prose h2").first().textContent()).toBe("申领条件");
      expect(await visitor.page.locator('.prose a[href^="javascript"]').count()).toBe(0);

      // An amendment, with its change note in the public change log.
      await page.goto(`${lang}/dashboard/notices/new/?slug=${slug}&lang=${lang ? "en" : "zh-CN"}`);
      await page.fill("#n-change", w.change);
      await submit(page, ".notice-form button[type=submit]");
      await submit(page, "section[aria-labelledby=send] button");
      const amendment = Number(new URL(page.url()).searchParams.get("id"));
      await reviewer.page.goto(`${lang}/dashboard/notices/edition/?id=${amendment}`);
      await submit(reviewer.page, "section[aria-labelledby=approve] button");
      await visitor.page.goto(`${lang}/notices/${slug}/`);
      expect(await visitor.page.textContent("main")).toContain(w.change);
      for (const c of [editor, reviewer, visitor]) await c.context.close();
    });
  }

  for (const mode of MODES) {
    it(`has no axe violations on the editor's pages in ${mode.name} mode, at 320 px`, async () => {
      const { page, context } = await openPageIn(browser, mode, { viewport: { width: 320, height: 700 } });
      await signIn(page, EDITOR);
      const slug = `axe-${mode.name}-${Date.now().toString(36)}`;
      const draft = await fetch(`${baseURL}/api/dashboard/notices`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: await cookieHeader(EDITOR), origin: baseURL },
        body: JSON.stringify({
          slug,
          language: "zh-CN",
          title: "无障碍检查用草稿",
          summary: "摘要",
          agency: "agriculture-bureau",
          topic: "agriculture",
          written: "2026-11-01",
          validity: { status: "in-force", effective: "2026-11-01" },
          body: "## 小标题\n\n正文",
        }),
      });
      expect(draft.status).toBe(201);
      const { id } = (await draft.json()) as { id: number };
      for (const lang of ["", "/en"]) {
        await page.goto(`${lang}/dashboard/notices/edition/?id=${id}`);
        expect(await axe(page), `${lang} edition`).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${lang} edition`).toBeLessThanOrEqual(
          320,
        );
        // The staff preview at the notice's future address: the public template, never indexed.
        await page.goto(`${lang}/notices/${slug}/?preview=${id}`);
        expect(await page.getAttribute('meta[name="robots"]', "content")).toBe("noindex, nofollow");
        expect(await axe(page), `${lang} preview`).toEqual([]);
        for (const path of ["/dashboard/notices/", "/dashboard/notices/new/"]) {
          await page.goto(`${lang}${path}`);
          expect(await axe(page), `${lang}${path}`).toEqual([]);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          expect(width, `${lang}${path}`).toBeLessThanOrEqual(320);
        }
        // The other language's text beside the form, for a notice that has one.
        await page.goto(`${lang}/dashboard/notices/new/?slug=development-plan-2023-2027&lang=en`);
        expect(await axe(page), `${lang} amend`).toEqual([]);
        // A refused draft comes back with its messages, and stays accessible.
        await page.goto(`${lang}/dashboard/notices/new/`);
        await submit(page, ".notice-form button[type=submit]");
        expect(await page.locator(".field-error").count()).toBeGreaterThan(0);
        expect(await axe(page), `${lang} refused draft`).toEqual([]);
      }
      await context.close();
    });
  }
});
