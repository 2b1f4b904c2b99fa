import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumPath, launch, openPage } from "./browser";

interface Parsed {
  error: string | null;
  root: string | undefined;
  entries: Array<{ title: string; link: string; lang: string | null }>;
  locs: Array<{ loc: string; alternates: Record<string, string> }>;
}

/** Fetches XML from the portal and parses it with the browser's own XML parser. */
function parseXml(page: Page, path: string): Promise<Parsed> {
  return page.evaluate(async (url) => {
    const text = await (await fetch(url)).text();
    const doc = new DOMParser().parseFromString(text, "application/xml");
    const error = doc.querySelector("parsererror")?.textContent ?? null;
    const entries = [...doc.getElementsByTagName("entry")].map((e) => ({
      title: e.getElementsByTagName("title")[0]?.textContent ?? "",
      link: e.getElementsByTagName("link")[0]?.getAttribute("href") ?? "",
      lang: e.getAttribute("xml:lang"),
    }));
    const locs = [...doc.getElementsByTagName("url")].map((u) => ({
      loc: u.getElementsByTagName("loc")[0]?.textContent ?? "",
      alternates: Object.fromEntries(
        [...u.getElementsByTagName("xhtml:link")].map((l) => [l.getAttribute("hreflang"), l.getAttribute("href")]),
      ),
    }));
    return { error, root: doc.documentElement?.localName, entries, locs };
  }, path);
}

/** Status of each path, fetched from inside the page. */
const statuses = (page: Page, paths: string[]) =>
  page.evaluate(
    (list) => Promise.all(list.map(async (p) => [p, (await fetch(p, { method: "HEAD" })).status] as const)),
    paths,
  );

const pathOf = (url: string) => new URL(url).pathname;

