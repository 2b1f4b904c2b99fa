import { execFileSync } from "node:child_process";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axe, baseURL, chromiumPath, launch, openPage } from "./browser";
import { ADMIN, signIn } from "./dashboard";
import { TEST_STATE } from "./serve";

function sql(command: string) {
  execFileSync(
    "node_modules/.bin/wrangler",
    ["d1", "execute", "DB", "--local", "--persist-to", TEST_STATE, "--yes", "--command", command],
    { stdio: "ignore", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
  );
}

describe.skipIf(!chromiumPath)("the cron heartbeat on the admin's dashboard home", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows when each schedule last ran, and warns when one is overdue", async () => {
    // Run the every-minute schedule for real; the hourly one is made three hours stale.
    const ran = await fetch(`${baseURL}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent("* * * * *")}`);
    expect(ran.ok).toBe(true);
    const stale = new Date(Date.now() - 3 * 3_600_000).toISOString();
    sql(`INSERT INTO cron_heartbeats (schedule, ran_at, ok) VALUES ('hourly', '${stale}', 1)
         ON CONFLICT (schedule) DO UPDATE SET ran_at = excluded.ran_at, ok = 1`);

    const { page, context } = await openPage(browser);
    await signIn(page, ADMIN);
    const minute = page.locator("li[data-schedule=minute]");
    expect(await minute.getAttribute("data-status")).toBe("ok");
    expect(await minute.textContent()).toMatch(/刚刚运行|\d+ 分钟前运行/);
    expect(await minute.locator("[role=alert]").count()).toBe(0);
    const hourly = page.locator("li[data-schedule=hourly]");
    expect(await hourly.textContent()).toContain("180 分钟前运行");
    expect(await hourly.locator("[role=alert]").textContent()).toContain("已超过 150 分钟没有运行");
    expect(await axe(page)).toEqual([]);

    await page.goto("/en/dashboard/");
    expect(await page.locator("li[data-schedule=hourly] [role=alert]").textContent()).toContain(
      "Has not run for more than 150 minutes",
    );
    expect(await axe(page)).toEqual([]);

    const health = (await (await fetch(`${baseURL}/api/health`)).json()) as {
      status: string;
      cron: { status: string };
    };
    expect(health).toMatchObject({ status: "ok", cron: { status: "overdue" } });
    await context.close();
  });
});
