import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { county } from "../../county.config";
import { baseURL, chromiumPath, launch, openPage } from "./browser";
import { ADMIN, bookStay, COOPERATIVE, cookieHeader, countyToday, placeOrder, signIn } from "./dashboard";
import { ADMIN_DASHBOARD_PAGES } from "./pages";

/** The smaller things staff and residents read: labels, words for the log, titles, a copy button, a counted stock. */
describe.skipIf(!chromiumPath)("what staff pages say", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("says what the number on each campsite card of /visit/ counts", async () => {
    const { page, context } = await openPage(browser);
    await page.goto("/visit/");
    expect(await page.locator(".card").first().textContent()).toContain("3 种营位类型");
    await page.goto("/en/visit/");
    expect(await page.locator(".card").first().textContent()).toContain("Pitch types: 3");
    await context.close();
  });

  it("writes the audit log in words, not action names and JSON", async () => {
    const ref = await bookStay("gajian-byo-tent", countyToday(), "记录 测试");
    const admin = await cookieHeader(ADMIN);
    const res = await fetch(`${baseURL}/api/dashboard/bookings/${ref}/check-in`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: admin },
      body: "{}",
    });
    expect(res.status).toBe(200);
    const { page, context } = await openPage(browser);
    await signIn(page, ADMIN);
    for (const [lang, action, status] of [
      ["", "办理入住", "已入住"],
      ["/en", "Checked a guest in", "Checked in"],
    ] as const) {
      await page.goto(`${lang}/dashboard/admin/audit/`);
      const row = page.locator(`table.audit tr:has-text("${ref}")`).first();
      const text = (await row.textContent()) ?? "";
      expect(text, lang).toContain(action);
      expect(text, lang).toContain(status);
      const actions = await page.locator("table.audit tbody td:nth-child(3)").allTextContents();
      expect(
        actions.filter((a) => /^[a-z_]+\.[a-z_]+$/.test(a.trim())),
        lang,
      ).toEqual([]);
      const changes = await page.locator("table.audit tbody td:nth-child(5)").allTextContents();
      expect(
        changes.filter((c) => /[{}[\]"]/.test(c)),
        lang,
      ).toEqual([]);
    }
    await context.close();
  });

  for (const js of [true, false]) {
    it(`offers an invitation link as selectable text${js ? " with a copy button" : " without JavaScript"}`, async () => {
      const { page, context } = await openPage(browser, { javaScriptEnabled: js });
      if (js) await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
      await signIn(page, ADMIN);
      const email = `copy-${js}-${Date.now()}@jinchuan.example`;
      // The link is shown once, to the admin who sent the form that made it.
      await page.goto("/dashboard/admin/accounts/");
      await page.fill("#invite-email", email);
      await page.fill("#invite-name", "复制 测试");
      await page.selectOption("#invite-role", "operator");
      await Promise.all([
        page.waitForURL("**/dashboard/admin/accounts/**"),
        page.click('form:has(#invite-email) button[type="submit"]'),
      ]);
      const card = page.locator(`.card-list > li:has-text("${email}")`);
      const link = (await card.locator(".copy-text").textContent())?.trim() ?? "";
      expect(link).toMatch(/\/dashboard\/invite\/\?/);
      expect(await card.locator(".copy-text").evaluate((p) => getComputedStyle(p).userSelect)).toBe("all");
      const button = card.locator("button[data-copy]");
      expect(await button.isVisible()).toBe(js);
      if (js) {
        await button.click();
        await expect.poll(() => card.locator("[data-copied]").textContent()).toBe("已复制。");
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
      }
      await context.close();
    });
  }

  it("sets stock to a counted number from the product page, without JavaScript", async () => {
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    await signIn(page, COOPERATIVE);
    await page.goto("/dashboard/coop/anning-pear-processing/products/pear-syrup-250g/");
    await page.fill("#count", "37");
    await Promise.all([page.waitForURL("**done=stock_count**"), page.click('button:has-text("设为这个数量")')]);
    expect(await page.textContent("main")).toContain("现在的库存：37");
    expect(await page.textContent("[role=status]")).toContain("库存已按清点的数量设置");
    await context.close();
  });

  it("heads a cooperative's order table 订单号 / Order number, not the booking word", async () => {
    await placeOrder("pear-syrup-250g", "表头 测试");
    const { page, context } = await openPage(browser);
    await signIn(page, COOPERATIVE);
    await page.goto("/dashboard/coop/anning-pear-processing/orders/");
    expect(await page.locator("thead th").first().textContent()).toBe("订单号");
    expect(await page.locator("main").textContent()).not.toContain("预订号");
    await page.goto("/en/dashboard/coop/anning-pear-processing/orders/");
    expect(await page.locator("thead th").first().textContent()).toBe("Order number");
    await context.close();
  });

  it("never repeats 工作台 in a page title", async () => {
    const { page, context } = await openPage(browser);
    await signIn(page, ADMIN);
    expect(await page.title()).toBe(`工作台 - ${county.shortName["zh-CN"]}`);
    for (const path of ADMIN_DASHBOARD_PAGES) {
      for (const lang of ["", "/en"]) {
        await page.goto(`${lang}${path}`);
        const title = await page.title();
        expect(title, `${lang}${path}`).not.toMatch(/工作台 - 工作台|Dashboard - Dashboard/);
      }
    }
    await context.close();
  });

  it("gives the office's address and phone where the loan notice says whom to ask", async () => {
    const { page, context } = await openPage(browser);
    for (const [path, heading] of [
      ["/notices/entrepreneurship-loans-and-subsidy/", "四、咨询"],
      ["/en/notices/entrepreneurship-loans-and-subsidy/", "4. Questions"],
    ] as const) {
      await page.goto(path);
      const section = await page.evaluate((h) => {
        const start = [...document.querySelectorAll("h2")].find((e) => e.textContent?.trim() === h);
        let text = "";
        for (let n = start?.nextElementSibling; n && n.tagName !== "H2"; n = n.nextElementSibling) {
          text += n.textContent;
        }
        return text;
      }, heading);
      expect(section, path).toContain(county.authority.phone);
      expect(section, path).toContain(county.authority.postcode);
      expect(section, path).toContain(path.startsWith("/en") ? "Jinchuan Town" : "金川镇");
    }
    await context.close();
  });
});
