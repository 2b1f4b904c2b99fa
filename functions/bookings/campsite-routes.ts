import { Hono } from "hono";
import { z } from "zod";
import { database } from "../db/client";
import type { AppEnv } from "../env";
import { requestLang } from "../lib/lang";
import { message } from "../lib/messages";
import { documented } from "../lib/openapi";
import { ProblemError } from "../lib/problem";
import { validate } from "../lib/validate";
import { campsiteAvailability } from "./availability";
import { listCampsites } from "./campsites";
import { AvailabilityQuery } from "./schema";

const Unit = z.object({
  id: z.string(),
  name: z.string(),
  capacity: z.number().int(),
  maxGuests: z.number().int(),
  price: z.number().int().describe("Nightly price per unit in fen (CNY)"),
  minNights: z.number().int(),
  maxNights: z.number().int(),
});
const Campsite = z.object({ slug: z.string(), name: z.string(), units: z.array(Unit) });

documented({
  method: "get",
  path: "/api/campsites",
  summary: "Campsites and their bookable unit types",
  tags: ["visit"],
  responses: { 200: { description: "Active campsites", schema: z.array(Campsite) } },
});

const Night = z.object({ date: z.string(), remaining: z.number().int(), closed: z.boolean(), bookable: z.boolean() });
const Availability = z.object({
  units: z.array(z.object({ id: z.string(), name: z.string(), price: z.number().int(), nights: z.array(Night) })),
});
const SlugParam = z.object({ slug: z.string().min(1).max(64) });

documented({
  method: "get",
  path: "/api/campsites/{slug}/availability",
  summary: "Units left per night per unit type (at most 92 days)",
  tags: ["visit"],
  params: SlugParam,
  query: AvailabilityQuery,
  responses: {
    200: { description: "Availability per unit type and night", schema: Availability },
    400: { description: "Bad dates" },
    404: { description: "Unknown campsite" },
  },
});

export const campsitesApi = new Hono<AppEnv>()
  .get("/", async (c) => {
    const sites = await listCampsites(database(c.env.DB), requestLang(c.req.raw));
    c.header("cache-control", "public, max-age=60");
    return c.json(sites);
  })
  .get("/:slug/availability", validate("param", SlugParam), validate("query", AvailabilityQuery), async (c) => {
    const { slug } = c.req.valid("param");
    const { from, to } = c.req.valid("query");
    const units = await campsiteAvailability(c.env.DB, slug, from, to, requestLang(c.req.raw));
    if (!units)
      throw new ProblemError(404, "campsite-not-found", (lang) => ({
        detail: message(lang, "problem.notFound.detail"),
      }));
    c.header("cache-control", "no-store");
    return c.json({ units });
  });
