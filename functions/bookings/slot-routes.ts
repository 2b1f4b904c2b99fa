import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env";
import { requestLang } from "../lib/lang";
import { documented } from "../lib/openapi";
import { validate } from "../lib/validate";
import { slotsForEvent } from "./slots";

const EventQuery = z.object({
  event: z.string().regex(/^[a-z0-9-]{1,96}$/),
  lang: z.enum(["zh-CN", "en"]).optional(),
});
const Slot = z.object({
  id: z.string(),
  eventSlug: z.string(),
  name: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  price: z.number().int().describe("Price per place in fen (CNY)"),
  capacity: z.number().int(),
  left: z.number().int(),
  freeCancelDays: z
    .number()
    .int()
    .describe("Online cancellation is free until this many days before the session, that day included"),
});

documented({
  method: "get",
  path: "/api/activity-slots",
  summary: "Bookable sessions of a festival event, with places left",
  tags: ["visit"],
  query: EventQuery,
  responses: { 200: { description: "Active sessions of the event", schema: z.array(Slot) } },
});

export const activitySlotsApi = new Hono<AppEnv>().get("/", validate("query", EventQuery), async (c) => {
  const { event } = c.req.valid("query");
  c.header("cache-control", "no-store");
  return c.json(await slotsForEvent(c.env.DB, event, requestLang(c.req.raw)));
});
