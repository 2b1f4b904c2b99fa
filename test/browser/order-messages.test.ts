import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { BROWSER_SMS } from "../fake-sms/keys";
import type { FakeText } from "../fake-sms/server";
import { axe, baseURL, chromiumPath, launch, MODES, openPage, openPageIn } from "./browser";
import { ADMIN, buyerPhone, COOPERATIVE, signIn } from "./dashboard";

/**
 * A buyer orders, the cooperative confirms the order and marks it ready on its
 * dashboard, the minute's cron sends the texts (to the local fake of Aliyun SMS),
 * and the buyer's order page lists both as sent.
 */
async function order(phone: string): Promise<{ reference: string; token: string }> {
  const res = await fetch(`${baseURL}/api/orders`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": `browser-${crypto.randomUUID()}` },
    body: JSON.stringify({
      items: [{ product: "pear-syrup-250g", quantity: 1 }],
      fulfilment: { method: "pickup", point: "gajian-visitor-centre" },
      contact: { name: "短信 买家", phone },
    }),
  });
  expect(res.status).toBe(201);
  const placed = (await res.json()) as { orders: Array<{ reference: string; token: string }> };
  const first = placed.orders[0];
  if (!first) throw new Error("no order");
  return first;
}

async function textsTo(phone: string): Promise<FakeText[]> {
  const url = new URL(`/__texts?key=${BROWSER_SMS.ALIYUN_SMS_ACCESS_KEY_ID}`, inject("fakeSmsUrl"));
  const all = (await (await fetch(url)).json()) as FakeText[];
  return all.filter((t) => t.PhoneNumbers === phone);
}

describe.skipIf(!chromiumPath)("the messages on a buyer's order page", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("lists the confirmation and the ready-for-pickup texts once the cron sent them", async () => {
    const phone = buyerPhone();
    const { reference, token } = await order(phone);

    const coop = await openPage(browser, { javaScriptEnabled: false });
    await signIn(coop.page, COOPERATIVE);
    await coop.page.goto(`/dashboard/coop/anning-pear-processing/orders/${reference}/`);
    await Promise.all([coop.page.waitForURL("**done=order_confirm**"), coop.page.click("text=确认订单")]);
    await Promise.all([coop.page.waitForURL("**done=order_ready**"), coop.page.click("button:has-text('可以取货')")]);
    await coop.context.close();

    // Before the cron: both wait.
    const buyer = await openPage(browser);
    await buyer.page.goto(`/orders/?reference=${reference}&token=${token}`);
    expect(new URL(buyer.page.url()).search).toBe(`?reference=${reference}`);
    const list = buyer.page.locator("section.message-list");
    expect(await list.locator("li").allTextContents()).toEqual([
      expect.stringMatching(/短信.*订单已确认.*等待发送/),
      expect.stringMatching(/短信.*可以取货.*等待发送/),
    ]);

    const ran = await fetch(`${baseURL}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent("* * * * *")}`);
    expect(ran.ok).toBe(true);
    await expect.poll(async () => (await textsTo(phone)).length, { timeout: 10_000 }).toBe(2);
    const [confirmed, ready] = await textsTo(phone);
    expect(confirmed?.TemplateCode).toBe("SMS_480101");
    expect(JSON.parse(ready?.TemplateParam ?? "{}")).toMatchObject({
      ref: reference,
      address: "河东乡吉目村嘎尖草坪露营基地入口",
      hours: "每天 9:00–18:00",
    });

    await buyer.page.reload();
    expect(await list.locator("li").allTextContents()).toEqual([
      expect.stringMatching(/短信.*订单已确认.*已发送/),
      expect.stringMatching(/短信.*可以取货.*已发送/),
    ]);
    await buyer.page.goto(`/en/orders/?reference=${reference}`);
    expect(await list.locator("h2").textContent()).toBe("Messages sent to you");
    expect(await list.locator("li").allTextContents()).toEqual([
      expect.stringMatching(/Text.*Order confirmed.*Sent/),
      expect.stringMatching(/Text.*Ready for pickup.*Sent/),
    ]);
    const cookies = await buyer.context.cookies();
    await buyer.context.close();

    for (const mode of MODES) {
      const { page, context } = await openPageIn(browser, mode, { viewport: { width: 320, height: 800 } });
      await context.addCookies(cookies);
      for (const path of [`/orders/?reference=${reference}`, `/en/orders/?reference=${reference}`]) {
        await page.goto(path);
        expect(await page.locator("section.message-list li").count(), `${path} ${mode.name}`).toBe(2);
        expect(await page.evaluate(() => document.documentElement.classList.contains("elder"))).toBe(mode.elder);
        expect(await axe(page), `${path} ${mode.name}`).toEqual([]);
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth),
          `${path} ${mode.name}`,
        ).toBeLessThanOrEqual(320);
      }
      await context.close();
    }
  });

  it("lists the cooperative's new-order e-mail and the buyer's texts on the staff outbox page", async () => {
    const { reference } = await order(buyerPhone());
    const ran = await fetch(`${baseURL}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent("* * * * *")}`);
    expect(ran.ok).toBe(true);
    const { page, context } = await openPage(browser);
    await signIn(page, ADMIN);
    await page.goto("/dashboard/admin/messages/");
    const mail = page.locator(`li:has-text("新订单邮件（订单 ${reference}）")`).last();
    expect(await mail.textContent()).toContain("anning@jinchuan.example");
    // Not a call: the cooperative's orders wait on its dashboard.
    expect(await page.locator(`#calls ~ * li:has-text("${reference}")`).count()).toBe(0);
    await page.goto("/en/dashboard/admin/messages/");
    expect(await page.textContent("main")).toContain(
      `New-order e-mail (order ${reference}) to the cooperative's members`,
    );
    await context.close();
  });
});
