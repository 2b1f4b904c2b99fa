import { Hono } from "hono";
import { type DashEnv, requireAccount } from "../../auth/middleware";
import { adminApi } from "./admin";
import { sitesApi } from "./sites";

/**
 * /api/dashboard: every route behind a live session. Site routes take operators
 * and admins (each further scoped to campsites); admin routes take admins only.
 */
export const dashboardApi = new Hono<DashEnv>();

dashboardApi.use("/admin/*", requireAccount("admin"));
dashboardApi.route("/admin", adminApi);
dashboardApi.use("*", requireAccount("operator", "admin"));
dashboardApi.route("/", sitesApi);
