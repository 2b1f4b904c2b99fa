import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PNG_8X8 } from "../fixtures/images";
import { axe, baseURL, chromiumPath, launch, openPage } from "./browser";
import { ADMIN, COOPERATIVE, countyToday, signIn } from "./dashboard";

/**
 * A county admin adds, edits and retires a pickup point, and a cooperative keeps
 * its certificates, in the browser: without JavaScript, on a 320 px phone, by
 * keyboard, in both languages; the pages have no axe violations.
 */
const NARROW = { width: 320, height: 720 };
const COOP = "/dashboard/coop/anning-pear-processing/profile/";

async function submitByKeyboard(page: Page, lastField: string, button: string) {
  await page.focus(lastField);
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((sel) => document.activeElement === document.querySelector(sel), button)) break;
  }
  expect(await page.evaluate((sel) => document.activeElement === document.querySelector(sel), button)).toBe(true);
  await Promise.all([page.waitForEvent("load"), page.waitForURL(/done=|\?/), page.keyboard.press("Enter")]);
}

async function post(page: Page, button: string) {
  await Promise.all([page.waitForEvent("load"), page.click(button)]);
}

const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe.skipIf(!chromiumPath)("pickup points and cooperative certificates in the browser", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const prefix of ["", "/en"]) {
    const en = prefix === "/en";

    it(`an admin adds a pickup point and retires it without JavaScript (${prefix || "zh-CN"})`, async () => {
      const id = `hall-${en ? "en" : "zh"}-${Date.now().toString(36)}`;
      const { page, context } = await openPage(browser, { javaScriptEnabled: false, viewport: NARROW });
      await signIn(page, ADMIN, `${prefix}/dashboard/login/`);
      await page.goto(`${prefix}/dashboard/`);
      await post(page, `a[href="${prefix}/dashboard/admin/pickup-points/"]`);
      const list = `${prefix}/dashboard/admin/pickup-points/`;
      expect(new URL(page.url()).pathname).toBe(list);

      // Refused first: no day chosen. The form comes back with what was typed and the message at the days.
      await page.fill("#pp-id", id);
      await page.fill("#pp-nameZh", `沙耳乡政府自提点 ${id}`);
      await page.fill("#pp-nameEn", `Shaer township hall ${id}`);
      await page.fill("#pp-addressZh", "沙耳乡政府一楼");
      await page.fill("#pp-addressEn", "Ground floor, Shaer township hall");
      await page.fill("#pp-hoursZh", "9:00–17:00");
      await page.fill("#pp-hoursEn", "9:00 to 17:00");
      for (let d = 1; d <= 7; d++) await page.uncheck(`#pp-day-${d}`);
      await page.fill("#pp-phone", "0837-2345678");
      await post(page, "form:has(#pp-id) button[type=submit]");
      expect(new URL(page.url()).pathname).toBe(list);
      expect(await page.textContent("#pp-days-error")).toBe(
        en ? "Choose at least one day the point is open." : "请至少选择一个开放日。",
      );
      expect(await page.inputValue("#pp-nameEn")).toBe(`Shaer township hall ${id}`);
      expect(await page.getAttribute("[data-error-summary] a", "href")).toBe("#pp-day-1");

      await page.check("#pp-day-1");
      await page.check("#pp-day-3");
      expect(await fitsWidth(page)).toBe(true);
      await submitByKeyboard(page, "#pp-sort", "form:has(#pp-id) button[type=submit]");
      expect(page.url()).toContain("done=point_created");
      const added = page.locator("li", { hasText: id });
      expect(await added.textContent()).toContain(en ? "Monday, Wednesday" : "周一、周三");

      const offered = async () =>
        ((await (await fetch(`${baseURL}/api/pickup-points`)).json()) as Array<{ id: string }>).some(
          (p) => p.id === id,
        );
      expect(await offered()).toBe(true);
      await page.goto(`${list}${id}/`);
      await page.fill("#pp-addressEn", "Room 2, Shaer township hall");
      await post(page, "form:has(#pp-nameZh) button[type=submit]");
      expect(page.url()).toContain("done=point_saved");
      await page.goto(`${list}${id}/`);
      expect(await page.inputValue("#pp-addressEn")).toBe("Room 2, Shaer township hall");
      await post(page, "form[action*='/retire'] button");
      expect(page.url()).toContain("done=point_retire");
      expect(await offered()).toBe(false);
      await context.close();
    });

    it(`a cooperative adds and changes a certificate; the county verifies it (${prefix || "zh-CN"})`, async () => {
      const number = `LB-${en ? "EN" : "ZH"}-${Date.now().toString(36)}`;
      const { page, context } = await openPage(browser, { javaScriptEnabled: false, viewport: NARROW });
      await signIn(page, COOPERATIVE, `${prefix}/dashboard/login/`);
      await page.goto(`${prefix}/dashboard/coop/anning-pear-processing/`);
      await post(page, `main a[href="${prefix}${COOP}"]`);
      expect(new URL(page.url()).pathname).toBe(`${prefix}${COOP}`);

      await page.fill("#cnew-nameZh", "绿色食品");
      await page.fill("#cnew-nameEn", "Green Food");
      await page.fill("#cnew-number", number);
      await page.fill("#cnew-issuer", "中国绿色食品发展中心");
      await page.fill("#cnew-validUntil", countyToday(400));
      await submitByKeyboard(page, "#cnew-validUntil", "form:has(#cnew-number) button[type=submit]");
      expect(page.url()).toContain("done=certificate_added");
      const cert = page.locator("article.certificate", { has: page.locator(`input[value="${number}"]`) });
      const awaiting = en ? "Awaiting verification by the county" : "等待县里核验";
      expect(await cert.textContent()).toContain(awaiting);
      const prefixId = ((await cert.locator("input[name=number]").getAttribute("id")) ?? "").replace(/-number$/, "");

      // A date that does not exist is refused at its field, in the page's language.
      await page.fill(`#${prefixId}-validUntil`, "");
      await post(page, `form:has(#${prefixId}-number) button[type=submit]`);
      expect(await page.textContent(`#${prefixId}-validUntil-error`)).toBe(
        en
          ? "Enter the last day the certificate is valid, e.g. 2027-06-30."
          : "请填写有效期至哪一天，例如 2027-06-30。",
      );
      await page.fill(`#${prefixId}-validUntil`, countyToday(500));
      await post(page, `form:has(#${prefixId}-number) button[type=submit]`);
      expect(page.url()).toContain("done=certificate_saved");
      await page.setInputFiles(`#${prefixId}-image`, {
        name: "cert.png",
        mimeType: "image/png",
        buffer: Buffer.from(PNG_8X8),
      });
      await post(page, `form:has(#${prefixId}-image) button[type=submit]`);
      expect(page.url(), (await page.locator(".error-summary").allInnerTexts()).join(" | ")).toContain(
        "done=certificate_image",
      );
      expect(await fitsWidth(page)).toBe(true);

      const publicPage = `${prefix}/cooperatives/anning-pear-processing/`;
      // The public page may be cached for 15 s: each look asks for a fresh copy.
      let look = 0;
      const shown = async () => {
        await page.goto(`${publicPage}?look=${++look}`);
        return (await page.locator("section", { has: page.locator("#certificates") }).textContent()) ?? "";
      };
      expect(await shown()).toContain(number);
      expect(await shown()).toContain(awaiting);

      const admin = await openPage(browser, { javaScriptEnabled: false, viewport: NARROW });
      await signIn(admin.page, ADMIN, `${prefix}/dashboard/login/`);
      await admin.page.goto(`${prefix}/dashboard/admin/coops/`);
      await post(admin.page, `button[aria-label$="${number}"]`);
      expect(admin.page.url()).toContain("done=certificate_verified");
      await admin.context.close();
      expect(await shown()).toContain(en ? "Verified by the county" : "县里已核验");
      await context.close();
    });
  }

  it("the new pages have no axe violations, refused forms included, in both languages", async () => {
    const { page, context } = await openPage(browser, { viewport: NARROW });
    await signIn(page, ADMIN);
    for (const prefix of ["", "/en"]) {
      const list = `${prefix}/dashboard/admin/pickup-points/`;
      await page.goto(list);
      await post(page, "form:has(#pp-id) button[type=submit]");
      expect(await page.locator("[data-error-summary]").count()).toBe(1);
      const pages: Array<[string, Awaited<ReturnType<typeof axe>>]> = [[`${list} (refused)`, await axe(page)]];
      for (const path of [
        `${list}gajian-visitor-centre/`,
        `${prefix}${COOP}`,
        `${prefix}/dashboard/admin/coops/`,
        `${prefix}/cooperatives/anning-pear-processing/`,
      ]) {
        expect((await page.goto(path))?.status(), path).toBe(200);
        pages.push([path, await axe(page)]);
      }
      await page.goto(`${prefix}${COOP}`);
      await post(page, "form:has(#cnew-number) button[type=submit]");
      expect(await page.locator("[data-error-summary]").count()).toBe(1);
      pages.push([`${prefix}${COOP} (refused)`, await axe(page)]);
      expect(pages.filter(([, v]) => v.length > 0)).toEqual([]);
    }
    await context.close();
  });
});
