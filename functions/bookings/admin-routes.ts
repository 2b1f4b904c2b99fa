import { Hono } from "hono";
import { z } from "zod";
import type { DashEnv } from "../accounts/middleware";
import { Slug } from "../accounts/schema";
import { documentedDashboard } from "../lib/openapi";
import { formDone, readInput } from "../lib/staff-forms";
import { validate } from "../lib/validate";
import {
  CampsiteCreate,
  CampsiteUpdate,
  createCampsite,
  createUnit,
  UnitCreate,
  UnitUpdate,
  updateCampsite,
  updateUnit,
} from "./campsite-admin";

/** County staff set up campsites and their unit types (mounted behind requireAccount("admin")). */
export const campsiteAdminApi = new Hono<DashEnv>();

documentedDashboard("dashboard: admin", "Not an admin, or unknown", [
  ["post", "/api/dashboard/admin/campsites", "Create a campsite"],
  ["post", "/api/dashboard/admin/campsites/{slug}", "Rename, open or close a campsite"],
  ["post", "/api/dashboard/admin/campsites/{slug}/units", "Add a unit type"],
  ["post", "/api/dashboard/admin/units/{unit}", "Edit a unit type (capacity never below what is booked)"],
]);

campsiteAdminApi.post("/campsites", async (c) => {
  const { data, isForm, next } = await readInput(c, CampsiteCreate);
  const result = await createCampsite(c.env.DB, c.var.account, data);
  if (isForm) return formDone(c, next, `/dashboard/admin/campsites/${result.slug}/`, "created");
  return c.json(result, 201);
});

const SlugParam = z.object({ slug: Slug });
const UnitParam = z.object({ unit: Slug });

campsiteAdminApi.post("/campsites/:slug", validate("param", SlugParam), async (c) => {
  const { data, isForm, next } = await readInput(c, CampsiteUpdate);
  const result = await updateCampsite(c.env.DB, c.var.account, c.req.valid("param").slug, data);
  if (isForm) return formDone(c, next, `/dashboard/admin/campsites/${result.slug}/`, "saved");
  return c.json(result);
});

campsiteAdminApi.post("/campsites/:slug/units", validate("param", SlugParam), async (c) => {
  const { data, isForm, next } = await readInput(c, UnitCreate);
  const result = await createUnit(c.env.DB, c.var.account, c.req.valid("param").slug, data);
  if (isForm) return formDone(c, next, `/dashboard/admin/campsites/${result.site}/`, "unit_created");
  return c.json(result, 201);
});

campsiteAdminApi.post("/units/:unit", validate("param", UnitParam), async (c) => {
  const { data, isForm, next } = await readInput(c, UnitUpdate);
  const result = await updateUnit(c.env.DB, c.var.account, c.req.valid("param").unit, data);
  if (isForm) return formDone(c, next, `/dashboard/admin/campsites/${result.site}/`, "unit_saved");
  return c.json(result);
});
