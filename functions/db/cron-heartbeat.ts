import { CRON_SCHEDULES, type CronSchedule } from "./schema";

/**
 * Each cron run overwrites its schedule's row when it ends, so "when did it last
 * run, and did it work" is one read. A schedule is overdue when its row is older
 * than a few of its periods: Cloudflare may skip or delay a single run, but a
 * gap this long means the trigger is gone or every run fails before the end.
 */

/** Minutes after which a schedule's last run counts as overdue. */
export const OVERDUE_AFTER_MINUTES: Record<CronSchedule, number> = { minute: 10, hourly: 150 };

export interface ScheduleBeat {
  schedule: CronSchedule;
  /** ISO time the last run ended, or null when none was ever recorded. */
  lastRun: string | null;
  minutesAgo: number | null;
  lastRunOk: boolean | null;
  status: "ok" | "overdue" | "failed" | "never";
}

function recordCronRun(d1: D1Database, schedule: CronSchedule, ok: boolean, now = new Date()) {
  return d1
    .prepare(
      `INSERT INTO cron_heartbeats (schedule, ran_at, ok) VALUES (?, ?, ?)
       ON CONFLICT (schedule) DO UPDATE SET ran_at = excluded.ran_at, ok = excluded.ok`,
    )
    .bind(schedule, now.toISOString(), ok ? 1 : 0)
    .run();
}

/**
 * Wait for a run's jobs and record its heartbeat: ok only when every job finished.
 * A failed job is logged, and the heartbeat is still written so the dashboard shows it.
 */
export async function recordWhenDone(d1: D1Database, schedule: CronSchedule, jobs: Promise<unknown>[]) {
  const settled = await Promise.allSettled(jobs);
  for (const r of settled) if (r.status === "rejected") console.error(`cron ${schedule}: a job failed`, r.reason);
  await recordCronRun(
    d1,
    schedule,
    settled.every((r) => r.status === "fulfilled"),
  );
}

export async function cronBeats(d1: D1Database, now = new Date()): Promise<ScheduleBeat[]> {
  const { results } = await d1
    .prepare("SELECT schedule, ran_at AS ranAt, ok FROM cron_heartbeats")
    .all<{ schedule: CronSchedule; ranAt: string; ok: number }>();
  return CRON_SCHEDULES.map((schedule) => {
    const row = results.find((r) => r.schedule === schedule);
    if (!row) return { schedule, lastRun: null, minutesAgo: null, lastRunOk: null, status: "never" };
    const minutesAgo = Math.max(0, Math.floor((now.getTime() - Date.parse(row.ranAt)) / 60_000));
    const overdue = minutesAgo > OVERDUE_AFTER_MINUTES[schedule];
    const status = overdue ? "overdue" : row.ok ? "ok" : "failed";
    return { schedule, lastRun: row.ranAt, minutesAgo, lastRunOk: row.ok === 1, status };
  });
}

/**
 * The cron in one word for /api/health: the most recent run of any schedule and
 * the worst state among those that have run; "never" only when none ever ran
 * (a schedule not yet due after a deploy is shown per schedule on the dashboard).
 */
export function cronSummary(beats: ScheduleBeat[]): { lastRun: string | null; status: ScheduleBeat["status"] } {
  const runs = beats.flatMap((b) => (b.lastRun ? [b.lastRun] : [])).sort();
  const worst = (["overdue", "failed", "ok"] as const).find((s) => beats.some((b) => b.status === s));
  return { lastRun: runs.at(-1) ?? null, status: worst ?? "never" };
}
