import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axe, baseURL, chromiumPath, launch, MODES, openPage, openPageIn } from "./browser";
import { ADMIN, cookieHeader, countyToday, signIn } from "./dashboard";

/**
 * County staff change a festival event's sessions and status from the dashboard, by
 * keyboard and without JavaScript: a session's places are lowered (and refused below
 * what is booked), then the event is called off after a confirm step that says how many
 * bookings it cancels and how many guests it texts. The pages have no axe violations
 * and fit 320 px in both languages and both modes.
 *
 * Other files book the build's upcoming sessions, so the changes here are made to a past
 * event (pear-picking-2026) given a session of its own for the test; the pages checked
 * with axe are those of an upcoming event, only read.
 */
const EVENT = "pear-picking-2026";
const UPCOMING = "pear-picking-2027";
const UPCOMING_SESSION = "pear-picking-2027-picking-0918-0900";
const phone = () => `135${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

async function api(path: string, init: RequestInit = {}) {
  return fetch(`${baseURL}${path}`, init);
}

async function bookSession(slot: string) {
  const res = await api("/api/bookings", {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": `browser-${crypto.randomUUID()}` },
    body: JSON.stringify({ slot, guests: { adults: 2 }, contact: { name: "周敏", phone: phone() } }),
  });
  if (res.status !== 201) throw new Error(`booking: ${res.status} ${await res.text()}`);
  return (await res.json()) as { reference: string; token: string };
}

/** Presses Tab until `target` has the focus, as a keyboard user moves through the page. */
async function tabTo(page: Page, target: Locator, limit = 250) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`never reached ${target} by Tab`);
}

async function pressEnterAndWait(page: Page) {
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
}

async function typeInto(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Backspace");
  await page.keyboard.type(text);
}

describe.skipIf(!chromiumPath)("festival sessions in the dashboard", () => {
  let browser: Browser;
  let session = "";
  const guests: Array<{ reference: string; token: string }> = [];

  beforeAll(async () => {
    browser = await launch();
    const cookie = await cookieHeader(ADMIN);
    const added = await api(`/api/dashboard/events/${EVENT}/sessions`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({
        nameZh: "补充采摘场",
        nameEn: "Extra picking session",
        date: countyToday(30),
        startTime: "09:00",
        endTime: "11:00",
        capacity: 10,
        priceYuan: "30",
      }),
    });
    if (added.status !== 201) throw new Error(`adding a session: ${added.status} ${await added.text()}`);
    session = ((await added.json()) as { session: string }).session;
    guests.push(await bookSession(session), await bookSession(session));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("has zero axe violations and fits 320 px on its pages, in both languages and both modes", async () => {
    const reasons = "reasonZh=%E5%9B%A0%E5%A4%A9%E6%B0%94%E5%BB%B6%E6%9C%9F&reasonEn=Put+off+by+the+weather";
    const paths = [
      "/dashboard/events/",
      `/dashboard/events/${UPCOMING}/`,
      `/dashboard/events/${UPCOMING}/?session=${UPCOMING_SESSION}`,
      `/dashboard/events/${UPCOMING}/?step=check&status=postponed&${reasons}`,
      `/dashboard/events/${UPCOMING}/?step=check&status=cancelled`,
    ];
    for (const mode of MODES) {
      const { page, context, consoleErrors } = await openPageIn(browser, mode, {
        javaScriptEnabled: true,
        viewport: { width: 320, height: 700 },
      });
      await signIn(page, ADMIN);
      const found: Record<string, unknown> = {};
      for (const lang of ["", "/en"]) {
        for (const path of paths) {
          const res = await page.goto(`${lang}${path}`);
          expect(res?.status(), path).toBe(200);
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          expect(width, `${lang}${path} ${mode.name}`).toBeLessThanOrEqual(320);
          const violations = await axe(page);
          if (violations.length) found[`${lang}${path} ${mode.name}`] = violations;
        }
      }
      expect(found).toEqual({});
      expect(consoleErrors, "console errors (CSP violations show here)").toEqual([]);
      await context.close();
    }
    // Only looked at: the upcoming event is as the build has it.
    const upcoming = await api(`/api/activity-slots?event=${UPCOMING}`);
    expect(((await upcoming.json()) as unknown[]).length).toBe(3);
  });

  it("lowers a session's places by keyboard, and refuses fewer than are booked", async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    await signIn(page, ADMIN);
    await page.goto("/dashboard/events/");
    await tabTo(page, page.locator(`a[href="/dashboard/events/${EVENT}/"]`));
    await pressEnterAndWait(page);
    expect(new URL(page.url()).pathname).toBe(`/dashboard/events/${EVENT}/`);
    const row = page.locator(`tr[id="row-${session}"]`);
    expect(await row.textContent()).toContain("4 / 10");

    await tabTo(page, row.locator("a"));
    await pressEnterAndWait(page);
    expect(new URL(page.url()).searchParams.get("session")).toBe(session);
    await typeInto(page, page.locator("#e-capacity"), "1");
    await tabTo(page, page.getByRole("button", { name: "保存修改" }));
    await pressEnterAndWait(page);
    // Refused: back on the form, the message says how many places are booked.
    expect(new URL(page.url()).searchParams.get("session")).toBe(session);
    expect(await page.textContent("#e-capacity-error")).toContain("已有 4 个名额被预订");
    expect(await page.inputValue("#e-capacity")).toBe("1");

    await typeInto(page, page.locator("#e-capacity"), "6");
    await tabTo(page, page.getByRole("button", { name: "保存修改" }));
    await pressEnterAndWait(page);
    expect(new URL(page.url()).searchParams.get("done")).toBe("session_saved");
    expect(await page.textContent("[role=status]")).toContain("场次已保存");
    expect(await page.locator(`tr[id="row-${session}"]`).textContent()).toContain("4 / 6");
    await context.close();
  });

  it("calls the event off by keyboard after saying what it cancels, in English", async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    await signIn(page, ADMIN, "/en/dashboard/login/");
    await page.goto(`/en/dashboard/events/${EVENT}/`);
    // The status is a group of radio buttons: Tab into it, then the arrow keys choose.
    await tabTo(page, page.locator("input[name=status]:checked"));
    while ((await page.locator("input[name=status]:checked").getAttribute("value")) !== "cancelled") {
      await page.keyboard.press("ArrowDown");
    }
    await typeInto(page, page.locator("#s-reasonZh"), "果园遭遇冰雹，活动取消。");
    await typeInto(page, page.locator("#s-reasonEn"), "Hail hit the orchards, so the event is off.");
    await tabTo(page, page.getByRole("button", { name: "See what this changes" }));
    await pressEnterAndWait(page);

    expect(await page.textContent(".confirm .impact")).toBe("This cancels 2 booking(s), moves 0 and texts 2 guest(s).");
    expect(await page.textContent(".confirm")).toContain("from “Scheduled” to “Cancelled”");
    const stillBooked = await api(`/api/bookings/${guests[0]?.reference}?token=${guests[0]?.token}`);
    expect(((await stillBooked.json()) as { status: string }).status).toBe("confirmed");

    await tabTo(page, page.getByRole("button", { name: "Confirm the change" }));
    await pressEnterAndWait(page);
    expect(new URL(page.url()).pathname).toBe(`/en/dashboard/events/${EVENT}/`);
    expect(await page.textContent("[role=status]")).toContain("The event's status is changed.");
    expect(await page.textContent("main")).toContain("Bookings cancelled: 2.");
    for (const g of guests) {
      const res = await api(`/api/bookings/${g.reference}?token=${g.token}`);
      expect(await res.json()).toMatchObject({
        status: "cancelled",
        cancelReason: "果园遭遇冰雹，活动取消。",
      });
    }
    expect(await page.locator(`tr[id="row-${session}"]`).textContent()).toContain("0 / 6");
    await context.close();
  });
});
