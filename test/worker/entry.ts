import { portalApp, scheduled } from "@functions/api";
import type { AppEnv, Bindings } from "@functions/env";
import type { MiddlewareHandler } from "hono";

/**
 * The Worker of functions/index.ts with a stand-in for Astro's pages, which
 * need an Astro build: a file from the assets binding, or its 404.
 */
const pages: MiddlewareHandler<AppEnv> = (c) => c.env.ASSETS.fetch(c.req.raw);

export const app = portalApp(pages);

export default { fetch: app.fetch, scheduled } satisfies ExportedHandler<Bindings>;
