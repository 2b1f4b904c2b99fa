import { Hono, type MiddlewareHandler } from "hono";
import { county } from "../../county.config";
import pkg from "../../package.json";
import { adminApi } from "../accounts/admin-routes";
import { type DashEnv, requireAccount } from "../accounts/middleware";
import { authApi } from "../accounts/routes";
import { campsiteAdminApi } from "../bookings/admin-routes";
import { campsitesApi } from "../bookings/campsite-routes";
import { sitesApi } from "../bookings/dashboard-routes";
import { bookingLink, bookingRecovery } from "../bookings/recovery";
import { bookingsApi } from "../bookings/routes";
import { importSessionsFromAssets, SESSIONS_IMPORT } from "../bookings/session-import";
import { activitySlotsApi } from "../bookings/slot-routes";
import { recordWhenDone } from "../db/cron-heartbeat";
import type { AppEnv, Bindings } from "../env";
import { eventEditionsApi } from "../events/edition-routes";
import { publishScheduledEvents } from "../events/edition-steps";
import { markEventsPublished } from "../events/live";
import { eventsDashboardApi } from "../events/routes";
import { housekeeping } from "../housekeeping";
import { lettersDashboardApi } from "../letters/dashboard-routes";
import { OVERDUE_MAIL_KIND, overdueMailer } from "../letters/overdue-mail";
import { letterLink } from "../letters/public";
import { lettersApi } from "../letters/routes";
import { documented, openApiDocument } from "../lib/openapi";
import { referrerPolicyNone } from "../lib/referrer-policy";
import { securityHeaders } from "../lib/security";
import { sourceLimits } from "../lib/source-limits";
import { media } from "../media";
import { deliverMessages } from "../messages/deliver";
import { deliverEmails } from "../messages/deliver-email";
import { recoverApi } from "../messages/recover";
import { adminCooperativesApi } from "../produce/admin-routes";
import { cooperativesApi, pickupPointsApi } from "../produce/cooperative-routes";
import { cooperativeDashboardApi } from "../produce/dashboard-routes";
import { orderMailer } from "../produce/order-mail";
import { ORDER_MAIL_KIND } from "../produce/order-messages";
import { ordersApi } from "../produce/order-routes";
import { adminPickupPointsApi } from "../produce/pickup-routes";
import { productsApi } from "../produce/product-routes";
import { adminCertificatesApi, cooperativeProfileApi } from "../produce/profile-routes";
import { orderLink, orderRecovery } from "../produce/recovery";
import { syncPublishedSeq } from "../publishing/live";
import { publishScheduled } from "../publishing/publish";
import { noticesDashboardApi } from "../publishing/routes";
import { apiError, apiNotFound } from "./errors";
import { health } from "./health";

/*
 * The one table of what the Worker answers: every domain's routers, who may
 * call the dashboard's, /media/, and the crons. A request goes from here
 * straight into its domain folder.
 */

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
// Letters: the county office and the agencies' editors and reviewers, each then scoped (letters/staff.ts).
const countyStaff = requireAccount("admin", "editor", "reviewer");
for (const path of ["/letters", "/letters/*"]) dashboardApi.use(path, countyStaff);
// Notices: editors draft, reviewers approve, the county office both (publishing/).
for (const path of ["/notices", "/notices/*"]) dashboardApi.use(path, countyStaff);
// Festival events' sessions: the county office and every editor and reviewer (events name no agency; events/changes.ts).
for (const path of ["/events", "/events/*", "/event-editions", "/event-editions/*"])
  dashboardApi.use(path, countyStaff);
// Anything else: 401 without a session, then 404.
dashboardApi.use("*", requireAccount());

dashboardApi.route("/admin", adminApi);
dashboardApi.route("/admin", campsiteAdminApi);
dashboardApi.route("/admin", adminCooperativesApi);
dashboardApi.route("/admin", adminPickupPointsApi);
dashboardApi.route("/admin", adminCertificatesApi);
dashboardApi.route("/", cooperativeProfileApi);
dashboardApi.route("/", sitesApi);
dashboardApi.route("/", cooperativeDashboardApi);
dashboardApi.route("/", lettersDashboardApi);
dashboardApi.route("/", noticesDashboardApi);
dashboardApi.route("/", eventsDashboardApi);
dashboardApi.route("/", eventEditionsApi);

