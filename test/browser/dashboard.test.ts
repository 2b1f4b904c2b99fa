import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, chromiumPath, launch, openPage } from "./browser";
import {
  ADMIN,
  bookStay,
  COOPERATIVE,
  cookieHeader,
  countyToday,
  OPERATOR,
  placeOrder,
  sessionCookie,
  signIn,
} from "./dashboard";

describe.skipIf(!chromiumPath)("dashboards in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const js of [false, true]) {
    it(`an operator follows a guest's QR link, signs in and checks the guest in ${js ? "with" : "without"} JavaScript`, async () => {
      const ref = await bookStay("gajian-byo-tent", countyToday(), js ? "陈静" : "Zhou Min");
      const { page, context, consoleErrors } = await openPage(browser, { javaScriptEnabled: js });
      // The QR code on the booking page encodes exactly this address.
      await page.goto(`/dashboard/check-in/?ref=${ref}`);
      expect(new URL(page.url()).pathname).toBe("/dashboard/login/");
      await signIn(page, OPERATOR, "");
      expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(`/dashboard/check-in/?ref=${ref}`);
      expect(await page.textContent("h2 .ref")).toBe(ref);

      await Promise.all([page.waitForURL("**done=checked_in**"), page.click("text=办理入住 >> nth=-1")]);
      expect(await page.textContent("[role=status]")).toContain("已办理入住");
      expect(await page.textContent("#booking-heading")).toContain("已入住");
      // Today's arrivals at the campsite show it too.
      await page.goto("/dashboard/sites/gajian-lawn/");
      expect(await page.locator(`#arrivals ~ * tr:has-text("${ref}")`).textContent()).toContain("已入住");
      expect(consoleErrors).toEqual([]);
      await context.close();
    });
  }

  it("keeps the session in a __Host- cookie (HttpOnly, Secure, SameSite=Lax) that localhost accepts over http", async () => {
    const { page, context } = await openPage(browser);
    await signIn(page, OPERATOR);
    const cookie = await sessionCookie(context);
    expect(cookie).toMatchObject({ path: "/", httpOnly: true, secure: true, sameSite: "Lax" });
    expect(cookie?.domain).toBe("localhost");
    expect(await page.evaluate(() => document.cookie)).not.toContain("portal_session");

    // Signing out revokes the session on the server: the old cookie no longer opens anything.
    const old = cookie ? { ...cookie } : undefined;
    await Promise.all([page.waitForURL("**signedOut=1**"), page.click("text=退出登录")]);
    expect(await sessionCookie(context)).toBeUndefined();
    if (old) await context.addCookies([old]);
    await page.goto("/dashboard/");
    expect(new URL(page.url()).pathname).toBe("/dashboard/login/");
    await context.close();
  });

  it("refuses a form posted from another site: the cookie is not sent and the origin is refused", async () => {
    const { page, context } = await openPage(browser);
    await signIn(page, OPERATOR);
    await page.route("http://evil.test/", (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<form method="post" action="${baseURL}/api/dashboard/units/gajian-byo-tent/capacity">
          <input name="capacity" value="0"><button>go</button></form>`,
      }),
    );
    await page.goto("http://evil.test/");
    const [response] = await Promise.all([page.waitForNavigation(), page.click("button")]);
    expect(response?.status()).toBe(403);
    await page.goto("/dashboard/sites/gajian-lawn/");
    expect(await page.inputValue("#cap-gajian-byo-tent")).toBe("40");
    await context.close();
  });

  it("shows an operator nothing of another campsite or of the admin pages: 404 in both languages", async () => {
    const ref = await bookStay("pear-valley-pitch", countyToday(3), "Other Site");
    const cookie = await cookieHeader(OPERATOR);
    for (const lang of ["", "/en"]) {
      for (const path of [
        "/dashboard/sites/pear-valley/",
        `/dashboard/check-in/?ref=${ref}`,
        "/dashboard/admin/accounts/",
        "/dashboard/admin/campsites/",
        "/dashboard/admin/campsites/pear-valley/",
        "/dashboard/admin/audit/",
      ]) {
        const res = await fetch(`${baseURL}${lang}${path}`, { headers: { cookie }, redirect: "manual" });
        expect(res.status, `${lang}${path}`).toBe(404);
        const html = await res.text();
        expect(html, path).not.toContain("Other Site");
        expect(html, path).not.toContain("梨花谷河畔营地</h1>");
      }
    }
    // A cooperative member sees neither campsites nor another cooperative's products and orders.
    const member = await cookieHeader(COOPERATIVE);
    const otherOrder = await placeOrder("snow-pear-5kg", "Other Coop");
    for (const path of [
      "/dashboard/sites/gajian-lawn/",
      "/dashboard/check-in/",
      "/dashboard/coop/shaer-snow-pear/",
      "/dashboard/coop/shaer-snow-pear/products/snow-pear-5kg/",
      `/dashboard/coop/shaer-snow-pear/orders/${otherOrder}/`,
      `/dashboard/coop/anning-pear-processing/orders/${otherOrder}/`,
      "/dashboard/coop/anning-pear-processing/products/snow-pear-5kg/",
      "/dashboard/admin/coops/",
    ]) {
      const res = await fetch(`${baseURL}${path}`, { headers: { cookie: member }, redirect: "manual" });
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain("Other Coop");
    }
    const operatorOnCoop = await fetch(`${baseURL}/dashboard/coop/anning-pear-processing/`, { headers: { cookie } });
    expect(operatorOnCoop.status).toBe(404);
    const admin = await cookieHeader(ADMIN);
    const res = await fetch(`${baseURL}/dashboard/check-in/?ref=${ref}`, { headers: { cookie: admin } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Other Site");
  });

  it("an admin resets a forgotten password on the accounts page; the link sets a new one and the old one is dead", async () => {
    // A staff member with a password of their own, made through the API as an admin would.
    const admin = await cookieHeader(ADMIN);
    const email = `reset-${Date.now()}@jinchuan.example`;
    const made = await fetch(`${baseURL}/api/dashboard/admin/accounts`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: admin },
      body: JSON.stringify({ email, name: "杨秀英", role: "operator", campsites: ["gajian-lawn"] }),
    });
    const first = new URL(((await made.json()) as { link: string }).link, baseURL);
    const accepted = await fetch(`${baseURL}/api/auth/invites/accept`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        reference: first.searchParams.get("ref"),
        token: first.searchParams.get("token"),
        password: "forgotten pear password",
      }),
    });
    expect(accepted.status).toBe(204);

    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    await signIn(page, ADMIN, "/en/dashboard/login/?next=/en/dashboard/admin/accounts/");
    await Promise.all([page.waitForURL("**done=reset**"), page.click(`button[aria-label="Reset password ${email}"]`)]);
    expect(await page.textContent("[role=status]")).toContain("signed out everywhere");
    const card = page.locator("li", { hasText: email });
    expect(await card.textContent()).toContain("Invited, no password yet");
    const shown = (await card.locator(".mono").textContent())?.trim() ?? "";
    // Built on county.siteUrl; the person would open it there, this test opens it on the local server.
    expect(shown).toMatch(/^https:\/\/www\.jinchuan\.gov\.cn\/en\/dashboard\/invite\/\?ref=/);
    const url = new URL(shown);
    const link = `${baseURL}${url.pathname}${url.search}`;
    // Shown once: the page forgets it on the next visit.
    await page.reload();
    expect(await page.locator("li", { hasText: email }).locator(".mono").count()).toBe(0);
    await context.close();

    // The old password no longer opens the account.
    const old = await fetch(`${baseURL}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: "forgotten pear password" }),
    });
    expect(old.status).toBe(401);
    // The person opens the link on their own phone and sets a new password.
    const own = await openPage(browser);
    await own.page.goto(link);
    await own.page.fill("#password", "remembered pear password");
    await Promise.all([own.page.waitForURL("**/en/dashboard/**"), own.page.click("form.dash-form button")]);
    expect(new URL(own.page.url()).pathname).toBe("/en/dashboard/");
    expect(await own.page.textContent("main")).toContain("Gajian");
    await own.context.close();
  });

  it("sends someone not signed in to the sign-in page and marks every dashboard page private", async () => {
    for (const path of ["/dashboard/", "/en/dashboard/sites/gajian-lawn/", "/dashboard/admin/audit/"]) {
      const res = await fetch(`${baseURL}${path}`, { redirect: "manual" });
      expect(res.status, path).toBe(303);
      expect(res.headers.get("location"), path).toContain("/dashboard/login/?next=");
    }
    const login = await fetch(`${baseURL}/dashboard/login/`);
    expect(login.headers.get("cache-control")).toBe("no-store");
    expect(login.headers.get("x-robots-tag")).toContain("noindex");
  });
});
