import { Hono } from "hono";
import { z } from "zod";
import { database } from "../db/client";
import type { AppEnv } from "../env";
import { requestLang } from "../lib/lang";
import { message } from "../lib/messages";
import { documented } from "../lib/openapi";
import { ProblemError } from "../lib/problem";
import { validate } from "../lib/validate";
import { getCooperative, listCooperatives, listPickupPoints } from "./catalogue";
import { Product } from "./product-routes";

const Cooperative = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  creditCode: z.string().describe("Unified social credit code (GB 32100-2015)"),
  township: z.string(),
  village: z.string(),
  description: z.string(),
  contact: z.object({ name: z.string(), phone: z.string() }),
  verified: z.boolean(),
  certifications: z.array(z.string()),
});
const PickupPoint = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  hours: z.string(),
  days: z.array(z.number().int()).describe("ISO weekdays open: 1 = Monday ... 7 = Sunday"),
  phone: z.string().nullable(),
  cooperative: z.string().nullable().describe("Only this cooperative's orders, or null for every cooperative"),
});
const SlugParam = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,64}$/) });

documented({
  method: "get",
  path: "/api/cooperatives",
  summary: "Verified cooperatives",
  tags: ["produce"],
  responses: {
    200: { description: "Cooperatives", schema: z.array(Cooperative.extend({ productCount: z.number().int() })) },
  },
});
documented({
  method: "get",
  path: "/api/cooperatives/{slug}",
  summary: "One cooperative and its products",
  tags: ["produce"],
  params: SlugParam,
  responses: {
    200: { description: "The cooperative", schema: Cooperative.extend({ products: z.array(Product) }) },
    404: { description: "No such verified cooperative" },
  },
});
documented({
  method: "get",
  path: "/api/pickup-points",
  summary: "Where orders can be collected",
  tags: ["produce"],
  responses: { 200: { description: "Open pickup points", schema: z.array(PickupPoint) } },
});

export const cooperativesApi = new Hono<AppEnv>()
  .get("/", async (c) => {
    c.header("cache-control", "public, max-age=60");
    return c.json(await listCooperatives(database(c.env.DB), requestLang(c.req.raw)));
  })
  .get("/:slug", validate("param", SlugParam), async (c) => {
    const found = await getCooperative(database(c.env.DB), c.req.valid("param").slug, requestLang(c.req.raw));
    if (!found) {
      throw new ProblemError(404, "not-found", (lang) => ({ detail: message(lang, "problem.notFound.detail") }));
    }
    c.header("cache-control", "public, max-age=15");
    return c.json({ ...found.cooperative, products: found.products });
  });

export const pickupPointsApi = new Hono<AppEnv>().get("/", async (c) => {
  c.header("cache-control", "public, max-age=300");
  return c.json(await listPickupPoints(database(c.env.DB), requestLang(c.req.raw)));
});
