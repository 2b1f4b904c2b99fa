import { totpCode, totpStep } from "@functions/accounts/totp";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axe, baseURL, chromiumPath, launch, openPage } from "./browser";
import { ADMIN, cookieHeader, signIn } from "./dashboard";

/** A second admin, invited by the demo admin, so the demo admin stays as the README describes. */
async function newAdmin(email: string, password: string) {
  const cookie = await cookieHeader(ADMIN);
  const invited = await fetch(`${baseURL}/api/dashboard/admin/accounts`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ email, name: "Second admin", role: "admin" }),
  });
  expect(invited.status).toBe(201);
  const { reference, token } = (await invited.json()) as { reference: string; token: string };
  const accepted = await fetch(`${baseURL}/api/auth/invites/accept`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ reference, token, password }),
  });
  expect(accepted.status).toBe(204);
  return { email, password };
}

describe.skipIf(!chromiumPath)("two-step sign-in in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("an admin enrols without JavaScript, keeps the recovery codes and then signs in with a code", async () => {
    const who = await newAdmin("second.admin@jinchuan.example", "quiet river under the pears");
    const { page, context } = await openPage(browser, { javaScriptEnabled: false });
    await signIn(page, who, "/en/dashboard/login/?next=/en/dashboard/two-factor/");
    await Promise.all([page.waitForURL("**/two-factor/"), page.click("form.dash-form button")]);
    const secret = ((await page.textContent("#totp-secret")) ?? "").replaceAll(" ", "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await page.locator("svg.qr").count()).toBe(1);
    // The same page with JavaScript, for axe: the key, its QR code and the code field.
    const js = await openPage(browser);
    await signIn(js.page, who, "/en/dashboard/login/?next=/en/dashboard/two-factor/");
    expect(await js.page.textContent("#totp-secret")).toContain(secret.slice(0, 4));
    expect(await axe(js.page)).toEqual([]);
    await js.context.close();
    await page.fill("#code", await totpCode(secret, totpStep(new Date())));
    await Promise.all([page.waitForURL("**done=on**"), page.click("form.dash-form button")]);
    const codes = await page.locator(".recovery-codes li").allTextContents();
    expect(codes).toHaveLength(10);
    expect(await page.textContent("main")).toContain("Two-step sign-in is on");
    // Shown once only.
    await page.reload();
    expect(await page.locator(".recovery-codes li").count()).toBe(0);
    await context.close();

    // Signing in now needs the code; a recovery code stands in for it.
    const fresh = await openPage(browser, { javaScriptEnabled: false });
    await fresh.page.goto("/en/dashboard/login/");
    await fresh.page.fill("#email", who.email);
    await fresh.page.fill("#password", who.password);
    await Promise.all([fresh.page.waitForURL("**/login/**"), fresh.page.click("form.dash-form button")]);
    expect(await fresh.page.textContent("main")).toContain("authenticator app");
    await fresh.page.fill("#password", who.password);
    await fresh.page.fill("#code", codes[0] ?? "");
    await Promise.all([
      fresh.page.waitForURL((url) => !url.pathname.endsWith("/login/")),
      fresh.page.click("form.dash-form button"),
    ]);
    expect(new URL(fresh.page.url()).pathname).toBe("/en/dashboard/");
    await fresh.context.close();
  });
});
