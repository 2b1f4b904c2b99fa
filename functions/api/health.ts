import { Hono } from "hono";
import { z } from "zod";
import pkg from "../../package.json";
import { cronBeats, cronSummary } from "../db/cron-heartbeat";
import type { AppEnv } from "../env";
import { documented } from "../lib/openapi";
import { tokenSecretState } from "../lib/token-secret";

const Health = z.object({
  status: z.enum(["ok", "degraded"]),
  db: z.enum(["ok", "error"]),
  version: z.string(),
  /** TOKEN_SECRET: "missing", or "weak" (short or a published demo value) where production refuses it. */
  secret: z.enum(["ok", "missing", "weak"]),
  /** Whether the cron triggers still run: "overdue" means a schedule has not finished a run for too long. */
  cron: z
    .object({
      lastRun: z.string().nullable().describe("When the latest cron run ended (ISO 8601), or null"),
      status: z.enum(["ok", "overdue", "failed", "never", "unknown"]),
    })
    .describe("Not part of status: a stalled cron does not make the site unavailable"),
});

documented({
  method: "get",
  path: "/api/health",
  summary: "Liveness and database check",
  tags: ["system"],
  responses: {
    200: { description: "The Worker and its database answer", schema: Health },
    503: { description: "The database did not answer, or TOKEN_SECRET is missing or weak", schema: Health },
  },
});

export const health = new Hono<AppEnv>().get("/", async (c) => {
  c.header("cache-control", "no-store");
  const secret = tokenSecretState(c.env);
  let db: "ok" | "error" = "ok";
  let cron: z.infer<typeof Health>["cron"] = { lastRun: null, status: "unknown" };
  try {
    // One query answers both: the database is there (and migrated), and when the cron last ran.
    cron = cronSummary(await cronBeats(c.env.DB));
  } catch (error) {
    console.error("health: database check failed", error);
    db = "error";
  }
  const ok = db === "ok" && secret === "ok";
  const body = {
    status: ok ? "ok" : "degraded",
    db,
    version: pkg.version,
    secret,
    cron,
  } satisfies z.infer<typeof Health>;
  return c.json(body, ok ? 200 : 503);
});
