import { Hono } from "hono";
import { county } from "../../county.config";
import pkg from "../../package.json";
import { authApi } from "../accounts/routes";
import { campsitesApi } from "../bookings/campsite-routes";
import { bookingsApi } from "../bookings/routes";
import { activitySlotsApi } from "../bookings/slot-routes";
import type { AppEnv } from "../env";
import { documented, openApiDocument } from "../lib/openapi";
import { cooperativesApi, pickupPointsApi } from "../produce/cooperative-routes";
import { ordersApi } from "../produce/order-routes";
import { productsApi } from "../produce/product-routes";
import { dashboardApi } from "./dashboard";
import { apiError, apiNotFound } from "./errors";
import { health } from "./health";

documented({
  method: "get",
  path: "/api/openapi.json",
  summary: "This description of the API (OpenAPI 3.0)",
  tags: ["system"],
  responses: { 200: { description: "The OpenAPI document" } },
});

/**
 * Everything under /api: one router per resource, one error envelope. The
 * security headers come from the Worker around it (functions/worker.ts).
 */
export const api = new Hono<AppEnv>().basePath("/api");

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
