import { Hono } from "hono";
import { z } from "zod";
import { listCampsites } from "../db/campsites";
import { database } from "../db/client";
import type { AppEnv } from "../env";
import { requestLang } from "../lib/lang";
import { documented } from "../lib/openapi";

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

export const campsitesApi = new Hono<AppEnv>().get("/", async (c) => {
  const sites = await listCampsites(database(c.env.DB), requestLang(c.req.raw));
  c.header("cache-control", "public, max-age=60");
  return c.json(sites);
});
