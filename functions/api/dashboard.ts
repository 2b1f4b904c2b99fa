import { Hono } from "hono";
import { adminApi } from "../accounts/admin-routes";
import { type DashEnv, requireAccount } from "../accounts/middleware";
import { sitesApi } from "../bookings/dashboard-routes";
import { adminCooperativesApi } from "../produce/admin-routes";
import { cooperativesApi } from "../produce/dashboard-routes";

/**
 * /api/dashboard: every route behind a live session and a role. Campsite routes
 * take operators and admins, cooperative routes members and admins (each then
 * scoped to the rows the account may touch), admin routes admins only.
 */
export const dashboardApi = new Hono<DashEnv>();

const operators = requireAccount("operator", "admin");
const members = requireAccount("cooperative", "admin");
for (const path of ["/sites", "/sites/*", "/bookings/*", "/closures/*", "/units/*"]) dashboardApi.use(path, operators);
for (const path of ["/cooperatives/*", "/products/*", "/orders/*"]) dashboardApi.use(path, members);
dashboardApi.use("/admin/*", requireAccount("admin"));
// Anything else: 401 without a session, then 404.
dashboardApi.use("*", requireAccount());

dashboardApi.route("/admin", adminApi);
dashboardApi.route("/admin", adminCooperativesApi);
dashboardApi.route("/", sitesApi);
dashboardApi.route("/", cooperativesApi);
