import { cf } from "@astrojs/cloudflare/hono";
import { astro } from "astro/hono";
import { portalApp, scheduled } from "./api";
import type { Bindings } from "./env";

/**
 * The Worker. Hono answers /api/* itself (functions/api/index.ts); every other
 * request goes to Astro: static files and prerendered pages from the assets
 * binding via cf(), pages rendered on demand via astro().
 */
const app = portalApp(cf(), astro());

export default { fetch: app.fetch, scheduled } satisfies ExportedHandler<Bindings>;
