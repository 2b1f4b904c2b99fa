import { Hono } from "hono";
import { z } from "zod";
import type { DashEnv } from "../accounts/middleware";
import { notFoundProblem } from "../accounts/problems";
import { Slug } from "../accounts/schema";
import { attachment } from "../lib/csv";
import { addDays, daysBetween, todayInCounty } from "../lib/dates";
import { RangeQuery } from "../lib/fields";
import { isBrowserForm, NextPath } from "../lib/forms";
import { requestLang } from "../lib/lang";
import { documentedDashboard } from "../lib/openapi";
import { formDone, readInput } from "../lib/staff-forms";
import { normaliseReference } from "../lib/tokens";
import { readImage } from "../lib/uploads";
import { validate } from "../lib/validate";
import { coopInScope, orderInScope, ordersForExport, ordersOfCoop, productsOfCoop } from "./coop-ops";
import { ordersCsv } from "./csv";
import { storeProductImage } from "./images";
import { ORDER_STEPS } from "./order-states";
import { salesByWeek } from "./sales";
import { moveOrder, StepRequests } from "./staff-orders";
import {
  adjustStock,
  createProduct,
  ProductCreate,
  ProductUpdate,
  StockCountRequest,
  StockRequest,
  setProductActive,
  setStockCount,
  updateProduct,
} from "./staff-products";

/** A cooperative's own products and orders (members: their cooperative; admins: any). */
export const cooperativeDashboardApi = new Hono<DashEnv>();

documentedDashboard("dashboard: cooperatives", "Unknown, or not your cooperative's", [
  ["get", "/api/dashboard/cooperatives/{coop}/products", "The cooperative's products, on sale or not"],
  ["post", "/api/dashboard/cooperatives/{coop}/products", "Add a product"],
  ["post", "/api/dashboard/products/{id}", "Edit a product"],
  ["post", "/api/dashboard/products/{id}/deactivate", "Take a product off sale"],
  ["post", "/api/dashboard/products/{id}/activate", "Put a product back on sale"],
  ["post", "/api/dashboard/products/{id}/stock", "Adjust stock by a difference; never below 0"],
  [
    "post",
    "/api/dashboard/products/{id}/stock-count",
    "Set stock to a counted number (count, and seen: the stock shown when counting); orders since are kept",
  ],
  ["post", "/api/dashboard/products/{id}/image", "Upload a picture (multipart; JPEG, PNG or WebP, at most 2 MB)"],
  [
    "get",
    "/api/dashboard/cooperatives/{coop}/orders",
    "Orders, newest first (status=open|all, limit up to 200, before=id); a Link header names the next page",
  ],
  ["get", "/api/dashboard/cooperatives/{coop}/orders.csv", "Orders placed in [from, to) as CSV (UTF-8 with BOM)"],
  ["get", "/api/dashboard/cooperatives/{coop}/sales", "Sales per week for the last 12 weeks"],
  ["get", "/api/dashboard/orders/{reference}", "One order of the cooperative"],
  ...ORDER_STEPS.map((step) => ["post", `/api/dashboard/orders/{reference}/${step}`, `Order step: ${step}`] as const),
]);

const CoopParam = z.object({ coop: Slug });
const ProductParam = z.object({ id: Slug });
const RefParam = z.object({ reference: z.string().min(1).max(32) });
const Empty = z.object({});

async function coop(c: { env: DashEnv["Bindings"]; var: DashEnv["Variables"] }, id: string) {
  const row = await coopInScope(c.env.DB, c.var.account, id);
  if (!row) throw notFoundProblem();
  return row;
}

const productPage = (coopId: string, id: string) => `/dashboard/coop/${coopId}/products/${id}/`;

cooperativeDashboardApi.get("/cooperatives/:coop/products", validate("param", CoopParam), async (c) => {
  const k = await coop(c, c.req.valid("param").coop);
  return c.json(await productsOfCoop(c.env.DB, k.id));
});

cooperativeDashboardApi.post("/cooperatives/:coop/products", validate("param", CoopParam), async (c) => {
  const k = await coop(c, c.req.valid("param").coop);
  const { data, isForm, next } = await readInput(c, ProductCreate);
  const result = await createProduct(c.env.DB, c.var.account, k.id, data);
  if (isForm) return formDone(c, next, productPage(k.id, result.id), "product_created");
  return c.json(result, 201);
});

cooperativeDashboardApi.post("/products/:id", validate("param", ProductParam), async (c) => {
  const { data, isForm, next } = await readInput(c, ProductUpdate);
  const result = await updateProduct(c.env.DB, c.var.account, c.req.valid("param").id, data);
  if (isForm) return formDone(c, next, productPage(result.cooperative, result.id), "product_saved");
  return c.json(result);
});