describe.skipIf(!chromiumPath)("feeds, sitemap, open data and budgets", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("serves Atom feeds per language and per topic that parse and link to real pages", async () => {
    const { page, context } = await openPage(browser);
    await page.goto("/");
    const zh = await parseXml(page, "/notices/feed.xml");
    expect(zh.error).toBeNull();
    expect(zh.root).toBe("feed");
    expect(zh.entries).toHaveLength(15);
    expect(zh.entries[0]?.title).toBe("新开宗村高山莴笋进入采收季");
    expect(zh.entries.find((e) => e.link.endsWith("/notices/foreign-visitors-registration/"))?.lang).toBe("en");

    const en = await parseXml(page, "/en/notices/feed.xml");
    expect(en.error).toBeNull();
    expect(en.entries.map((e) => e.title)).toContain(
      "Guide to entrepreneurship guarantee loans and the one-off start-up subsidy",
    );

    const topic = await parseXml(page, "/notices/topics/employment/feed.xml");
    expect(topic.error).toBeNull();
    expect(topic.entries).toHaveLength(4);

    const links = [...zh.entries, ...en.entries, ...topic.entries].map((e) => pathOf(e.link));
    expect((await statuses(page, links)).filter(([, status]) => status !== 200)).toEqual([]);
    await context.close();
  });

  it("lists every page in sitemap.xml with reciprocal hreflang alternates, and robots.txt points to it", async () => {
    const { page, context } = await openPage(browser);
    await page.goto("/");
    const sitemap = await parseXml(page, "/sitemap.xml");
    expect(sitemap.error).toBeNull();
    expect(sitemap.root).toBe("urlset");
    const locs = sitemap.locs.map((l) => pathOf(l.loc));
    for (const path of ["/", "/en/notices/", "/notices/pear-orchard-service-team/", "/en/open-data/", "/search/"]) {
      expect(locs, path).toContain(path);
    }
    expect((await statuses(page, locs)).filter(([, status]) => status !== 200)).toEqual([]);
    for (const { loc, alternates } of sitemap.locs) {
      const zh = alternates["zh-CN"];
      const en = alternates.en;
      expect([zh, en], loc).toContain(loc);
      expect(locs, loc).toContain(pathOf(zh ?? ""));
      expect(locs, loc).toContain(pathOf(en ?? ""));
    }
    const robots = await page.evaluate(async () => (await fetch("/robots.txt")).text());
    expect(robots).toContain("Sitemap: https://www.jinchuan.gov.cn/sitemap.xml");
    await context.close();
  });

  it("shows the catalogue on every notice page, and a banner on every repealed or amended one", async () => {
    const { page, context } = await openPage(browser);
    await page.goto("/");
    const sitemap = await parseXml(page, "/sitemap.xml");
    const noticePages = sitemap.locs
      .map((l) => pathOf(l.loc))
      .filter((p) => /^(\/en)?\/notices\/[a-z0-9-]+\/$/.test(p));
    expect(noticePages).toHaveLength(30);
    const pages = await page.evaluate(
      (paths) =>
        Promise.all(
          paths.map(async (path) => {
            const doc = new DOMParser().parseFromString(await (await fetch(path)).text(), "text/html");
            const fields = [...doc.querySelectorAll(".catalogue dt")].length;
            const status = doc.querySelector(".catalogue .status")?.className ?? "";
            return { path, fields, status, banner: Boolean(doc.querySelector(".validity-banner a")) };
          }),
        ),
      noticePages,
    );
    for (const p of pages) {
      expect(p.fields, p.path).toBeGreaterThanOrEqual(9);
      expect(p.banner, p.path).toBe(/repealed|amended/.test(p.status));
    }
    expect(
      pages
        .filter((p) => p.banner)
        .map((p) => p.path)
        .sort(),
    ).toEqual([
      "/en/notices/entrepreneurship-loans-2023/",
      "/en/notices/meishan-skills-training-2023/",
      "/notices/entrepreneurship-loans-2023/",
      "/notices/meishan-skills-training-2023/",
    ]);
    await context.close();
  });

  it("draws open-data charts without JavaScript, each with a name and a table alternative", async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto("/open-data/");
    const charts = page.locator("svg[role='img']");
    expect(await charts.count()).toBe(3);
    const names = await charts.evaluateAll((svgs) =>
      svgs.map((svg) =>
        (svg.getAttribute("aria-labelledby") ?? "")
          .split(" ")
          .map((id) => document.getElementById(id)?.textContent)
          .join(" "),
      ),
    );
    expect(names[0]).toContain("同比增长");
    expect(names[0]).toContain("游客人次：+62.05%");
    expect(await page.locator("table caption").count()).toBe(3);
    const table = (await page.locator("table").first().textContent()) ?? "";
    expect(table).toContain("12,322元");
    expect(table).toContain("6,876万元");
    await context.close();
  });

  it("offers CSV downloads that open with the right Chinese text, and JSON with the same figures", async () => {
    const { page, context } = await openPage(browser);
    await page.goto("/open-data/");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("a[href='/open-data/growth.csv']"),
    ]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(3));
    expect(text).toContain("income-lifted-households,脱贫户人均纯收入,12322,元,2022年,15.8,");

    const json: { records: Array<{ id: string; value: number }> } = await page.evaluate(async () =>
      (await fetch("/en/open-data/agriculture.json")).json(),
    );
    expect(json.records.map((r) => [r.id, r.value])).toContainEqual(["sichuan-pepper-bases", 3333.3]);
    await context.close();
  });

  it("ships at most 5 KB of JavaScript on notice pages, all from the portal itself", async () => {
    const { page, context, requests } = await openPage(browser);
    const sizes = new Map<string, number>();
    page.on("response", async (res) => {
      // A redirect has no body; the response it leads to is counted instead.
      if (res.request().resourceType() === "script" && res.status() < 300)
        sizes.set(res.url(), (await res.body()).length);
    });
    for (const path of [
      "/notices/entrepreneurship-loans-and-subsidy/",
      "/en/notices/xinkaizong-celtuce-season/",
      "/notices/",
    ]) {
      sizes.clear();
      await page.goto(path, { waitUntil: "networkidle" });
      const inline = await page.$$eval("script:not([src]):not([type='application/ld+json'])", (s) =>
        s.reduce((sum, el) => sum + new TextEncoder().encode(el.textContent ?? "").length, 0),
      );
      const total = [...sizes.values()].reduce((a, b) => a + b, inline);
      expect(total, `${path}: ${[...sizes.keys()].join(", ")}`).toBeLessThanOrEqual(5 * 1024);
    }
    expect(requests.filter((url) => !url.startsWith(new URL(page.url()).origin))).toEqual([]);
    await context.close();
  });
});
