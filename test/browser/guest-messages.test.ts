import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { BROWSER_SMS } from "../fake-sms/keys";
import type { FakeText } from "../fake-sms/server";
import { axe, baseURL, chromiumPath, launch, MODES, openPage, openPageIn } from "./browser";
import { countyToday, OPERATOR, signIn } from "./dashboard";

/**
 * A guest is told: the confirmation text after booking, then the campsite closes the
 * night and the guest's page says why, with a second text. The cron runs for real
 * (wrangler's scheduled handler) and texts reach the fake Aliyun server.
 */
const fakeSmsUrl = inject("fakeSmsUrl");
const PHONE = `136${String(Date.now()).slice(-8)}`;
const NIGHT = countyToday(61);
const UNIT = "gajian-furnished-tent";
const REASON = "山洪冲毁进营地道路";

async function textsTo(phone: string): Promise<FakeText[]> {
  const res = await fetch(`${fakeSmsUrl}__texts?key=${BROWSER_SMS.ALIYUN_SMS_ACCESS_KEY_ID}`);
  return ((await res.json()) as FakeText[]).filter((t) => t.PhoneNumbers === phone);
}

/** The minute's cron, as Cloudflare would run it, until the phone has `n` texts. */
async function cronUntilTexts(phone: string, n: number): Promise<FakeText[]> {
  for (let i = 0; i < 20; i++) {
    await fetch(`${baseURL}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent("* * * * *")}`);
    const texts = await textsTo(phone);
    if (texts.length >= n) return texts;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`fewer than ${n} texts reached ${phone}`);
}

const listed = (page: Page) => page.locator(".message-list li").allTextContents();

