import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayIn } from "../../src/lib/events/time";
import { baseURL, chromiumPath, expectNoAxeViolations, launch, MODES, openPage, openPageIn } from "./browser";
import { inBothLanguages } from "./pages";

/** Festival and event pages as visitors see them, in Chinese; the English ones are /en + the same. */
const EVENT_SLUGS = [
  "jiarong-new-year-2026", // rescheduled, with bookable slots
  "gajian-winter-camping-2026", // cancelled, with slots that must not be offered
  "pear-blossom-2027", // tentative: "dates depend on the bloom"
  "pear-new-year-market-2027", // postponed
  "pear-picking-2026", // past, with slots
  "pear-picking-2027", // scheduled, priced
  "guozhuang-bonfire-2026", // written in Chinese only
];
const month = todayIn("Asia/Shanghai").slice(0, 7);
const PAGES = [
  "/events/",
  `/events/calendar/${month}/`,
  "/events/calendar/2027-03/",
  ...EVENT_SLUGS.map((s) => `/events/${s}/`),
];
const BOOKING = "a[href*='/visit/book/?slot=']";

async function jsonLd(page: Page) {
  const blocks = await page.locator("script[type='application/ld+json']").allTextContents();
  return blocks.map((text) => JSON.parse(text));
}

describe.skipIf(!chromiumPath)("festivals and events in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("lists upcoming events first, then the archive, with changes of plan marked", async () => {
    const { page, context } = await openPage(browser);
    await page.goto("/en/events/");
    const headings = await page.locator("main h2").allTextContents();
    expect(headings.indexOf("Coming up")).toBeLessThan(headings.indexOf("Past events"));
    const upcoming = page.locator("section[aria-labelledby='upcoming'] li");
    expect(await upcoming.filter({ hasText: "Winter Stargazing" }).locator(".tag").textContent()).toBe("Cancelled");
    expect(await upcoming.filter({ hasText: "Pear Blossom Festival 2027" }).locator(".tag").textContent()).toBe(
      "Dates not final",
    );
    const past = await page.locator("section[aria-labelledby='past'] h3 a").allTextContents();
    expect(past).toContain("Jinchuan Snow Pear Picking Festival 2026");
    await page.goto("/");
    const home = page.locator("section[aria-labelledby='upcoming-events'] h3 a");
    expect(await home.count()).toBeGreaterThan(0);
    expect(await home.first().getAttribute("href")).toMatch(/^\/events\/[a-z0-9-]+\/$/);
    await context.close();
  });

  it("shows a status banner at the top of a changed event, before anything else", async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 320, height: 640 } });
    const cases = [
      ["/events/gajian-winter-camping-2026/", "已取消", "大雪"],
      ["/en/events/gajian-winter-camping-2026/", "Cancelled", "Heavy snow"],
      ["/en/events/jiarong-new-year-2026/", "Rescheduled", "Saturday 12 December 2026, 10:00"],
      ["/en/events/pear-blossom-2027/", "Dates not final", "depend on the bloom"],
      ["/en/events/pear-new-year-market-2027/", "Postponed", "23–24 January 2027"],
      ["/en/events/pear-picking-2026/", "Ended", "has ended"],
    ];
    for (const [path, heading, text] of cases) {
      await page.goto(path as string);
      const banner = page.locator(".status-banner");
      expect(await banner.locator("h2").textContent(), path).toBe(heading);
      const said = (await banner.textContent()) ?? "";
      expect(said.split(text as string).length - 1, `${path} says "${text}" once`).toBe(1);
      const box = await banner.boundingBox();
      expect(box?.y ?? 9999, `${path}: banner in the first screen`).toBeLessThan(640);
    }
    await context.close();
  });

  it("offers booking only on events that will still take place", async () => {
    const { page, context } = await openPage(browser);
    await page.goto("/en/events/pear-blossom-2027/");
    const links = page.locator(BOOKING);
    expect(await links.count()).toBe(3);
    expect(await links.first().getAttribute("href")).toBe(
      "/en/visit/book/?slot=pear-blossom-2027-orchard-tour-0321-0930",
    );
    await page.goto("/events/pear-picking-2027/");
    expect(await page.locator(BOOKING).first().getAttribute("href")).toBe(
      "/visit/book/?slot=pear-picking-2027-picking-0918-0900",
    );
    for (const slug of ["gajian-winter-camping-2026", "pear-picking-2026", "pear-new-year-market-2027"]) {
      for (const prefix of ["", "/en"]) {
        await page.goto(`${prefix}/events/${slug}/`);
        expect(await page.locator(BOOKING).count(), `${prefix}/events/${slug}/`).toBe(0);
      }
    }
    await context.close();
  });

  it("describes each event in JSON-LD with the right status, dates, place and offers", async () => {
    const { page, context } = await openPage(browser);
    const status = (name: string) => `https://schema.org/${name}`;
    const expected: Record<string, string> = {
      "jiarong-new-year-2026": status("EventRescheduled"),
      "gajian-winter-camping-2026": status("EventCancelled"),
      "pear-blossom-2027": status("EventScheduled"),
      "pear-new-year-market-2027": status("EventPostponed"),
      "pear-picking-2026": status("EventScheduled"),
      "pear-picking-2027": status("EventScheduled"),
    };
    for (const [slug, eventStatus] of Object.entries(expected)) {
      for (const prefix of ["", "/en"]) {
        await page.goto(`${prefix}/events/${slug}/`);
        const [data, ...more] = await jsonLd(page);
        expect(more).toEqual([]);
        expect(data, slug).toMatchObject({
          "@type": "Event",
          eventStatus,
          location: { geo: { "@type": "GeoCoordinates" } },
        });
        expect(data.url).toBe(new URL(`${prefix}/events/${slug}/`, "https://www.jinchuan.gov.cn").href);
      }
    }
    await page.goto("/en/events/jiarong-new-year-2026/");
    const [moved] = await jsonLd(page);
    expect(moved).toMatchObject({
      startDate: "2026-12-19T10:00:00+08:00",
      previousStartDate: "2026-12-12T10:00:00+08:00",
    });
    await page.goto("/en/events/pear-picking-2027/");
    const [priced] = await jsonLd(page);
    expect(priced.offers[0]).toMatchObject({ price: "30.00", priceCurrency: "CNY" });
    await context.close();
  });

  it("marks an event written in one language on the other language's page", async () => {
    const { page, context } = await openPage(browser);
    await page.goto("/events/guozhuang-bonfire-2026/");
    await page.click("a[hreflang='en']");
    expect(new URL(page.url()).pathname).toBe("/en/events/guozhuang-bonfire-2026/");
    expect(await page.locator(".notice-box").textContent()).toContain("described in Chinese only");
    expect(await page.getAttribute("h1", "lang")).toBe("zh-CN");
    expect(await jsonLd(page)).toEqual([]);
    await page.click("main a[hreflang='zh-CN']");
    expect(new URL(page.url()).pathname).toBe("/events/guozhuang-bonfire-2026/");
    await context.close();
  });

  it("has a month calendar as a table that works without JavaScript", async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto("/en/events/calendar/2026-12/");
    expect(await page.locator("table caption").textContent()).toBe("December 2026");
    expect(await page.locator("thead th[scope='col']").count()).toBe(7);
    const cell = page.locator("td", { has: page.locator("a[href='/en/events/jiarong-new-year-2026/']") });
    expect(await cell.count()).toBe(1);
    expect(await cell.locator(".visually-hidden").first().textContent()).toBe("Saturday 19 December 2026");
    await page.click("a[rel='next']");
    expect(new URL(page.url()).pathname).toBe("/en/events/calendar/2027-01/");
    await page.click("a[rel='prev']");
    expect(new URL(page.url()).pathname).toBe("/en/events/calendar/2026-12/");
    await page.goto(`/events/calendar/${month}/`);
    expect(await page.locator("td[aria-current='date']").count()).toBe(1);
    await context.close();
  });

  it("links to the calendar file and the subscription feed of the page's language", async () => {
    const { page, context } = await openPage(browser);
    await page.goto("/en/events/pear-blossom-2027/");
    expect(await page.getAttribute("a[href$='.ics'].button", "href")).toBe("/en/events/pear-blossom-2027.ics");
    expect(await page.getAttribute("a.subscribe", "href")).toBe("webcal://www.jinchuan.gov.cn/en/events/calendar.ics");
    const osm = await page.getAttribute("a[href^='https://www.openstreetmap.org/']", "href");
    expect(osm).toContain("mlat=31.3702&mlon=102.0805");
    expect(await page.getAttribute("a[href^='https://uri.amap.com/marker']", "href")).toContain("coordinate=wgs84");
    await context.close();
  });

  for (const mode of MODES) {
    it(`has zero axe violations on list, calendar and event pages, ${mode.name} mode`, async () => {
      const { page, context, requests } = await openPageIn(browser, mode);
      await expectNoAxeViolations(page, mode, PAGES);
      expect(requests.filter((url) => new URL(url).origin !== baseURL)).toEqual([]);
      await context.close();
    });
  }

  it("fits a 320 px phone screen without sideways scrolling; calendar markers are big enough to tap", async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 320, height: 640 } });
    for (const elder of [false, true]) {
      await page.addInitScript((on) => localStorage.setItem("portal-elder", on ? "1" : "0"), elder);
      for (const path of inBothLanguages(PAGES)) {
        await page.goto(path);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${path} elder=${elder}`).toBeLessThanOrEqual(320);
      }
      await page.goto("/events/calendar/2027-03/");
      const marker = await page.locator("td a").first().boundingBox();
      expect(marker?.height ?? 0).toBeGreaterThanOrEqual(elder ? 44 : 24);
      expect(marker?.width ?? 0).toBeGreaterThanOrEqual(24);
    }
    await context.close();
  });
});
