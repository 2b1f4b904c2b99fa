import { execFileSync } from "node:child_process";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axe, baseURL, chromiumPath, launch, MODES, openPage, openPageIn } from "./browser";
import { ADMIN, COOPERATIVE, signIn } from "./dashboard";
import { TEST_STATE } from "./serve";

/**
 * What a buyer reads on the order page while a large order is held for the
 * cooperative's phone call, and after an unconfirmed order was cancelled by the
 * hourly housekeeping (run here through wrangler's scheduled handler).
 */
function sql(command: string) {
  execFileSync(
    "node_modules/.bin/wrangler",
    ["d1", "execute", "DB", "--local", "--persist-to", TEST_STATE, "--yes", "--command", command],
    { stdio: "ignore", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
  );
}

let phones = 0;
interface Placed {
  reference: string;
  token: string;
  held: boolean;
}

async function order(quantity: number): Promise<Placed> {
  const res = await fetch(`${baseURL}/api/orders`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
    body: JSON.stringify({
      items: [{ product: "hold-probe", quantity }],
      fulfilment: { method: "pickup", point: "gajian-visitor-centre" },
      contact: { name: "Zhou Li", phone: `1357000${String(++phones).padStart(4, "0")}` },
    }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const [placed] = ((await res.json()) as { orders: Placed[] }).orders;
  if (!placed) throw new Error("no order placed");
  return placed;
}

async function view(page: Page, prefix: string, o: { reference: string; token: string }) {
  await page.goto(`${prefix}/orders/?reference=${o.reference}&token=${encodeURIComponent(o.token)}`);
  expect((await page.textContent(".ref"))?.trim()).toBe(o.reference);
}

describe.skipIf(!chromiumPath)("the buyer's page says when an order is held and when it expired", () => {
  let browser: Browser;
  let held: Placed;
  let expired: Placed;
  beforeAll(async () => {
    browser = await launch();
    sql(`INSERT INTO products (id, cooperative_id, category, name_zh, name_en, unit_zh, unit_en, price_fen, stock, season_months)
      VALUES ('hold-probe', 'anning-pear-processing', 'pear-syrup', '礼盒梨膏', 'Gift-box syrup', '盒', 'box', 30000, 100, 4095)
      ON CONFLICT (id) DO UPDATE SET stock = 100`);
    held = await order(4);
    expired = await order(1);
    expect([held.held, expired.held]).toEqual([true, false]);
    sql(`UPDATE orders SET expires_at = '2000-01-01T00:00:00.000Z' WHERE reference = '${expired.reference}'`);
    const run = await fetch(`${baseURL}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent("15 * * * *")}`);
    expect(run.status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const words = {
    "": { held: "大额订单，等待合作社电话确认", expires: "将自动取消", expired: "合作社未在规定时间内确认" },
    "/en": {
      held: "Large order: waiting for the cooperative",
      expires: "the order is cancelled",
      expired: "did not confirm this order in time",
    },
  };
  for (const mode of MODES) {
    for (const prefix of ["", "/en"] as const) {
      it(`shows held and expired orders, axe 0 (${prefix || "zh-CN"}, ${mode.name})`, async () => {
        const { page, context } = await openPageIn(browser, mode, { viewport: { width: 320, height: 640 } });
        await view(page, prefix, held);
        expect(await page.textContent(".held")).toContain(words[prefix].held);
        expect(await page.textContent(".expires")).toContain(words[prefix].expires);
        expect(await axe(page)).toEqual([]);

        // Expiry ran in the background of the scheduled handler: give it a moment.
        await expect
          .poll(
            async () => {
              await view(page, prefix, expired);
              return page.textContent(".county-cancel");
            },
            { timeout: 10_000 },
          )
          .toContain(words[prefix].expired);
        expect(await page.locator(".expires, form.cancel").count()).toBe(0);
        expect(await axe(page)).toEqual([]);
        await context.close();
      });
    }
  }

  it("marks the held order for the cooperative on its order page, axe 0", async () => {
    const { page, context } = await openPage(browser);
    await signIn(page, COOPERATIVE);
    for (const prefix of ["", "/en"]) {
      await page.goto(`${prefix}/dashboard/coop/anning-pear-processing/orders/${held.reference}/`);
      expect(await page.textContent("main")).toContain(
        prefix ? "Large order: phone the buyer" : "大额订单：请先打电话",
      );
      expect(await axe(page)).toEqual([]);
    }
    await context.close();
  });

  it("lists recent order sources for county staff, with a cancel button per source, axe 0", async () => {
    const { page, context } = await openPage(browser);
    await signIn(page, ADMIN);
    for (const prefix of ["", "/en"]) {
      const res = await page.goto(`${prefix}/dashboard/admin/order-sources/`);
      expect(res?.status()).toBe(200);
      expect(await page.locator("tbody tr").count()).toBeGreaterThan(0);
      expect(await page.locator("tbody form button").count()).toBeGreaterThan(0);
      expect(await axe(page)).toEqual([]);
    }
    await context.close();
  });
});