documented({
  method: "get",
  path: "/api/openapi.json",
  summary: "This description of the API (OpenAPI 3.0)",
  tags: ["system"],
  responses: { 200: { description: "The OpenAPI document" } },
});

/** Everything under /api: one router per resource, one error envelope. */
const api = new Hono<AppEnv>().basePath("/api");

api.route("/health", health);
api.route("/campsites", campsitesApi);
api.use("/bookings", sourceLimits("bookings"));
api.route("/bookings", bookingsApi);
api.route("/activity-slots", activitySlotsApi);
api.route("/products", productsApi);
api.route("/cooperatives", cooperativesApi);
api.route("/pickup-points", pickupPointsApi);
api.use("/orders", sourceLimits("orders"));
api.route("/orders", ordersApi);
api.use("/recover", sourceLimits("recover"));
api.route("/recover", recoverApi([bookingRecovery, orderRecovery]));
api.use("/letters", sourceLimits("letters"));
api.route("/letters", lettersApi);
api.route("/auth", authApi);
api.route("/dashboard", dashboardApi);
api.get("/openapi.json", (c) =>
  c.json(openApiDocument({ title: `${county.shortName.en} portal API`, version: pkg.version })),
);

api.notFound(apiNotFound);
api.onError(apiError);

/**
 * The Worker around its pages: security headers once, /api/* and /media/*
 * answered here, every other request handed to `pages` (Astro's handlers, given
 * by functions/index.ts). Nothing here imports Astro, so the worker tests run
 * this same app in workerd with a stand-in for the pages.
 */
export function portalApp(...pages: MiddlewareHandler<AppEnv>[]): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Outermost, so it runs after securityHeaders and keeps the stricter policy.
  app.use(referrerPolicyNone());
  app.use(securityHeaders());
  app.route("/", api);
  app.all("/api/*", apiNotFound);
  app.route("/", media);
  for (const handler of pages) app.use(handler);
  app.onError((err, c) => {
    if (new URL(c.req.url).pathname.startsWith("/api/")) return apiError(err, c);
    console.error("page: unhandled error", err);
    return c.text("500 服务器内部错误 / Internal server error", 500);
  });
  return app;
}

/** Each message's link, composed when it is sent: tokens are derived from the reference. */
export const messageLinks = { booking: bookingLink, order: orderLink, letter: letterLink };

/** What writes each kind of e-mail in the outbox. */
export const messageMailers = { [ORDER_MAIL_KIND]: orderMailer, [OVERDUE_MAIL_KIND]: overdueMailer };

/** The wrangler.toml cron that sends the outbox. */
const MINUTE_CRON = "* * * * *";

const importSessions = (env: Bindings) =>
  importSessionsFromAssets(env).then((done) => done && done.changedEvents > 0 && console.log("sessions", done));

/**
 * The crons of wrangler.toml: the outbox (texts and e-mails) and the import of the build's
 * activity sessions every minute, housekeeping every hour. Each run ends by writing its
 * schedule's heartbeat (functions/db/cron-heartbeat.ts). SESSIONS_IMPORT is no schedule:
 * `npm run slots:sync` asks a local Worker for the import alone and waits for it.
 */
export const scheduled: ExportedHandlerScheduledHandler<Bindings> = async (controller, env, ctx) => {
  if (controller.cron === SESSIONS_IMPORT) {
    await importSessions(env);
    return;
  }
  if (controller.cron === MINUTE_CRON) {
    const jobs = [
      importSessions(env),
      deliverEmails(env, messageMailers).then(
        (done) => Object.values(done).some((n) => n > 0) && console.log("e-mails", done),
      ),
      publishScheduled(env).then((n) => n > 0 && console.log("notices published on schedule", n)),
      publishScheduledEvents(env).then((n) => n > 0 && console.log("events published on schedule", n)),
      syncPublishedSeq(env),
      markEventsPublished(env),
      deliverMessages(env, messageLinks).then(
        (done) => Object.values(done).some((n) => n > 0) && console.log("messages", done),
      ),
    ];
    ctx.waitUntil(recordWhenDone(env.DB, "minute", jobs));
    return;
  }
  const jobs = [housekeeping(env).then((done) => console.log("housekeeping", done))];
  ctx.waitUntil(recordWhenDone(env.DB, "hourly", jobs));
};
