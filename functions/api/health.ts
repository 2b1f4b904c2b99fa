import { Hono } from "hono";
import { z } from "zod";
import pkg from "../../package.json";
import { countCampsites } from "../bookings/campsites";
import { database } from "../db/client";
import type { AppEnv } from "../env";
import { documented } from "../lib/openapi";

const Health = z.object({
  status: z.enum(["ok", "degraded"]),
  db: z.enum(["ok", "error"]),
  version: z.string(),
});

documented({
  method: "get",
  path: "/api/health",
  summary: "Liveness and database check",
  tags: ["system"],
  responses: {
    200: { description: "The Worker and its database answer", schema: Health },
    503: { description: "The database did not answer", schema: Health },
  },
});

export const health = new Hono<AppEnv>().get("/", async (c) => {
  c.header("cache-control", "no-store");
  try {
    await countCampsites(database(c.env.DB));
    return c.json({ status: "ok", db: "ok", version: pkg.version } satisfies z.infer<typeof Health>);
  } catch (error) {
    console.error("health: database check failed", error);
    return c.json({ status: "degraded", db: "error", version: pkg.version } satisfies z.infer<typeof Health>, 503);
  }
});
