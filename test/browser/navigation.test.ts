import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, chromiumPath, expectNoAxeViolations, launch, MODES, openPage, openPageIn } from "./browser";
import { buyerPhone } from "./dashboard";

/** Phones: the common 390 × 844 and the narrowest, 320 × 640. */
const PHONES = [
  { width: 390, height: 844 },
  { width: 320, height: 640 },
] as const;
const LANGUAGES = [
  { prefix: "", other: "/en", otherLang: "en" },
  { prefix: "/en", other: "", otherLang: "zh-CN" },
] as const;
const CASES = LANGUAGES.flatMap((language) => PHONES.map((phone) => ({ ...language, phone })));
const label = (c: (typeof CASES)[number]) => `${c.prefix || "/"} at ${c.phone.width} px`;

/** A county date `offset` days from today. */
function countyDate(offset: number): string {
  const d = new Date(Date.now() + offset * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(d);
}

async function postJson<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(`${baseURL}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
    body: JSON.stringify(body),
  });
  expect(res.status, `${path}: ${await res.clone().text()}`).toBe(201);
  return (await res.json()) as T;
}

let nextDay = 30;
async function bookStay(): Promise<{ reference: string; token: string }> {
  return postJson("/api/bookings", {
    unit: "gajian-byo-tent",
    checkIn: countyDate(nextDay++),
    nights: 1,
    units: 1,
    guests: { adults: 2, children: 0 },
    contact: { name: "Li Na", phone: "13800000001" },
  });
}

async function placeOrder(): Promise<{ reference: string; token: string }> {
  const body = await postJson<{ orders: Array<{ reference: string; token: string }> }>("/api/orders", {
    items: [{ product: "pear-syrup-250g", quantity: 1 }],
    fulfilment: { method: "pickup", point: "gajian-visitor-centre" },
    contact: { name: "Wang Fang", phone: buyerPhone() },
  });
  const [order] = body.orders;
  if (!order) throw new Error("no order placed");
  return order;
}

async function switchLanguage(page: Page, toPrefix: string): Promise<URL> {
  await Promise.all([
    page.waitForURL((url) => (toPrefix ? url.pathname.startsWith("/en/") : !url.pathname.startsWith("/en/"))),
    page.click("header a[hreflang]"),
  ]);
  return new URL(page.url());
}

/** Waits for the search status line to report an outcome. */
async function searchDone(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    /\d|没有|No notices/.test(document.querySelector("[data-search-status]")?.textContent ?? ""),
  );
}

describe.skipIf(!chromiumPath)("finding one's way: language switch, not-found page, header search", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe("the language switch keeps the person on what they were looking at", () => {
    for (const c of CASES) {
      it(`keeps the booking opened from its secret link, never putting the token back in an address (${label(c)})`, async () => {
        const { page, context } = await openPage(browser, { viewport: c.phone, javaScriptEnabled: false });
        const { reference, token } = await bookStay();
        await page.goto(`${c.prefix}/visit/booking/?ref=${reference}&token=${encodeURIComponent(token)}`);
        expect(page.url()).not.toContain(token);
        expect((await page.textContent(".ref"))?.trim()).toBe(reference);
        const switchHref = (await page.getAttribute("header a[hreflang]", "href")) ?? "";
        expect(switchHref).not.toContain(token);

        const landed = await switchLanguage(page, c.other);
        expect(landed.pathname).toBe(`${c.other}/visit/booking/`);
        expect(page.url()).not.toContain(token);
        expect(await page.getAttribute("html", "lang")).toBe(c.otherLang);
        expect((await page.textContent(".ref"))?.trim()).toBe(reference);
        expect(await page.textContent("h1")).toBe(c.otherLang === "en" ? "Booking confirmed" : "预订成功");
        // The token is still there to write down and to cancel with, in the new language too.
        expect((await page.textContent(".token"))?.trim()).toBe(token);

        await page.reload();
        expect((await page.textContent(".ref"))?.trim()).toBe(reference);
        await context.close();
      });

      it(`keeps the activity session being booked (${label(c)})`, async () => {
        const { page, context } = await openPage(browser, { viewport: c.phone, javaScriptEnabled: false });
        const slots = (await (await fetch(`${baseURL}/events/slots.json`)).json()) as Array<{
          id: string;
          eventStatus: string;
          date: string;
        }>;
        const slot = slots.find((s) => s.eventStatus === "scheduled" && s.date > countyDate(2));
        expect(slot, "an upcoming bookable session in the seed content").toBeTruthy();
        if (!slot) return;
        await page.goto(`${c.prefix}/visit/book/?slot=${slot.id}`);
        const title = await page.textContent("h1");
        expect(await page.locator(".booking-form").count()).toBe(1);

        const landed = await switchLanguage(page, c.other);
        expect(landed.searchParams.get("slot")).toBe(slot.id);
        expect(await page.locator(".booking-form").count()).toBe(1);
        expect(await page.textContent("h1")).not.toBe(title);
        expect(await page.textContent("main")).not.toMatch(/not found|找不到|不存在/i);
        await context.close();
      });

      it(`keeps the order being viewed (${label(c)})`, async () => {
        const { page, context } = await openPage(browser, { viewport: c.phone, javaScriptEnabled: false });
        const { reference, token } = await placeOrder();
        await page.goto(`${c.prefix}/orders/?reference=${reference}&token=${encodeURIComponent(token)}`);
        expect(page.url()).not.toContain(token);
        expect((await page.textContent(".ref"))?.trim()).toBe(reference);

        const landed = await switchLanguage(page, c.other);
        expect(landed.pathname).toBe(`${c.other}/orders/`);
        expect(page.url()).not.toContain(token);
        expect((await page.textContent(".ref"))?.trim()).toBe(reference);
        expect(await page.getAttribute("html", "lang")).toBe(c.otherLang);
        await context.close();
      });

      it(`keeps the search query and its results (${label(c)})`, async () => {
        const { page, context } = await openPage(browser, { viewport: c.phone });
        await page.goto(`${c.prefix}/search/?q=${encodeURIComponent("梨")}`);
        await searchDone(page);
        const landed = await switchLanguage(page, c.other);
        expect(landed.searchParams.get("q")).toBe("梨");
        await searchDone(page);
        expect(await page.inputValue("#search-q")).toBe("梨");
        expect(await page.locator("[data-search-results] li").count()).toBeGreaterThan(0);
        await context.close();
      });
    }
  });

  describe("the not-found page", () => {
    const MISSES = [
      { path: "/visit/nope/", lang: "zh-CN", home: "/" },
      { path: "/en/visit/nope/", lang: "en", home: "/en/" },
      { path: "/no-such-page/", lang: "zh-CN", home: "/" },
      { path: "/en/no-such-page/", lang: "en", home: "/en/" },
      { path: "/products/no-such-product/", lang: "zh-CN", home: "/" },
      { path: "/en/cooperatives/no-such-cooperative/", lang: "en", home: "/en/" },
    ] as const;

    for (const phone of PHONES) {
      it(`answers 404 in the site's layout and the address's language, with search and a way home (${phone.width} px)`, async () => {
        const { page, context } = await openPage(browser, { viewport: phone });
        for (const miss of MISSES) {
          const res = await page.goto(miss.path);
          expect(res?.status(), miss.path).toBe(404);
          expect(await page.getAttribute("html", "lang"), miss.path).toBe(miss.lang);
          expect(await page.textContent("h1"), miss.path).toBe(miss.lang === "en" ? "Page not found" : "页面不存在");
          expect(await page.locator("header.site-header").count(), miss.path).toBe(1);
          expect(await page.locator("main input[type=search]").count(), miss.path).toBe(1);
          expect(await page.locator(`main a[href="${miss.home}"]`).count(), miss.path).toBe(1);
          expect(await page.evaluate(() => document.documentElement.scrollWidth), miss.path).toBeLessThanOrEqual(
            phone.width,
          );
        }
        await context.close();
      });
    }

    it("searches from the not-found page", async () => {
      const { page, context } = await openPage(browser, { viewport: PHONES[1] });
      await page.goto("/en/visit/nope/");
      await page.fill("main input[type=search]", "pear");
      await Promise.all([page.waitForURL("**/en/search/?q=pear"), page.press("main input[type=search]", "Enter")]);
      await searchDone(page);
      expect(await page.locator("[data-search-results] li").count()).toBeGreaterThan(0);
      await context.close();
    });

    it("leaves the API's problem+json 404 alone", async () => {
      const res = await fetch(`${baseURL}/api/no-such-route`);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    });

    for (const mode of MODES) {
      it(`has zero axe violations, both languages, ${mode.name} mode`, async () => {
        const { page, context } = await openPageIn(browser, mode, { viewport: PHONES[1] });
        await expectNoAxeViolations(page, mode, ["/no-such-page/", "/visit/nope/"], () => 404);
        await context.close();
      });
    }
  });

  describe("the search field in the header", () => {
    /** Static pages and pages rendered on demand. */
    const PAGES = [
      "/",
      "/notices/",
      "/notices/entrepreneurship-loans-and-subsidy/",
      "/events/",
      "/visit/",
      "/visit/gajian-lawn/",
      "/products/",
      "/products/pear-syrup-250g/",
      "/cart/",
      "/visit/booking/",
      "/no-such-page/",
    ];

    for (const { prefix } of LANGUAGES) {
      it(`is on every kind of page and leads to the results (${prefix || "/"})`, async () => {
        const { page, context } = await openPage(browser, { viewport: PHONES[0] });
        for (const path of PAGES) {
          await page.goto(`${prefix}${path}`);
          const field = page
            .getByRole("search")
            .getByRole("searchbox", { name: prefix ? "Search notices" : "搜索公告" });
          await field.fill("梨");
          await Promise.all([page.waitForURL(`**${prefix}/search/?q=*`), field.press("Enter")]);
          expect(new URL(page.url()).searchParams.get("q"), path).toBe("梨");
          await searchDone(page);
          expect(await page.locator("[data-search-results] li").count(), path).toBeGreaterThan(0);
        }
        await context.close();
      });
    }

    it("submits without JavaScript as a plain form", async () => {
      const { page, context } = await openPage(browser, { viewport: PHONES[1], javaScriptEnabled: false });
      await page.goto("/visit/gajian-lawn/");
      await page.fill("#site-search-q", "梨");
      await Promise.all([page.waitForURL("**/search/?q=*"), page.click("header button[type=submit]")]);
      expect(new URL(page.url()).searchParams.get("q")).toBe("梨");
      await context.close();
    });

    for (const mode of MODES) {
      it(`fits a phone with the header well inside the first screen, ${mode.name} mode`, async () => {
        for (const phone of PHONES) {
          const { page, context } = await openPageIn(browser, mode, { viewport: phone });
          for (const path of [
            "/",
            "/en/",
            "/en/visit/gajian-lawn/",
            "/en/notices/entrepreneurship-loans-and-subsidy/",
          ]) {
            await page.goto(path);
            const where = `${path} at ${phone.width} px`;
            expect(await page.evaluate(() => document.documentElement.scrollWidth), where).toBeLessThanOrEqual(
              phone.width,
            );
            const header = await page.locator("header.site-header").boundingBox();
            expect(header?.height ?? Infinity, where).toBeLessThan(phone.height * 0.75);
            for (const selector of ["#site-search-q", "header button[type=submit]"]) {
              const box = await page.locator(selector).boundingBox();
              expect(box?.height ?? 0, `${selector} ${where}`).toBeGreaterThanOrEqual(44);
              expect((box?.x ?? 0) + (box?.width ?? Infinity), `${selector} ${where}`).toBeLessThanOrEqual(phone.width);
            }
          }
          await context.close();
        }
      });
    }

    it("links to finding a booking or order again, in both languages", async () => {
      const { page, context } = await openPage(browser);
      await page.goto("/");
      expect(await page.locator(".site-nav a[href='/find/']").textContent()).toBe("找回预订/订单");
      await page.goto("/en/visit/");
      expect(await page.locator(".site-nav a[href='/en/find/']").textContent()).toBe("Find my booking or order");
      await context.close();
    });

    for (const mode of MODES) {
      it(`has zero axe violations on pages with the new header, both languages, ${mode.name} mode`, async () => {
        const { page, context } = await openPageIn(browser, mode, { viewport: PHONES[1] });
        // The campsite calendar at 320 px has its own check with the calendar.
        await expectNoAxeViolations(page, mode, [
          "/",
          "/search/",
          "/visit/",
          "/products/",
          "/products/pear-syrup-250g/",
        ]);
        await context.close();
      });
    }
  });

  describe("search results", () => {
    for (const { prefix } of LANGUAGES) {
      it(`list a notice in force above the repealed one it replaced (${prefix || "/"})`, async () => {
        const { page, context } = await openPage(browser, { viewport: PHONES[0] });
        // Both loan notices match 贷款; on relevance alone the repealed 2023 one comes first.
        await page.goto(`${prefix}/search/?q=${encodeURIComponent("贷款")}`);
        await searchDone(page);
        const links = await page.$$eval("[data-search-results] h2 a", (as) => as.map((a) => a.getAttribute("href")));
        const inForce = links.findIndex((href) => href?.endsWith("/notices/entrepreneurship-loans-and-subsidy/"));
        const repealed = links.findIndex((href) => href?.endsWith("/notices/entrepreneurship-loans-2023/"));
        expect(inForce, links.join(" ")).toBeGreaterThanOrEqual(0);
        expect(repealed, links.join(" ")).toBeGreaterThanOrEqual(0);
        expect(inForce).toBeLessThan(repealed);
        await context.close();
      });

      it(`join Chinese excerpts with Chinese punctuation (${prefix || "/"})`, async () => {
        const { page, context } = await openPage(browser, { viewport: PHONES[1] });
        for (const q of ["梨", "乡村振兴", "露营"]) {
          await page.goto(`${prefix}/search/?q=${encodeURIComponent(q)}`);
          await searchDone(page);
          // Chinese notices are indexed at their Chinese address, English ones under /en/.
          const excerpts = await page.$$eval("[data-search-results] li", (items) =>
            items
              .filter((li) => li.querySelector("h2 a")?.getAttribute("href")?.startsWith("/notices/"))
              .map((li) => li.querySelector("p")?.textContent ?? ""),
          );
          expect(excerpts.length, q).toBeGreaterThan(0);
          for (const excerpt of excerpts) {
            expect(excerpt, q).not.toMatch(/\p{Script=Han}\s*(\.\.\.|\.\s|\.$)/u);
            expect(excerpt, q).not.toMatch(/\p{Script=Han}\s+\p{Script=Han}/u);
            expect(excerpt, q).not.toMatch(/(^|[^…])…([^…]|$)/u);
          }
        }
        await context.close();
      });
    }
  });
});
