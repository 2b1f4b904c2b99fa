import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { BROWSER_SMS } from "../fake-sms/keys";
import type { FakeText } from "../fake-sms/server";
import { axe, baseURL, chromiumPath, launch, MODES, openPage, openPageIn } from "./browser";
import { ADMIN, countyToday, signIn } from "./dashboard";

const fakeSmsUrl = inject("fakeSmsUrl");
/** A phone of this run's own, so other tests' requests never throttle it. */
const PHONE = `139${String(Date.now()).slice(-8)}`;

const RECOVERY = (JSON.parse(BROWSER_SMS.ALIYUN_SMS_TEMPLATES) as Record<string, string>)["recovery:zh-CN"];

/** The link texts sent to a phone (its booking's own confirmation is another text). */
async function textsTo(phone: string): Promise<FakeText[]> {
  const res = await fetch(`${fakeSmsUrl}__texts?key=${BROWSER_SMS.ALIYUN_SMS_ACCESS_KEY_ID}`);
  return ((await res.json()) as FakeText[]).filter((t) => t.PhoneNumbers === phone && t.TemplateCode === RECOVERY);
}

/** The minute's cron, as Cloudflare would run it, until the fake provider has the text. */
async function cronUntilText(phone: string): Promise<FakeText> {
  for (let i = 0; i < 20; i++) {
    await fetch(`${baseURL}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent("* * * * *")}`);
    const [text] = await textsTo(phone);
    if (text) return text;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no text reached ${phone}`);
}

async function submitFind(page: Page, reference: string, phone: string, path = "/find/") {
  await page.goto(path);
  await page.fill("#f-reference", reference);
  await page.fill("#f-phone", phone);
  await Promise.all([page.waitForNavigation(), page.click("form.lookup button[type=submit]")]);
}

describe.skipIf(!chromiumPath)("find my booking with only the reference and the phone", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("books, forgets the page, asks for the link by SMS and opens the booking from the text, without JavaScript", async () => {
    const guest = await openPage(browser, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    await guest.page.goto("/visit/gajian-lawn/?unit=gajian-furnished-tent");
    await guest.page.selectOption("#unit", "gajian-furnished-tent");
    await guest.page.fill("#checkIn", countyToday(25));
    await guest.page.fill("#nights", "1");
    await guest.page.fill("#units", "1");
    await guest.page.fill("#adults", "2");
    await guest.page.fill("#name", "杨梅");
    await guest.page.fill("#phone", PHONE);
    await Promise.all([
      guest.page.waitForURL("**/visit/booking/**"),
      guest.page.click(".booking-form button[type=submit]"),
    ]);
    const reference = (await guest.page.textContent(".ref"))?.trim() ?? "";
    expect(reference).toMatch(/^[2-9A-Z]{8}$/);
    // The page is lost: a new browser with nothing but the reference written down.
    await guest.context.close();

    const { page, context } = await openPage(browser, {
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    await page.goto("/");
    await Promise.all([page.waitForURL("**/find/"), page.click("a[href='/find/']")]);
    // Written down by hand: lower case, a space, the phone as people say it.
    const spaced = `${reference.slice(0, 4).toLowerCase()} ${reference.slice(4)}`;
    await submitFind(page, spaced, `+86 ${PHONE.slice(0, 3)} ${PHONE.slice(3, 7)} ${PHONE.slice(7)}`);
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe("/find/?sent=1");
    expect(await page.textContent("h1")).toBe("请留意短信");
    expect(await page.textContent("[role=status]")).toContain("几分钟内这个电话会收到一条短信");

    const text = await cronUntilText(PHONE);
    expect(text.SignName).toBe("金川县人民政府");
    const { ref, link } = JSON.parse(text.TemplateParam) as { ref: string; link: string };
    expect(ref).toBe(reference);
    const url = new URL(link);
    await page.goto(url.pathname + url.search);
    expect(await page.textContent("h1")).toBe("预订成功");
    expect((await page.textContent(".ref"))?.trim()).toBe(reference);

    // Asking again at once sends nothing more; the answer is the same.
    await submitFind(page, reference, PHONE);
    expect(await page.textContent("h1")).toBe("请留意短信");
    await cronUntilText(PHONE);
    expect(await textsTo(PHONE)).toHaveLength(1);

    // The admins' outbox page shows it as sent, the phone masked.
    await signIn(page, ADMIN);
    await page.goto("/dashboard/admin/messages/");
    const entry = page.locator("#history ~ .messages li", { hasText: reference }).first();
    expect(await entry.textContent()).toContain("已发送");
    expect(await entry.textContent()).toContain(`${PHONE.slice(0, 3)}****${PHONE.slice(-4)}`);
    expect(await entry.textContent()).not.toContain(PHONE);
    await context.close();
  });

  it("lists every number to call when texts cannot go out, whatever was asked", async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    // English has no SMS template here: the call list.
    await submitFind(page, "ZZZZZZZZ", "13700000000", "/en/find/");
    expect(new URL(page.url()).pathname).toBe("/en/find/");
    expect(await page.textContent("h1")).toBe("Please call us");
    const numbers = await page.locator(".phones li").allTextContents();
    expect(numbers.some((n) => n.includes("Gajian Lawn") && n.includes("0837-2322000"))).toBe(true);
    expect(numbers.length).toBeGreaterThanOrEqual(5);
    expect(await page.locator(".phones a[href^='tel:']").count()).toBe(numbers.length);
    await context.close();
  });

  it("keeps what was typed and names each problem next to its field, with a summary that takes the focus", async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    await submitFind(page, "QA3MJPX", "", "/en/find/");
    expect(new URL(page.url()).pathname).toBe("/en/find/");
    expect(await page.locator(".error-summary li").allTextContents()).toEqual([
      "Enter the booking or order reference: 8 letters and digits, for example 7KQ2MZ4P.",
      "Enter the phone number you gave when booking or ordering, for example 138 0000 0000.",
    ]);
    expect(await page.inputValue("#f-reference")).toBe("QA3MJPX");
    expect(await page.getAttribute("#f-reference", "aria-invalid")).toBe("true");
    expect(await page.textContent("#f-phone-error")).toContain("138 0000 0000");
    await page.goto("/find/");
    expect(await page.locator(".error-summary").count()).toBe(0);
    await context.close();

    const js = await openPage(browser);
    await submitFind(js.page, "QA3MJPX2", "123");
    expect(await js.page.evaluate(() => document.activeElement?.className)).toBe("error-summary");
    expect(await js.page.inputValue("#f-phone")).toBe("123");
    expect(await js.page.textContent("#f-phone-error")).toBe("请填写预订或下单时留下的电话号码，例如 13800000000。");
    await js.context.close();
  });

  for (const mode of MODES) {
    it(`has zero axe violations and fits 320 px on the find pages and the outbox page, ${mode.name} mode`, async () => {
      const { page, context } = await openPageIn(browser, mode, { viewport: { width: 320, height: 640 } });
      const found: Record<string, unknown> = {};
      const check = async (label: string) => {
        const violations = await axe(page);
        if (violations.length) found[label] = violations;
        expect(await page.evaluate(() => document.documentElement.scrollWidth), label).toBeLessThanOrEqual(320);
      };
      for (const lang of ["", "/en"]) {
        await page.goto(`${lang}/find/`);
        await check(`${lang}/find/`);
        await submitFind(page, "bad", "", `${lang}/find/`);
        await check(`${lang}/find/ with errors`);
        await page.goto(`${lang}/find/?sent=1`);
        await check(`${lang}/find/?sent=1`);
      }
      await signIn(page, ADMIN);
      for (const path of ["/dashboard/admin/messages/", "/en/dashboard/admin/messages/"]) {
        await page.goto(path);
        await check(path);
      }
      expect(found).toEqual({});
      await context.close();
    });
  }
});
