import { Hono, type MiddlewareHandler } from "hono";
import { api } from "./api";
import { apiError, apiNotFound } from "./api/errors";
import type { AppEnv, Bindings } from "./env";
import { housekeeping } from "./housekeeping";
import { securityHeaders } from "./lib/security";
import { media } from "./media";
import { deliverOrderNotices, ORDER_MAIL_CRON } from "./produce/order-mail";

/**
 * The Worker around its pages: Hono answers /api/* and /media/* itself and hands
 * every other request to `pages` (Astro's handlers, given by functions/index.ts).
 * Nothing here imports Astro, so the worker tests run this same app in workerd
 * with a stand-in for the pages.
 */
export function portalApp(...pages: MiddlewareHandler<AppEnv>[]): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
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

/** The crons of wrangler.toml: new-order e-mails every minute, housekeeping every hour. */
export const scheduled: ExportedHandlerScheduledHandler<Bindings> = async (controller, env, ctx) => {
  if (controller.cron === ORDER_MAIL_CRON) {
    ctx.waitUntil(
      deliverOrderNotices(env).then((done) => done.sent + done.failed > 0 && console.log("order mail", done)),
    );
    return;
  }
  ctx.waitUntil(housekeeping(env).then((done) => console.log("housekeeping", done)));
};