for (const [action, active] of [
  ["deactivate", false],
  ["activate", true],
] as const) {
  cooperativeDashboardApi.post(`/products/:id/${action}`, validate("param", ProductParam), async (c) => {
    const { isForm, next } = await readInput(c, Empty);
    const result = await setProductActive(c.env.DB, c.var.account, c.req.valid("param").id, active);
    if (isForm) return formDone(c, next, productPage(result.cooperative, result.id), `product_${action}d`);
    return c.json(result);
  });
}

cooperativeDashboardApi.post("/products/:id/stock", validate("param", ProductParam), async (c) => {
  const { data, isForm, next } = await readInput(c, StockRequest);
  const result = await adjustStock(c.env.DB, c.var.account, c.req.valid("param").id, data);
  if (isForm) return formDone(c, next, productPage(result.cooperative, result.id), "stock");
  return c.json(result);
});

cooperativeDashboardApi.post("/products/:id/stock-count", validate("param", ProductParam), async (c) => {
  const { data, isForm, next } = await readInput(c, StockCountRequest);
  const result = await setStockCount(c.env.DB, c.var.account, c.req.valid("param").id, data);
  if (isForm) return formDone(c, next, productPage(result.cooperative, result.id), "stock_count");
  return c.json(result);
});

cooperativeDashboardApi.post("/products/:id/image", validate("param", ProductParam), async (c) => {
  const image = await readImage(c);
  const result = await storeProductImage(c.env.DB, c.env.MEDIA, c.var.account, c.req.valid("param").id, image);
  // A browser form (multipart, same origin) goes back to the page; a script gets JSON.
  const next = NextPath.parse(typeof image.next === "string" ? image.next : undefined);
  if (isBrowserForm(c)) {
    return formDone(c, next, productPage(result.cooperative, result.id), "image");
  }
  return c.json(result);
});

const OrdersQuery = z.object({
  status: z.enum(["open", "all"]).default("open"),
  limit: z.coerce.number().int().min(1).max(200).default(200),
  before: z.coerce.number().int().positive().optional(),
});
cooperativeDashboardApi.get(
  "/cooperatives/:coop/orders",
  validate("param", CoopParam),
  validate("query", OrdersQuery),
  async (c) => {
    const k = await coop(c, c.req.valid("param").coop);
    const { status, limit, before } = c.req.valid("query");
    const page = await ordersOfCoop(c.env.DB, k.id, status, { limit, before });
    if (page.older !== null) {
      const next = `/api/dashboard/cooperatives/${k.id}/orders?status=${status}&limit=${limit}&before=${page.older}`;
      c.header("link", `<${next}>; rel="next"`);
    }
    return c.json(page.orders);
  },
);

cooperativeDashboardApi.get(
  "/cooperatives/:coop/orders.csv",
  validate("param", CoopParam),
  validate("query", RangeQuery),
  async (c) => {
    const k = await coop(c, c.req.valid("param").coop);
    const q = c.req.valid("query");
    const to = q.to ?? addDays(todayInCounty(), 1);
    let from = q.from ?? addDays(to, -31);
    if (from >= to || daysBetween(from, to) > 366) from = addDays(to, -31);
    return c.body(ordersCsv(await ordersForExport(c.env.DB, k.id, from, to), requestLang(c.req.raw)), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": attachment(`${k.id}-orders-${from}-${to}.csv`),
    });
  },
);

cooperativeDashboardApi.get("/cooperatives/:coop/sales", validate("param", CoopParam), async (c) => {
  const k = await coop(c, c.req.valid("param").coop);
  return c.json(await salesByWeek(c.env.DB, k.id));
});

cooperativeDashboardApi.get("/orders/:reference", validate("param", RefParam), async (c) => {
  const order = await orderInScope(c.env.DB, c.var.account, normaliseReference(c.req.valid("param").reference));
  if (!order) throw notFoundProblem();
  return c.json(order);
});

for (const step of ORDER_STEPS) {
  cooperativeDashboardApi.post(`/orders/:reference/${step}`, validate("param", RefParam), async (c) => {
    const { data, isForm, next } = await readInput(c, StepRequests[step]);
    const result = await moveOrder(c.env.DB, c.var.account, c.req.valid("param").reference, step, data as object);
    const page = `/dashboard/coop/${result.cooperative}/orders/${result.reference}/`;
    if (isForm) return formDone(c, next, page, `order_${step}`);
    return c.json(result);
  });
}
