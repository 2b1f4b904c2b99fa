import { cf } from "@astrojs/cloudflare/hono";
import { FetchState } from "astro/fetch";
import { astro } from "astro/hono";
import { portalApp, scheduled } from "./api";
import type { Bindings } from "./env";
import { liveEvents } from "./events/live";
import { liveNotices, type RenderLive } from "./publishing/live";

/**
 * The Worker. Hono answers /api/* itself (functions/api/index.ts); every other
 * request goes to Astro: static files and prerendered pages from the assets
 * binding via cf(), pages rendered on demand via astro(). A notice page that staff
 * changed since the build is handed to its on-demand twin under /live-notices/
 * (functions/publishing/live.ts) with the newer editions in Astro's locals, and an
 * event page likewise to /live-events/ (functions/events/live.ts).
 */
const renderLive: RenderLive = (c, path, locals) => {
  const url = new URL(c.req.url);
  url.pathname = path;
  const state = new FetchState(new Request(url, c.req.raw));
  Object.assign(state.locals, locals);
  c.set("fetchState" as never, state as never);
};

const app = portalApp(liveNotices(renderLive), liveEvents(renderLive), cf(), astro());

export default { fetch: app.fetch, scheduled } satisfies ExportedHandler<Bindings>;
