import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { cronBeats } from "@functions/db/cron-heartbeat";
import { describe, expect, it } from "vitest";
import worker from "./entry";
import { call } from "./helpers";

/** The Worker's scheduled handler at `cron`, waited for as the runtime would. */
async function runCron(cron: string): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron, scheduledTime: Date.now() }), env, ctx);
  await waitOnExecutionContext(ctx);
}

interface HealthBody {
  status: string;
  db: string;
  version: string;
  cron: { lastRun: string | null; status: string };
}
const health = async () => (await call("/api/health")).json<HealthBody>();

describe("cron heartbeat", () => {
  it("says the cron never ran before its first run, without making the site unhealthy", async () => {
    expect(await health()).toMatchObject({ status: "ok", db: "ok", cron: { lastRun: null, status: "never" } });
  });

  it("records each schedule's run and shows the latest in /api/health", async () => {
    const before = new Date().toISOString();
    await runCron("* * * * *");
    const minute = await health();
    expect(minute.cron.status).toBe("ok");
    expect((minute.cron.lastRun ?? "") >= before).toBe(true);
    await runCron("15 * * * *");
    const beats = await cronBeats(env.DB);
    expect(beats.map((b) => [b.schedule, b.status, b.lastRunOk, b.minutesAgo])).toEqual([
      ["minute", "ok", true, 0],
      ["hourly", "ok", true, 0],
    ]);
  });

  it("reports a schedule that stopped running as overdue", async () => {
    await runCron("* * * * *");
    await runCron("15 * * * *");
    const threeHoursAgo = new Date(Date.now() - 3 * 3_600_000).toISOString();
    await env.DB.prepare("UPDATE cron_heartbeats SET ran_at = ? WHERE schedule = 'hourly'").bind(threeHoursAgo).run();
    const body = await health();
    expect(body).toMatchObject({ status: "ok", cron: { status: "overdue" } });
    const hourly = (await cronBeats(env.DB)).find((b) => b.schedule === "hourly");
    expect(hourly).toMatchObject({ status: "overdue", minutesAgo: 180 });
  });

  it("records a run whose work failed as failed, still with its time", async () => {
    // Housekeeping prunes idempotency keys: without their table, the hourly run fails.
    await env.DB.exec("DROP TABLE idempotency_keys");
    await runCron("15 * * * *");
    const hourly = (await cronBeats(env.DB)).find((b) => b.schedule === "hourly");
    expect(hourly).toMatchObject({ status: "failed", lastRunOk: false, minutesAgo: 0 });
    expect((await health()).cron.status).toBe("failed");
  });
});
