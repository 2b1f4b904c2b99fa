import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axe, baseURL, chromiumPath, launch, MODES, openPage, openPageIn } from "./browser";
import { buyerPhone } from "./dashboard";

/**
 * A refused form comes back as the form: in the site's layout and the page's
 * language, with what was typed, each message by its field, and the error
 * summary at the top holding the focus. With and without JavaScript, on phones.
 */
const SITE = "/visit/gajian-lawn/";
const PHONE = { width: 390, height: 844 };
const SMALL = { width: 320, height: 640 };
const LANGS = [
  { prefix: "", name: "Chinese" },
  { prefix: "/en", name: "English" },
] as const;

function arrival(offset: number): string {
  const d = new Date(Date.now() + (offset + 2) * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(d);
}

async function submit(page: Page) {
  await Promise.all([page.waitForEvent("load"), page.click(".booking-form button[type=submit]")]);
}

/** The message shown with a control: the element its aria-describedby names first. */
async function messageFor(page: Page, id: string): Promise<string> {
  return (await page.textContent(`#${id}-error`))?.trim() ?? "";
}

async function focusedIsSummary(page: Page): Promise<boolean> {
  return page.evaluate(() => document.activeElement?.hasAttribute("data-error-summary") ?? false);
}

async function expectNoViolations(page: Page) {
  expect(await axe(page)).toEqual([]);
}

/**
 * axe runs as a script, so a state reached without JavaScript is checked again in a page
 * with scripts on: the same form filled the same way and posted as a plain form (form.submit()
 * skips the form script), which gives the same refused page.
 */
async function axeOnRefusal(
  browser: Browser,
  path: string,
  form: string,
  fill: (page: Page) => Promise<void>,
  mode: (typeof MODES)[number] = MODES[0],
  headers: Record<string, string> = {},
) {
  const { page, context } = await openPageIn(browser, mode, { viewport: PHONE, extraHTTPHeaders: headers });
  await page.goto(path);
  await fill(page);
  await Promise.all([page.waitForURL(() => true), page.$eval(form, (f) => (f as HTMLFormElement).submit())]);
  await page.waitForSelector("[data-error-summary]");
  await expectNoViolations(page);
  await context.close();
}

describe.skipIf(!chromiumPath)("refused forms keep what was typed", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const { prefix, name } of LANGS) {
    it(`too many guests without JavaScript: the booking form again, filled in, ${name}, 390 px`, async () => {
      const { page, context } = await openPage(browser, { javaScriptEnabled: false, viewport: PHONE });
      const fill = async (p: Page) => {
        await p.selectOption("#unit", "gajian-furnished-tent");
        await p.fill("#checkIn", arrival(20));
        await p.fill("#adults", "9");
        await p.fill("#name", "周敏");
        await p.fill("#phone", "138 1234 5678");
        await p.fill("#notes", "晚上七点到");
      };
      await page.goto(`${prefix}${SITE}`);
      await fill(page);
      await submit(page);
      expect(new URL(page.url()).pathname).toBe(`${prefix}${SITE}`);
      expect(await page.getAttribute("html", "lang")).toBe(prefix ? "en" : "zh-CN");
      expect(await page.locator("header").count()).toBeGreaterThan(0);
      expect(await page.inputValue("#name")).toBe("周敏");
      expect(await page.inputValue("#phone")).toBe("138 1234 5678");
      expect(await page.inputValue("#adults")).toBe("9");
      expect(await page.inputValue("#notes")).toBe("晚上七点到");
      expect(await page.inputValue("#unit")).toBe("gajian-furnished-tent");
      const text = await messageFor(page, "adults");
      expect(text).toMatch(prefix ? /at most \d+ guests/ : /最多可住 \d+ 人/);
      expect(await page.getAttribute("#adults", "aria-invalid")).toBe("true");
      expect(await page.getAttribute("#adults", "aria-describedby")).toContain("adults-error");
      expect(await focusedIsSummary(page)).toBe(true);
      expect(await page.getAttribute("[data-error-summary] a", "href")).toBe("#adults");
      expect(await page.textContent("main")).not.toMatch(/guests:|contact\.phone|请求有误|Bad request/);
      for (const mode of MODES) await axeOnRefusal(browser, `${prefix}${SITE}`, ".booking-form", fill, mode);
      // Read once: reloading the page shows a fresh form.
      await page.reload();
      expect(await page.locator("[data-error-summary]").count()).toBe(0);
      await context.close();
    });

    it(`0 nights and a phone of 123456 without JavaScript say what is wrong, ${name}, 320 px`, async () => {
      const { page, context } = await openPage(browser, { javaScriptEnabled: false, viewport: SMALL });
      const fill = async (p: Page) => {
        await p.fill("#checkIn", arrival(21));
        await p.fill("#nights", "0");
        await p.fill("#name", "Li Lei");
        await p.fill("#phone", "123456");
      };
      await page.goto(`${prefix}${SITE}`);
      await fill(page);
      await submit(page);
      expect(await messageFor(page, "nights")).toBe(prefix ? "Stay at least 1 night." : "至少住 1 晚。");
      expect(await messageFor(page, "phone")).toContain(prefix ? "11 digits" : "11 位");
      expect(await page.textContent("main")).not.toContain("请填写整数");
      const links = await page
        .locator("[data-error-summary] a")
        .evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      expect(links).toEqual(["#nights", "#phone"]);
      expect(await page.inputValue("#name")).toBe("Li Lei");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      await axeOnRefusal(browser, `${prefix}${SITE}`, ".booking-form", fill);
      await context.close();
    });

    it(`with JavaScript the messages are the portal's, not the browser's, ${name}, 320 px`, async () => {
      const { page, context } = await openPage(browser, { viewport: SMALL });
      await page.goto(`${prefix}${SITE}`);
      await page.fill("#checkIn", arrival(22));
      await page.fill("#nights", "0");
      await page.fill("#name", "Li Lei");
      await page.fill("#phone", "123456");
      await page.click(".booking-form button[type=submit]");
      expect(new URL(page.url()).pathname).toBe(`${prefix}${SITE}`);
      expect(await messageFor(page, "nights")).toBe(prefix ? "Stay at least 1 night." : "至少住 1 晚。");
      expect(await messageFor(page, "phone")).toContain(prefix ? "11 digits" : "11 位");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("nights");
      await expectNoViolations(page);
      await context.close();
    });

    it(`a session booking with 0 adults asks for at least one adult, ${name}`, async () => {
      const { page, context } = await openPage(browser, { javaScriptEnabled: false, viewport: PHONE });
      const session = `${prefix}/visit/book/?slot=pear-picking-2027-picking-0918-0900`;
      const fill = async (p: Page) => {
        await p.fill("#adults", "0");
        await p.fill("#name", "Anna Smith");
        await p.fill("#phone", "+44 7700 900123");
      };
      await page.goto(session);
      await fill(page);
      await submit(page);
      expect(new URL(page.url()).pathname).toBe(`${prefix}/visit/book/`);
      expect(await messageFor(page, "adults")).toBe(prefix ? "At least 1 adult must come." : "至少需要 1 位成人。");
      expect(await page.inputValue("#phone")).toBe("+44 7700 900123");
      expect(await focusedIsSummary(page)).toBe(true);
      await axeOnRefusal(browser, session, ".booking-form", fill);
      await context.close();
    });

    it(`a wrong password keeps the e-mail typed, never the password, ${name}`, async () => {
      // Wrong passwords count against the address: these come from one of their own, so the
      // other files' sign-ins (all from the test machine) are not locked out for 15 minutes.
      const from = { "cf-connecting-ip": `198.51.100.${prefix ? 21 : 20}` };
      const { page, context } = await openPage(browser, {
        javaScriptEnabled: false,
        viewport: PHONE,
        extraHTTPHeaders: from,
      });
      const fill = async (p: Page) => {
        await p.fill("#email", "nobody-here@jinchuan.example");
        await p.fill("#password", "not-the-password");
      };
      await page.goto(`${prefix}/dashboard/login/`);
      await fill(page);
      await Promise.all([page.waitForEvent("load"), page.click("form.dash-form button")]);
      expect(new URL(page.url()).pathname).toBe(`${prefix}/dashboard/login/`);
      expect(await page.inputValue("#email")).toBe("nobody-here@jinchuan.example");
      expect(await page.inputValue("#password")).toBe("");
      expect(await page.textContent("[data-error-summary]")).toContain(prefix ? "not right" : "不正确");
      expect(await focusedIsSummary(page)).toBe(true);
      expect((await context.cookies()).map((c) => c.value).join(" ")).not.toContain("not-the-password");
      await axeOnRefusal(browser, `${prefix}/dashboard/login/`, "form.dash-form", fill, MODES[0], from);
      await context.close();
    });

    it(`a cancellation refused by the server comes back to the booking with the reason, ${name}`, async () => {
      const booked = await fetch(`${baseURL}/api/bookings?lang=${prefix ? "en" : "zh-CN"}`, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": `browser-${crypto.randomUUID()}` },
        body: JSON.stringify({
          unit: "gajian-byo-tent",
          checkIn: arrival(25),
          nights: 1,
          units: 1,
          guests: { adults: 1 },
          contact: { name: "Wang Fang", phone: buyerPhone() },
        }),
      });
      const { reference, token, links } = (await booked.json()) as {
        reference: string;
        token: string;
        links: { page: string };
      };
      const { page, context } = await openPage(browser, { javaScriptEnabled: false, viewport: PHONE });
      await page.goto(links.page);
      // The cancel button first asks (point 8); the confirming button is the one that posts.
      await Promise.all([page.waitForURL("**confirm=cancel**"), page.click("#cancel-heading ~ form button")]);
      // Cancelled meanwhile, from another tab or by phone.
      await fetch(`${baseURL}/api/bookings/${reference}/cancel`, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": `browser-${crypto.randomUUID()}` },
        body: JSON.stringify({ token }),
      });
      await Promise.all([page.waitForEvent("load"), page.click(".confirm-cancel form button")]);
      expect(new URL(page.url()).pathname).toBe(`${prefix}/visit/booking/`);
      expect(await page.textContent("[data-error-summary]")).toContain(prefix ? "cannot be cancelled" : "不能取消");
      expect(await focusedIsSummary(page)).toBe(true);
      expect(await page.textContent("h1")).not.toMatch(/请求有误|Bad request|Conflict|冲突/);
      await context.close();
    });
  }
});
