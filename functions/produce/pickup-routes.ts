import { Hono } from "hono";
import { z } from "zod";
import type { DashEnv } from "../accounts/middleware";
import { Slug } from "../accounts/schema";
import { documented, documentedDashboard } from "../lib/openapi";
import { formDone, readInput } from "../lib/staff-forms";
import { validate } from "../lib/validate";
import {
  allPickupPoints,
  createPickupPoint,
  PickupPointCreate,
  PickupPointFields,
  setPickupPointOpen,
  updatePickupPoint,
} from "./pickup-admin";

/** County staff keep the pickup points (mounted behind requireAccount("admin")). */
export const adminPickupPointsApi = new Hono<DashEnv>();

const TAG = "dashboard: admin";
const responses = {
  400: { description: "Bad input: a message per field, nothing written" },
  401: { description: "Not signed in" },
  404: { description: "Not an admin, or no such pickup point" },
};
const PointParam = z.object({ id: Slug });
documented({
  method: "post",
  path: "/api/dashboard/admin/pickup-points",
  summary: "Add a pickup point (days: ISO weekdays 1-7)",
  tags: [TAG],
  body: PickupPointCreate,
  responses: { 201: { description: "Added" }, 409: { description: "The id is taken" }, ...responses },
});
documented({
  method: "post",
  path: "/api/dashboard/admin/pickup-points/{id}",
  summary: "Change a pickup point's names, address, hours, days, phone or cooperative",
  tags: [TAG],
  params: PointParam,
  body: PickupPointFields,
  responses: { 200: { description: "Saved" }, ...responses },
});
documentedDashboard(TAG, "Not an admin, or no such pickup point", [
  ["get", "/api/dashboard/admin/pickup-points", "Every pickup point, retired ones included"],
  [
    "post",
    "/api/dashboard/admin/pickup-points/{id}/retire",
    "No longer offered at checkout; orders that name it keep it",
  ],
  ["post", "/api/dashboard/admin/pickup-points/{id}/reopen", "Offer a retired point again"],
]);

const LIST = "/dashboard/admin/pickup-points/";
const Empty = z.object({});

adminPickupPointsApi.get("/pickup-points", async (c) => c.json(await allPickupPoints(c.env.DB)));

adminPickupPointsApi.post("/pickup-points", async (c) => {
  const { data, isForm, next } = await readInput(c, PickupPointCreate);
  const result = await createPickupPoint(c.env.DB, c.var.account, data);
  if (isForm) return formDone(c, next, LIST, "point_created");
  return c.json(result, 201);
});

adminPickupPointsApi.post("/pickup-points/:id", validate("param", PointParam), async (c) => {
  const { data, isForm, next } = await readInput(c, PickupPointFields);
  const result = await updatePickupPoint(c.env.DB, c.var.account, c.req.valid("param").id, data);
  if (isForm) return formDone(c, next, LIST, "point_saved");
  return c.json(result);
});

for (const [action, open] of [
  ["retire", false],
  ["reopen", true],
] as const) {
  adminPickupPointsApi.post(`/pickup-points/:id/${action}`, validate("param", PointParam), async (c) => {
    const { isForm, next } = await readInput(c, Empty);
    const result = await setPickupPointOpen(c.env.DB, c.var.account, c.req.valid("param").id, open);
    if (isForm) return formDone(c, next, LIST, `point_${action}`);
    return c.json(result);
  });
}
