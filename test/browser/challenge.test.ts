import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { county } from "../../county.config";
import { axe, baseURL, chromiumPath, launch, openPage } from "./browser";
import { countyToday } from "./dashboard";

/*
 * A phone over its hourly budget books anyway, as a person would: with JavaScript the
 * page answers the check by itself; without, the person waits and presses again. Each
 * run uses addresses and phones of its own, so no other test is ever asked.
 */
const run = Date.now() % 100_000;
const phoneOf = (n: number) => `137${String(run * 10 + n).padStart(8, "0")}`;
const ipOf = (n: number) => `198.19.${n}.${run % 250}`;

/** Books `times` stays for `phone` through the API, each from its own address. */
async function useUpBudget(phone: string, n: number) {
  for (let i = 0; i < county.sourceLimits.bookings.perPhone.challenge; i++) {
    const res = await fetch(`${baseURL}/api/bookings`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "idempotency-key": `challenge-${crypto.randomUUID()}`,
        "cf-connecting-ip": `198.20.${n}.${i}`,
      },
      body: JSON.stringify({
        unit: "gajian-byo-tent",
        checkIn: countyToday(30 + i),
        nights: 1,
        units: 1,
        guests: { adults: 1, children: 0 },
        contact: { name: "预算", phone },
      }),
    });
    expect(res.status).toBe(201);
  }
}

async function fillBooking(page: Page, prefix: string, phone: string) {
  await page.goto(`${prefix}/visit/gajian-lawn/?unit=gajian-byo-tent`);
  await page.selectOption("#unit", "gajian-byo-tent");
  await page.fill("#checkIn", countyToday(40));
  await page.fill("#nights", "1");
  await page.fill("#units", "1");
  await page.fill("#adults", "2");
  await page.fill("#name", "Chen Jing");
  await page.fill("#phone", phone);
}

const LANGS = [
  { prefix: "", name: "zh-CN", wait: "15 秒" },
  { prefix: "/en", name: "en", wait: "15 seconds" },
];

describe.skipIf(!chromiumPath)("a busy phone books after the check", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  LANGS.forEach(({ prefix, name }, li) => {
    it(`with JavaScript the page answers the check itself and books, ${name}`, async () => {
      const phone = phoneOf(li);
      await useUpBudget(phone, li);
      const { page, context } = await openPage(browser, { extraHTTPHeaders: { "cf-connecting-ip": ipOf(li) } });
      await fillBooking(page, prefix, phone);
      await Promise.all([
        page.waitForURL("**/visit/booking/**", { timeout: 30_000 }),
        page.click(".booking-form button[type=submit]"),
      ]);
      await context.close();
    });
  });

  LANGS.forEach(({ prefix, name, wait }, li) => {
    it(`without JavaScript the form comes back with what was typed, and books after the wait, ${name}`, async () => {
      const phone = phoneOf(li + 5);
      await useUpBudget(phone, li + 5);
      const { page, context } = await openPage(browser, {
        javaScriptEnabled: false,
        extraHTTPHeaders: { "cf-connecting-ip": ipOf(li + 5) },
      });
      await fillBooking(page, prefix, phone);
      await Promise.all([page.waitForEvent("load"), page.click(".booking-form button[type=submit]")]);
      expect(new URL(page.url()).pathname).toBe(`${prefix}/visit/gajian-lawn/`);
      expect(await page.textContent("#challenge")).toContain(wait);
      expect(await page.inputValue("#name")).toBe("Chen Jing");
      expect(await page.inputValue("#phone")).toBe(phone);
      await page.waitForTimeout(county.challenge.waitSeconds * 1000 + 500);
      await Promise.all([page.waitForURL("**/visit/booking/**"), page.click(".booking-form button[type=submit]")]);
      await context.close();
    });
  });

  LANGS.forEach(({ prefix, name }, li) => {
    it(`the form with the check passes axe, ${name}`, async () => {
      const phone = phoneOf(li + 7);
      await useUpBudget(phone, li + 7);
      const { page, context } = await openPage(browser, { extraHTTPHeaders: { "cf-connecting-ip": ipOf(li + 7) } });
      // As if the page had just sent itself again: the script then waits for the person.
      await page.addInitScript(() => sessionStorage.setItem("portal-challenge-sent", String(Date.now())));
      await fillBooking(page, prefix, phone);
      await Promise.all([page.waitForEvent("load"), page.click(".booking-form button[type=submit]")]);
      await page.waitForFunction(
        () => document.querySelector<HTMLInputElement>('input[name="challengeSolution"]')?.value !== "",
      );
      expect(await page.inputValue('input[name="challengeSolution"]')).toMatch(/^\d+$/);
      expect(await axe(page)).toEqual([]);
      await context.close();
    });
  });
});
