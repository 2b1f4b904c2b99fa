import { Hono } from "hono";
import { z } from "zod";
import { database } from "../db/client";
import type { AppEnv } from "../env";
import { categoryField } from "../lib/categories";
import { requestLang } from "../lib/lang";
import { message } from "../lib/messages";
import { documented } from "../lib/openapi";
import { ProblemError } from "../lib/problem";
import { validate } from "../lib/validate";
import { getProduct, listProducts } from "./catalogue";
import { ProductId } from "./order-schemas";

export const Product = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string().describe("A key of the category list (content/taxonomy/categories.json)"),
  unit: z.string().describe("What one unit is, e.g. a 500 g jar"),
  price: z.number().int().describe("Price per unit in fen (CNY)"),
  stock: z.number().int().describe("Units on hand"),
  cooperative: z.string().describe("Slug of the selling cooperative"),
  cooperativeName: z.string(),
  inSeason: z.boolean(),
  seasonMonths: z.array(z.number().int()),
  orderable: z.boolean().describe("In season and in stock now"),
  image: z.string().nullable(),
  description: z.string().describe("Markdown without HTML"),
});

const ProductQuery = z.object({
  category: categoryField.optional(),
  cooperative: z
    .string()
    .regex(/^[a-z0-9-]{1,64}$/)
    .optional(),
  inSeason: z
    .enum(["true", "false", "1", "0"])
    .transform((v) => v === "true" || v === "1")
    .optional(),
  lang: z.string().optional(),
});
const ProductParam = z.object({ id: ProductId });

documented({
  method: "get",
  path: "/api/products",
  summary: "Products of verified cooperatives, with stock and season",
  tags: ["produce"],
  query: ProductQuery,
  responses: { 200: { description: "Products", schema: z.array(Product) }, 400: { description: "Bad filter" } },
});
documented({
  method: "get",
  path: "/api/products/{id}",
  summary: "One product",
  tags: ["produce"],
  params: ProductParam,
  responses: { 200: { description: "The product", schema: Product }, 404: { description: "No such product" } },
});

// Stock changes with every order: a short shared cache keeps pages fresh.
const SHORT_CACHE = "public, max-age=15";

export const productsApi = new Hono<AppEnv>()
  .get("/", validate("query", ProductQuery), async (c) => {
    const q = c.req.valid("query");
    const list = await listProducts(database(c.env.DB), requestLang(c.req.raw), q);
    c.header("cache-control", SHORT_CACHE);
    return c.json(list);
  })
  .get("/:id", validate("param", ProductParam), async (c) => {
    const found = await getProduct(database(c.env.DB), c.req.valid("param").id, requestLang(c.req.raw));
    if (!found) {
      throw new ProblemError(404, "not-found", (lang) => ({ detail: message(lang, "problem.notFound.detail") }));
    }
    c.header("cache-control", SHORT_CACHE);
    return c.json(found.product);
  });
