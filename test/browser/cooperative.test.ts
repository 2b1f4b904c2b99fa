import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PNG_8X8 } from "../fixtures/images";
import { baseURL, chromiumPath, launch, openPage } from "./browser";
import { ADMIN, COOPERATIVE, placeOrder, signIn } from "./dashboard";

/** An 8 x 8 PNG in the county's green: small, but a real picture a browser can draw. */
const PNG = Buffer.from(PNG_8X8);

describe.skipIf(!chromiumPath)("a cooperative's dashboard in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("adds a product with a picture, sees a visitor's order, confirms it and marks it ready, without JavaScript", async () => {
    const { page, context, consoleErrors } = await openPage(browser, { javaScriptEnabled: false });
    await signIn(page, COOPERATIVE);
    const home = "/dashboard/coop/anning-pear-processing/";
    expect(new URL(page.url()).pathname).toBe("/dashboard/");
    await page.click(`a[href="${home}"] >> nth=0`);
    await page.click("text=添加产品");
    await page.fill("#p-id", "pear-paste-gift");
    await page.selectOption("#p-category", "pear-syrup");
    await page.fill("#p-nameZh", "梨膏伴手礼");
    await page.fill("#p-nameEn", "Pear syrup gift jar");
    await page.fill("#p-unitZh", "300 克瓶装");
    await page.fill("#p-unitEn", "300 g jar");
    await page.fill("#p-price", "58");
    await page.fill("#p-stock", "12");
    await Promise.all([page.waitForURL("**done=product_created**"), page.click("form.dash-form button[type=submit]")]);
    expect(await page.textContent("h1")).toBe("梨膏伴手礼");

    await page.setInputFiles("#image", { name: "gift.png", mimeType: "image/png", buffer: PNG });
    await Promise.all([page.waitForURL("**done=image**"), page.click("text=上传图片")]);
    const src = (await page.getAttribute("img.product-picture", "src")) ?? "";
    expect(src).toMatch(/^\/media\/products\/pear-paste-gift\/[0-9a-f]{32}\.png$/);
    const picture = await fetch(`${baseURL}${src}`);
    expect(picture.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await picture.arrayBuffer()).equals(PNG)).toBe(true);

    // A text file dressed up as a picture is refused with a clear message.
    await page.setInputFiles("#image", {
      name: "note.png",
      mimeType: "image/png",
      buffer: Buffer.from("not a picture"),
    });
    await page.click("text=上传图片");
    expect(await page.textContent("main")).toContain("请选择 JPEG、PNG 或 WebP 格式的图片");
    await page.goBack();

    // The visitor sees it in the shop and orders two jars.
    const reference = await placeOrder("pear-paste-gift", "游客 赵", 2);
    await page.goto(home);
    const row = page.locator(`tr:has-text("${reference}")`);
    expect(await row.textContent()).toContain("梨膏伴手礼 × 2");
    await row.locator("a").click();
    await Promise.all([page.waitForURL("**done=order_confirm**"), page.click("text=确认订单")]);
    expect(await page.textContent("#order-status")).toBe("合作社已确认");
    await Promise.all([page.waitForURL("**done=order_ready**"), page.click("button:has-text('可以取货')")]);
    expect(await page.textContent("#order-status")).toBe("可以取货");

    // The product page for buyers shows the picture, and stock went down by the order.
    await page.goto("/dashboard/coop/anning-pear-processing/products/pear-paste-gift/");
    expect(await page.textContent("#stock ~ p")).toContain("10");
    expect(consoleErrors.filter((m) => !m.includes("status of 400"))).toEqual([]);
    await context.close();
  });

  it("e-mails the cooperative about a new order at the minute's run, and the order says so", async () => {
    const ref = await placeOrder("pear-syrup-250g", "邮件 通知");
    const { page, context } = await openPage(browser);
    await signIn(page, COOPERATIVE);
    const orderPage = `/dashboard/coop/anning-pear-processing/orders/${ref}/`;
    await page.goto(orderPage);
    expect(await page.textContent("main")).not.toContain("已发邮件通知");
    // The Worker's own scheduled handler, run for the every-minute cron as Cloudflare would.
    const run = await fetch(`${baseURL}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent("* * * * *")}`);
    expect(run.status).toBe(200);
    await page.goto(orderPage);
    expect(await page.textContent("main")).toContain("已发邮件通知");
    await page.goto(`/en${orderPage}`);
    expect(await page.textContent("main")).toContain("E-mailed to members");
    await context.close();
  });

  it("lets the county verify a new cooperative (with JavaScript on, the same forms)", async () => {
    const { page, context } = await openPage(browser);
    await signIn(page, ADMIN);
    await page.goto("/dashboard/admin/coops/");
    const pending = page.locator("li:has-text('金川县庆宁乡果蔬专业合作社')");
    expect(await pending.textContent()).toContain("待核验");
    await Promise.all([
      page.waitForURL("**done=coop_verify**"),
      pending.locator("button:has-text('标记为已核验')").click(),
    ]);
    expect(await page.locator("li:has-text('金川县庆宁乡果蔬专业合作社')").textContent()).toContain("已核验");
    await context.close();
  });
});
