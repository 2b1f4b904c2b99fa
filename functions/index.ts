import { cf } from "@astrojs/cloudflare/hono";
import { astro } from "astro/hono";
import type { Bindings } from "./env";
import { portalApp, scheduled } from "./worker";

/**
 * The Worker. Hono answers /api/* itself (functions/worker.ts); every other
 * request goes to Astro: static files and prerendered pages from the assets
 * binding via cf(), pages rendered on demand via astro().
 */
const app = portalApp(cf(), astro());

export default { fetch: app.fetch, scheduled } satisfies ExportedHandler<Bindings>;
