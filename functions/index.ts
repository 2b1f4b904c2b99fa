import { cf } from "@astrojs/cloudflare/hono";
import { astro } from "astro/hono";
import { Hono } from "hono";
import { api } from "./api";
import { apiError, apiNotFound } from "./api/errors";
import type { AppEnv, Bindings } from "./env";
import { housekeeping } from "./housekeeping";
import { securityHeaders } from "./lib/security";
import { media } from "./media";
import { deliverOrderNotices, ORDER_MAIL_CRON } from "./produce/order-mail";

/**
 * The Worker. Hono answers /api/* itself; every other request goes to Astro:
 * static files and prerendered pages from the assets binding via cf(), pages
 * rendered on demand via astro().
 */
const app = new Hono<AppEnv>();

app.use(securityHeaders());
app.route("/", api);
app.all("/api/*", apiNotFound);
app.route("/", media);
app.use(cf());
app.use(astro());
app.onError((err, c) => {
  if (new URL(c.req.url).pathname.startsWith("/api/")) return apiError(err, c);
  console.error("page: unhandled error", err);
  return c.text("500 服务器内部错误 / Internal server error", 500);
});

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    if (controller.cron === ORDER_MAIL_CRON) {
      ctx.waitUntil(
        deliverOrderNotices(env).then((done) => done.sent + done.failed > 0 && console.log("order mail", done)),
      );
      return;
    }
    ctx.waitUntil(housekeeping(env).then((done) => console.log("housekeeping", done)));
  },
} satisfies ExportedHandler<Bindings>;
