import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axe, baseURL, chromiumPath, launch, MODES, openPage, openPageIn } from "./browser";

const SITE = "/visit/gajian-lawn/";
const FREE = "pear-blossom-2027-pollination-0322-1000";
const PAID = "pear-picking-2027-picking-0918-0900";
const WIDTHS = [390, 320] as const;
const LANGS = [
  { prefix: "", lang: "zh-CN" },
  { prefix: "/en", lang: "en" },
] as const;

function day(offset: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(
    new Date(Date.now() + offset * 86_400_000),
  );
}

/** A day as the county writes it: "2026年12月3日星期四" / "Thursday 3 December 2026". */
function countyDay(date: string, lang: "zh-CN" | "en"): string {
  const at = new Date(`${date}T00:00:00Z`);
  const f = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(lang, { timeZone: "UTC", ...o }).format(at);
  if (lang === "zh-CN") return f({ year: "numeric", month: "long", day: "numeric", weekday: "long" });
  return `${f({ weekday: "long" })} ${f({ day: "numeric" })} ${f({ month: "long" })} ${f({ year: "numeric" })}`;
}

const text = async (page: Page, selector = "main") => ((await page.textContent(selector)) ?? "").replace(/\s+/g, " ");

async function bookStay(page: Page, prefix: string, checkIn: string, adults: number, children: number) {
  await page.goto(`${prefix}${SITE}?unit=gajian-byo-tent&checkIn=${checkIn}#book`);
  await page.selectOption("#unit", "gajian-byo-tent");
  await page.fill("#checkIn", checkIn);
  await page.fill("#nights", "1");
  await page.fill("#units", "1");
  await page.fill("#adults", String(adults));
  await page.fill("#children", String(children));
  await page.fill("#name", "Li Na");
  await page.fill("#phone", "13800000001");
  await Promise.all([page.waitForURL("**/visit/booking/**"), page.click(".booking-form button[type=submit]")]);
}

async function bookSession(page: Page, prefix: string, slot: string, adults: number) {
  await page.goto(`${prefix}/visit/book/?slot=${slot}`);
  await page.fill("#adults", String(adults));
  await page.fill("#name", "Anna Smith");
  await page.fill("#phone", "13800000002");
  await Promise.all([page.waitForURL("**/visit/booking/**"), page.click(".booking-form button[type=submit]")]);
}

/** The booking's status from the API: the page's address has no token after the secret-link swap, the page shows it. */
async function status(page: Page): Promise<string> {
  const ref = new URL(page.url()).searchParams.get("ref") ?? "";
  const token = (await page.textContent(".booking-facts .token"))?.trim() ?? "";
  const res = await fetch(`${baseURL}/api/bookings/${ref}?token=${encodeURIComponent(token)}`);
  return ((await res.json()) as { status: string }).status;
}

