import { Hono } from "hono";
import { county } from "../../county.config";
import pkg from "../../package.json";
import type { AppEnv } from "../env";
import { openApiDocument } from "../lib/openapi";
import { securityHeaders } from "../lib/security";
import { activitySlotsApi } from "./activity-slots";
import { authApi } from "./auth";
import { bookingsApi } from "./bookings";
import { campsitesApi } from "./campsites";
import { cooperativesApi, pickupPointsApi } from "./cooperatives";
import { dashboardApi } from "./dashboard";
import { apiError, apiNotFound } from "./errors";
import { health } from "./health";
import { ordersApi } from "./orders";
import { productsApi } from "./products";

/** Everything under /api: one router per resource, one error envelope. */
export const api = new Hono<AppEnv>().basePath("/api");

api.use(securityHeaders());
api.route("/health", health);
api.route("/campsites", campsitesApi);
api.route("/bookings", bookingsApi);
api.route("/activity-slots", activitySlotsApi);
api.route("/products", productsApi);
api.route("/cooperatives", cooperativesApi);
api.route("/pickup-points", pickupPointsApi);
api.route("/orders", ordersApi);
api.route("/auth", authApi);
api.route("/dashboard", dashboardApi);
api.get("/openapi.json", (c) =>
  c.json(openApiDocument({ title: `${county.shortName.en} portal API`, version: pkg.version })),
);

api.notFound(apiNotFound);
api.onError(apiError);
