import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axe, baseURL, chromiumPath, launch, openPage } from "./browser";
import { ADMIN, countyToday, OPERATOR, signIn } from "./dashboard";

/** A stay made through the public API, with the token the guest's page needs. */
async function bookWithToken(name: string, day: number, phone: string, units = 1) {
  const res = await fetch(`${baseURL}/api/bookings`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": `browser-${crypto.randomUUID()}` },
    body: JSON.stringify({
      unit: "gajian-byo-tent",
      checkIn: countyToday(day),
      nights: 2,
      units,
      guests: { adults: 2, children: 1 },
      contact: { name, phone },
    }),
  });
  if (res.status !== 201) throw new Error(`booking: ${res.status} ${await res.text()}`);
  return (await res.json()) as { reference: string; token: string; status: string };
}

describe.skipIf(!chromiumPath)("the campsite cancels a booking, the guest sees why", () => {
  let browser: Browser;

  /** axe needs scripts: a page opened without JavaScript is checked again in a copy of its context that has them. */
  async function violations(opened: Awaited<ReturnType<typeof openPage>>, js: boolean) {
    if (js) return axe(opened.page);
    const copy = await openPage(browser, { storageState: await opened.context.storageState() });
    await copy.page.goto(opened.page.url());
    const found = await axe(copy.page);
    await copy.context.close();
    return found;
  }
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const runs = [
    { lang: "zh-CN", prefix: "", js: false, reason: "暴雨冲毁营地道路，暂停接待", shown: "营地已取消这个预订：" },
    {
      lang: "en",
      prefix: "/en",
      js: true,
      reason: "The access road is washed out",
      shown: "Cancelled by the campsite: ",
    },
  ] as const;

  for (const run of runs) {
    it(`in ${run.lang}, ${run.js ? "with" : "without"} JavaScript, with no axe violations`, async () => {
      const b = await bookWithToken("赵雷", 21, run.js ? "13700000001" : "13700000002");
      const staff = await openPage(browser, { javaScriptEnabled: run.js });
      await signIn(staff.page, OPERATOR, `${run.prefix}/dashboard/login/`);
      await staff.page.goto(`${run.prefix}/dashboard/check-in/?ref=${b.reference}`);
      await staff.page.click("a[href*='cancel=1']");
      expect(await staff.page.locator("#cancel-heading").isVisible()).toBe(true);
      expect(await violations(staff, run.js)).toEqual([]);

      // An empty reason comes back with its message next to the field, nothing cancelled.
      await Promise.all([staff.page.waitForURL("**/check-in/**"), staff.page.click(".confirm-cancel button")]);
      expect(await staff.page.locator("#cancel-reason-error").textContent()).toBeTruthy();
      expect(await staff.page.textContent("#booking-heading")).not.toMatch(/已取消|Cancelled/);
      if (run.js) expect(await axe(staff.page)).toEqual([]);

      await staff.page.fill("#cancel-reason", run.reason);
      await Promise.all([staff.page.waitForURL("**done=cancelled**"), staff.page.click(".confirm-cancel button")]);
      expect(await staff.page.textContent("#booking-heading")).toMatch(/已取消|Cancelled/);
      expect(await staff.page.textContent("main")).toContain(run.reason);
      expect(await violations(staff, run.js)).toEqual([]);
      expect(staff.consoleErrors).toEqual([]);
      await staff.context.close();

      const guest = await openPage(browser, { javaScriptEnabled: run.js });
      await guest.page.goto(`${run.prefix}/visit/booking/?ref=${b.reference}&token=${encodeURIComponent(b.token)}`);
      expect(await guest.page.textContent(".cancelled-by-campsite")).toBe(`${run.shown}${run.reason}`);
      // No cancel button on a booking the campsite has cancelled.
      expect(await guest.page.locator("#cancel-heading").count()).toBe(0);
      expect(await violations(guest, run.js)).toEqual([]);
      await guest.context.close();
    });
  }

  it("a large booking waits for confirmation: the guest is told, the admin confirms it", async () => {
    const b = await bookWithToken("团队", 23, "13700000003", 4);
    expect(b.status).toBe("held");
    const guest = await openPage(browser, { javaScriptEnabled: false });
    await guest.page.goto(`/en/visit/booking/?ref=${b.reference}&token=${encodeURIComponent(b.token)}`);
    expect(await guest.page.textContent("#held-heading")).toBe("Awaiting the campsite's confirmation");
    expect(await violations(guest, false)).toEqual([]);

    const staff = await openPage(browser, { javaScriptEnabled: false });
    await signIn(staff.page, ADMIN);
    await staff.page.goto("/dashboard/sites/gajian-lawn/");
    await staff.page.click(`#held ~ ul a:has-text("${b.reference}")`);
    expect(await violations(staff, false)).toEqual([]);
    await Promise.all([staff.page.waitForURL("**done=confirmed**"), staff.page.click("text=确认预订")]);
    expect(await staff.page.textContent("#booking-heading")).toContain("已确认");
    // The audit log says it in words.
    await staff.page.goto("/dashboard/admin/audit/");
    expect(await staff.page.locator(`table.audit tr:has-text("${b.reference}")`).first().textContent()).toContain(
      "确认大额预订",
    );
    await staff.context.close();

    await guest.page.reload();
    expect(await guest.page.locator("#held-heading").count()).toBe(0);
    expect(await guest.page.textContent(".booking-facts")).toContain("Confirmed");
    await guest.context.close();
  });
});
