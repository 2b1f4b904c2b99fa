import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axe, baseURL, chromiumPath, launch, openPage } from "./browser";

const SITE = "/visit/gajian-lawn/";

/** The day after tomorrow, far enough ahead for every demo unit's rules. */
function arrival(offset: number): string {
  const d = new Date(Date.now() + (offset + 2) * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(d);
}

/** "剩 N" / "N left" for a date in the calendar of the chosen unit type. */
async function leftOn(page: Page, date: string): Promise<string> {
  return (await page.locator(`td:has(time[datetime="${date}"]) .state`).first().textContent()) ?? "";
}

async function fillStay(page: Page, date: string, name: string) {
  await page.selectOption("#unit", "gajian-furnished-tent");
  await page.fill("#checkIn", date);
  await page.fill("#nights", "1");
  await page.fill("#units", "1");
  await page.fill("#adults", "2");
  await page.fill("#name", name);
  await page.fill("#phone", "13800000000");
}

describe.skipIf(!chromiumPath)("booking a pitch in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const js of [false, true]) {
    it(`books, shows the QR code, cancels and frees the place ${js ? "with" : "without"} JavaScript`, async () => {
      const { page, context, consoleErrors } = await openPage(browser, { javaScriptEnabled: js });
      const date = arrival(js ? 3 : 1);
      await page.goto(`${SITE}?unit=gajian-furnished-tent`);
      const before = await leftOn(page, date);
      expect(before).toMatch(/\d/);
      await fillStay(page, date, js ? "陈静" : "Zhou Min");
      if (js) expect(await page.locator(".total").textContent()).toContain("328.00");
      await Promise.all([page.waitForURL("**/visit/booking/**"), page.click(".booking-form button[type=submit]")]);
      expect(await page.textContent("h1")).toBe("预订成功");
      const reference = (await page.textContent(".ref"))?.trim() ?? "";
      expect(reference).toMatch(/^[2-9A-Z]{8}$/);
      expect(await page.locator("svg.qr path").getAttribute("d")).toMatch(/^M\d/);
      expect(await page.locator("svg.qr").getAttribute("aria-label")).toContain(reference);

      await page.goto(`${SITE}?unit=gajian-furnished-tent`);
      const taken = await leftOn(page, date);
      expect(Number(taken.replace(/\D/g, ""))).toBe(Number(before.replace(/\D/g, "")) - 1);

      await page.goBack();
      await Promise.all([page.waitForURL("**confirm=cancel**"), page.click("text=取消这个预订")]);
      await Promise.all([page.waitForURL("**cancelled=1**"), page.click("text=确认取消预订")]);
      expect(await page.textContent("[role=status]")).toContain("已取消");
      await page.goto(`${SITE}?unit=gajian-furnished-tent`);
      expect(await leftOn(page, date)).toBe(before);
      expect(consoleErrors).toEqual([]);
      await context.close();
    });
  }

  it("books a place on a festival activity from the event page", async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    const slots = (await (await fetch(`${baseURL}/events/slots.json`)).json()) as Array<{
      id: string;
      event: string;
      eventStatus: string;
      date: string;
    }>;
    const slot = slots.find((s) => s.eventStatus === "scheduled" && s.date > arrival(0));
    expect(slot, "an upcoming bookable session in the seed content").toBeTruthy();
    if (!slot) return;
    await page.goto(`/en/events/${slot.event}/`);
    await Promise.all([page.waitForURL("**/visit/book/**"), page.click(`a[href*="${slot.id}"]`)]);
    const leftBefore = Number(((await page.textContent(".slot-facts")) ?? "").match(/(\d+) places? left/)?.[1]);
    await page.fill("#adults", "3");
    await page.fill("#name", "Anna Smith");
    await page.fill("#phone", "+44 7700 900123");
    await Promise.all([page.waitForURL("**/visit/booking/**"), page.click(".booking-form button[type=submit]")]);
    expect(await page.textContent("h1")).toBe("Booking confirmed");
    await page.goto(`/en/visit/book/?slot=${slot.id}`);
    const leftAfter = Number(((await page.textContent(".slot-facts")) ?? "").match(/(\d+) places? left/)?.[1]);
    expect(leftAfter).toBe(leftBefore - 3);
    await context.close();

    // With JavaScript, the static event page shows the live count too.
    const live = await openPage(browser);
    await live.page.goto(`/en/events/${slot.event}/`);
    const cell = live.page.locator(`[data-slot-left="${slot.id}"]`);
    await cell.filter({ hasText: "places left" }).waitFor();
    expect(await cell.textContent()).toBe(`${leftAfter} places left`);
    await live.context.close();
  });

  it("shows every refused field on a plain form post, in English", async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(`/en${SITE}`);
    await page.fill("#checkIn", arrival(1));
    await page.fill("#nights", "30");
    await page.click(".booking-form button[type=submit]");
    expect(new URL(page.url()).pathname).toBe(`/en${SITE}`);
    expect(await page.textContent("#name-error")).toContain("contact's name");
    expect(await page.textContent("[data-error-summary]")).not.toContain("contact.name");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await context.close();
  });

  for (const elder of [false, true]) {
    it(`has zero axe violations on the booking pages, ${elder ? "elder" : "standard"} mode`, async () => {
      const { page, context } = await openPage(browser);
      if (elder) await context.addInitScript(() => localStorage.setItem("portal-elder", "1"));
      const found: Record<string, unknown> = {};
      for (const prefix of ["", "/en"]) {
        await page.goto(`${prefix}${SITE}`);
        await fillStay(page, arrival(5), "Axe Test");
        await Promise.all([page.waitForURL("**/visit/booking/**"), page.click(".booking-form button[type=submit]")]);
        const confirmation = new URL(page.url()).pathname + new URL(page.url()).search;
        const session = `${prefix}/visit/book/?slot=pear-picking-2027-picking-0918-0900`;
        for (const path of [
          `${prefix}/visit/`,
          `${prefix}${SITE}`,
          `${prefix}/visit/booking/`,
          session,
          confirmation,
        ]) {
          await page.goto(path);
          const violations = await axe(page);
          if (violations.length) found[path] = violations;
        }
      }
      expect(found).toEqual({});
      await context.close();
    });
  }

  it("fits the campsite and booking pages on a 320 px screen", async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 320, height: 640 } });
    for (const path of [SITE, `/en${SITE}`, "/en/visit/booking/"]) {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
    }
    await context.close();
  });
});
