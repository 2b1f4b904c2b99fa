import { Hono } from "hono";
import { z } from "zod";
import type { DashEnv } from "../accounts/middleware";
import { Slug } from "../accounts/schema";
import { documentedDashboard } from "../lib/openapi";
import { formDone, readInput } from "../lib/staff-forms";
import { validate } from "../lib/validate";
import { coopsInScope } from "./coop-ops";
import {
  CooperativeCreate,
  createCooperative,
  disableCooperative,
  enableCooperative,
  verifyCooperative,
} from "./cooperative-admin";
import { cancelSourceOrders, orderSources, SourceParam, SourceWindow } from "./order-sources";

/** County staff register, verify, disable and enable cooperatives (mounted behind requireAccount("admin")). */
export const adminCooperativesApi = new Hono<DashEnv>();

documentedDashboard("dashboard: admin", "Not an admin, or unknown", [
  ["get", "/api/dashboard/admin/cooperatives", "Every cooperative with its verification state"],
  ["post", "/api/dashboard/admin/cooperatives", "Register a cooperative (unverified until checked)"],
  [
    "post",
    "/api/dashboard/admin/cooperatives/{coop}/verify",
    "Mark as verified against the business licence: it may sell",
  ],
  ["post", "/api/dashboard/admin/cooperatives/{coop}/disable", "Stop selling and sign its members out"],
  ["post", "/api/dashboard/admin/cooperatives/{coop}/enable", "Enable again (verify again to sell)"],
  ["get", "/api/dashboard/admin/order-sources", "Recent orders grouped by the hash of their source address"],
  [
    "post",
    "/api/dashboard/admin/order-sources/{hash}/cancel",
    "Cancel one source's open orders of the last hours (a flood); stock returned, audited",
  ],
]);

const CoopParam = z.object({ coop: Slug });
const Empty = z.object({});
const LIST = "/dashboard/admin/coops/";

adminCooperativesApi.get("/cooperatives", async (c) => c.json(await coopsInScope(c.env.DB, c.var.account)));

adminCooperativesApi.post("/cooperatives", async (c) => {
  const { data, isForm, next } = await readInput(c, CooperativeCreate);
  const result = await createCooperative(c.env.DB, c.var.account, data);
  if (isForm) return formDone(c, next, LIST, "coop_created");
  return c.json(result, 201);
});

for (const [action, run] of [
  ["verify", verifyCooperative],
  ["disable", disableCooperative],
  ["enable", enableCooperative],
] as const) {
  adminCooperativesApi.post(`/cooperatives/:coop/${action}`, validate("param", CoopParam), async (c) => {
    const { isForm, next } = await readInput(c, Empty);
    const result = await run(c.env.DB, c.var.account, c.req.valid("param").coop);
    if (isForm) return formDone(c, next, LIST, `coop_${action}`);
    return c.json(result);
  });
}

adminCooperativesApi.get("/order-sources", validate("query", SourceWindow), async (c) => {
  c.header("cache-control", "no-store");
  return c.json({ sources: await orderSources(c.env.DB, c.req.valid("query").hours) });
});

adminCooperativesApi.post("/order-sources/:hash/cancel", validate("param", SourceParam), async (c) => {
  const { data, isForm, next } = await readInput(c, SourceWindow);
  const cancelled = await cancelSourceOrders(c.env.DB, c.var.account.id, c.req.valid("param").hash, data.hours);
  if (isForm) return formDone(c, next, "/dashboard/admin/order-sources/", "orders_flood_cancelled", { cancelled });
  return c.json({ cancelled });
});