describe.skipIf(!chromiumPath)("what the booking pages say", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const width of WIDTHS) {
    it(`states free cancellation until a day inclusive on the campsite page and the session form, ${width} px`, async () => {
      const { page, context } = await openPage(browser, { viewport: { width, height: 800 } });
      const checkIn = day(20);
      const until = day(18); // the bring-your-own-tent pitch: free cancellation until 2 days before
      for (const { prefix, lang } of LANGS) {
        await page.goto(`${prefix}${SITE}`);
        const policy = await text(page, ".cancel-policy");
        expect(policy).toMatch(lang === "en" ? /free cancellation until .+ inclusive/ : /免费取消截至 .+（含当天）/);
        expect(policy).toContain(lang === "en" ? "inclusive" : "免费取消截至");
        expect(policy).toContain("0837-2322000");
        await page.goto(`${prefix}${SITE}?unit=gajian-byo-tent&checkIn=${checkIn}`);
        const exact = await text(page, ".cancel-policy");
        expect(exact).toContain(
          lang === "en"
            ? `free cancellation until ${countyDay(until, "en")} inclusive`
            : `免费取消截至 ${countyDay(until, "zh-CN")}（含当天）`,
        );
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

        await page.goto(`${prefix}/visit/book/?slot=${PAID}`);
        const form = await text(page, ".booking-form");
        expect(form).toContain(
          lang === "en"
            ? `Free cancellation until ${countyDay("2027-09-17", "en")} inclusive`
            : `免费取消截至 ${countyDay("2027-09-17", "zh-CN")}（含当天）`,
        );
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      }
      await context.close();
    });
  }

  it("gives the campsite's phone on the confirmation and counts the party in words", async () => {
    const { page, context } = await openPage(browser, {
      viewport: { width: 390, height: 844 },
      javaScriptEnabled: false,
    });
    await bookStay(page, "/en", day(30), 2, 1);
    const phone = page.locator(".booking-facts a[href='tel:08372322000']");
    expect(await phone.textContent()).toBe("0837-2322000");
    const facts = await text(page, ".booking-facts");
    expect(facts).toContain("2 adults, 1 child");
    expect(facts).not.toContain("(s)");
    await bookStay(page, "", day(31), 1, 0);
    expect(await page.locator(".booking-facts a[href='tel:08372322000']").count()).toBe(1);
    expect(await text(page, ".booking-facts")).toContain("成人 1 人");

    // Arriving tomorrow on a pitch with two free days: too late to cancel online, so say whom to call.
    for (const { prefix, lang } of LANGS) {
      await bookStay(page, prefix, day(1), 1, 0);
      const late = page.locator(".no-print");
      expect((await late.textContent())?.replace(/\s+/g, " ")).toContain(
        lang === "en"
          ? `Free cancellation ended on ${countyDay(day(-1), "en")}`
          : `免费取消已于 ${countyDay(day(-1), "zh-CN")} 截止`,
      );
      expect(await late.locator("a[href='tel:08372322000']").textContent()).toBe("0837-2322000");
      expect(await late.locator("button").count()).toBe(0);
    }
    await context.close();
  });

  for (const js of [false, true]) {
    it(`asks before cancelling and cancels only when confirmed, ${js ? "with" : "without"} JavaScript`, async () => {
      const { page, context } = await openPage(browser, {
        viewport: { width: 320, height: 640 },
        javaScriptEnabled: js,
      });
      for (const { prefix, lang } of LANGS) {
        await bookStay(page, prefix, day(js ? 40 : 41), 2, 0);
        const reference = (await page.textContent(".ref"))?.trim() ?? "";
        await page.click(lang === "en" ? "text=Cancel this booking" : "text=取消这个预订");
        await page.waitForURL("**confirm=cancel**");
        expect(await status(page)).toBe("confirmed");
        const ask = await text(page, ".confirm-cancel");
        expect(ask).toContain(lang === "en" ? "Cancel this booking?" : "确认取消这个预订？");
        expect(ask).toContain(reference);
        expect(ask).toContain(lang === "en" ? "2 adults" : "成人 2 人");
        await page.click(lang === "en" ? "text=No, keep my booking" : "text=不取消，返回我的预订");
        expect(await status(page)).toBe("confirmed");
        await page.click(lang === "en" ? "text=Cancel this booking" : "text=取消这个预订");
        await page.waitForURL("**confirm=cancel**");
        await Promise.all([
          page.waitForURL("**cancelled=1**"),
          page.click(lang === "en" ? "text=Yes, cancel the booking" : "text=确认取消预订"),
        ]);
        expect(await status(page)).toBe("cancelled");
      }
      await context.close();
    });
  }

  for (const width of WIDTHS) {
    it(`speaks of a session, not a campsite, when booking a festival session, ${width} px`, async () => {
      const { page, context } = await openPage(browser, { viewport: { width, height: 800 } });
      for (const { prefix, lang } of LANGS) {
        await page.goto(`${prefix}/visit/book/?slot=${FREE}`);
        const main = await text(page);
        expect(main).toContain(lang === "en" ? "Free" : "免费");
        expect(main).not.toContain("0.00");
        expect(main).not.toMatch(lang === "en" ? /per night|at the camp|by the camp/i : /每晚|营地/);
        expect(main).toContain(lang === "en" ? "Free for adults and children" : "成人和儿童都免费");
        expect(await text(page, ".booking-form")).toMatch(lang === "en" ? /\d+ places left/ : /还剩 \d+ 个名额/);
        expect(await page.getAttribute(`main a[href="${prefix}/events/"]`, "href")).toBe(`${prefix}/events/`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

        await page.goto(`${prefix}/visit/book/?slot=${PAID}`);
        const paid = await text(page);
        expect(paid).toMatch(
          lang === "en" ? /Children pay the same as adults: ¥\d+\.\d\d each/ : /儿童与成人同价，每人 \d+\.\d\d 元/,
        );
        expect(paid).toContain(lang === "en" ? "Price per person" : "每人价格");
        expect(paid).toContain(lang === "en" ? "You pay at the event" : "在活动现场付款");
        expect(paid).not.toMatch(lang === "en" ? /per night|at the camp|by the camp/i : /每晚|营地/);
      }
      await context.close();
    });
  }

  it("confirms a session booking in session words, with an .ics that has the place and the link", async () => {
    const { page, context } = await openPage(browser, {
      viewport: { width: 390, height: 844 },
      javaScriptEnabled: false,
    });
    for (const { prefix, lang } of LANGS) {
      await bookSession(page, prefix, FREE, 1);
      const main = await text(page);
      expect(main).toContain(lang === "en" ? "1 adult" : "成人 1 人");
      expect(main).toContain(lang === "en" ? "Entry code" : "入场二维码");
      expect(main).toContain(lang === "en" ? "Free: nothing to pay" : "免费，无需付款");
      expect(main).not.toMatch(lang === "en" ? /at the camp|check-in code/i : /营地|入住二维码/);
      const href = (await page.getAttribute("a[download]", "href")) ?? "";
      const ics = await (await fetch(new URL(href, baseURL))).text();
      const unfolded = ics.replace(/\r\n /g, "");
      expect(unfolded).toMatch(/^LOCATION;LANGUAGE=(zh-CN|en):.+/m);
      expect(unfolded).toMatch(/^GEO:31\.\d+;102\.\d+/m);
      expect(unfolded).toContain(`URL;VALUE=URI:`);
      expect(unfolded).toMatch(new RegExp(`^URL;VALUE=URI:https?://[^/]+${prefix}/events/pear-blossom-2027/`, "m"));
    }
    await context.close();
  });

  for (const mode of MODES) {
    it(`has zero axe violations on the pages it changes, ${mode.name} mode`, async () => {
      const { page, context } = await openPageIn(browser, mode, { viewport: { width: 390, height: 844 } });
      const found: Record<string, unknown> = {};
      const check = async (label: string) => {
        const violations = await axe(page);
        if (violations.length) found[`${label} ${page.url()}`] = violations;
      };
      for (const { prefix } of LANGS) {
        for (const path of [
          `${SITE}`,
          `${SITE}?unit=gajian-byo-tent&checkIn=${day(25)}`,
          `/visit/book/?slot=${FREE}`,
          `/visit/book/?slot=${PAID}`,
          "/visit/",
        ]) {
          await page.goto(`${prefix}${path}`);
          await check(path);
        }
        await bookStay(page, prefix, day(mode.elder ? 50 : 51), 2, 1);
        await check("stay confirmation");
        await page.click(".no-print button");
        await page.waitForURL("**confirm=cancel**");
        await check("confirm cancel");
        await bookSession(page, prefix, PAID, 2);
        await check("session confirmation");
        await page.goto(`${prefix}/events/gajian-winter-camping-2026/`);
        await check("winter event");
      }
      expect(found).toEqual({});
      await context.close();
    });
  }
});