describe.skipIf(!chromiumPath)("the guest is told about their booking", () => {
  let browser: Browser;
  let bookingPath = "";
  let reference = "";
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("books with a phone number and sees the confirmation text as sent, without JavaScript", async () => {
    const guest = await openPage(browser, { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    await guest.page.goto(`/visit/gajian-lawn/?unit=${UNIT}`);
    await guest.page.selectOption("#unit", UNIT);
    await guest.page.fill("#checkIn", NIGHT);
    await guest.page.fill("#nights", "1");
    await guest.page.fill("#units", "1");
    await guest.page.fill("#adults", "2");
    await guest.page.fill("#name", "杨梅");
    await guest.page.fill("#phone", PHONE);
    await Promise.all([
      guest.page.waitForURL("**/visit/booking/**"),
      guest.page.click(".booking-form button[type=submit]"),
    ]);
    reference = (await guest.page.textContent(".ref"))?.trim() ?? "";
    const token = (await guest.page.textContent(".token"))?.trim() ?? "";
    bookingPath = `/visit/booking/?ref=${reference}&token=${encodeURIComponent(token)}`;
    expect(await listed(guest.page)).toEqual([expect.stringMatching(/短信 · 预订成功.*等待发送/)]);

    const [text] = await cronUntilTexts(PHONE, 1);
    expect(text?.TemplateCode).toBe("SMS_480010");
    const values = JSON.parse(text?.TemplateParam ?? "{}") as Record<string, string>;
    expect(values).toMatchObject({ ref: reference, place: "嘎尖草坪露营基地", dates: `${NIGHT}起1晚` });
    // The text's link opens the booking.
    const link = new URL(values.link ?? "");
    await guest.page.goto(link.pathname + link.search);
    expect((await guest.page.textContent(".ref"))?.trim()).toBe(reference);
    expect(await listed(guest.page)).toEqual([expect.stringMatching(/短信 · 预订成功.*已发送/)]);
    const json = (await (
      await fetch(`${baseURL}/api/bookings/${reference}?token=${encodeURIComponent(token)}`)
    ).json()) as {
      messages: unknown[];
    };
    expect(json.messages).toEqual([
      { channel: "sms", kind: "booking-made", status: "sent", sentAt: expect.any(String) },
    ]);
    await guest.context.close();
  });

  it("the operator closes the night: the form lists the booking and cancels it only when ticked", async () => {
    const staff = await openPage(browser, { javaScriptEnabled: false });
    await signIn(staff.page, OPERATOR);
    const closeNight = async () => {
      await staff.page.goto("/dashboard/sites/gajian-lawn/");
      await staff.page.selectOption("#closure-unit", UNIT);
      await staff.page.fill("#closure-from", NIGHT);
      await staff.page.fill("#closure-to", NIGHT);
      await staff.page.fill("#closure-reason-zh", REASON);
      await staff.page.fill("#closure-reason-en", "A flash flood washed out the road");
      await Promise.all([
        staff.page.waitForNavigation(),
        staff.page.click("#closures ~ form.dash-form button[type=submit]"),
      ]);
    };
    await closeNight();
    // Refused: the bookings are named, nothing is closed, the form asks what to do.
    expect(await staff.page.textContent(".error-summary")).toContain(reference);
    expect(await staff.page.textContent("#closure-affected")).toContain(reference);
    expect(await staff.page.inputValue("#closure-from")).toBe(NIGHT);
    expect(await staff.page.isChecked("#closure-cancel-affected")).toBe(false);
    const guestJson = await textsTo(PHONE);
    expect(guestJson).toHaveLength(1);

    await staff.page.check("#closure-cancel-affected");
    await Promise.all([
      staff.page.waitForURL("**done=closure_added**"),
      staff.page.click("#closures ~ form.dash-form button[type=submit]"),
    ]);
    expect(new URL(staff.page.url()).searchParams.get("affected")).toBe("1");
    expect(await staff.page.textContent("main")).toContain("1 个预订已取消");
    await staff.context.close();
  });

  it("the guest's page shows the cancellation with the operator's reason, and a second text", async () => {
    const guest = await openPage(browser, { javaScriptEnabled: false });
    await guest.page.goto(bookingPath);
    expect(await guest.page.textContent(".cancelled-by-campsite")).toContain(REASON);
    expect(await listed(guest.page)).toEqual([
      expect.stringMatching(/预订成功.*已发送/),
      expect.stringMatching(/营地取消了预订.*等待发送/),
    ]);
    const texts = await cronUntilTexts(PHONE, 2);
    expect(texts[1]?.TemplateCode).toBe("SMS_480013");
    expect(JSON.parse(texts[1]?.TemplateParam ?? "{}")).toMatchObject({ ref: reference, reason: REASON });
    await guest.page.reload();
    expect(await listed(guest.page)).toEqual([
      expect.stringMatching(/预订成功.*已发送/),
      expect.stringMatching(/营地取消了预订.*已发送/),
    ]);
    await guest.page.goto(`/en${bookingPath}`);
    expect(await listed(guest.page)).toEqual([
      expect.stringMatching(/Text · Booking made.*Sent/),
      expect.stringMatching(/Text · Cancelled by the campsite.*Sent/),
    ]);
    await guest.context.close();
  });

  for (const mode of MODES) {
    it(`has zero axe violations and fits 320 px on the booking page and the closure form, ${mode.name} mode`, async () => {
      const { page, context } = await openPageIn(browser, mode, { viewport: { width: 320, height: 640 } });
      for (const prefix of ["", "/en"]) {
        await page.goto(`${prefix}${bookingPath}`);
        expect(await page.locator(".message-list li").count()).toBe(2);
        expect(await axe(page)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      }
      // The closure form with a list of affected bookings (a booking of its own, a night of its own).
      const night = countyToday(mode.elder ? 63 : 62);
      const booked = await fetch(`${baseURL}/api/bookings`, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": `guest-messages-${crypto.randomUUID()}` },
        body: JSON.stringify({
          unit: UNIT,
          checkIn: night,
          nights: 1,
          units: 1,
          guests: { adults: 1 },
          contact: { name: "李雷", phone: PHONE },
        }),
      });
      expect(booked.status).toBe(201);
      await signIn(page, OPERATOR);
      for (const prefix of ["", "/en"]) {
        await page.goto(`${prefix}/dashboard/sites/gajian-lawn/`);
        await page.selectOption("#closure-unit", UNIT);
        await page.fill("#closure-from", night);
        await page.fill("#closure-to", night);
        await Promise.all([page.waitForNavigation(), page.click("#closures ~ form.dash-form button[type=submit]")]);
        expect(await page.locator("#closure-affected li").count()).toBe(1);
        expect(await axe(page)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      }
      await context.close();
    });
  }
});
