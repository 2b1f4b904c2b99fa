import type { APIRoute } from "astro";
import { county } from "../../county.config";

// The county's brand colour, from its configuration, as a stylesheet: served as a
// file so the Content-Security-Policy can forbid inline styles.
export const GET: APIRoute = () =>
  new Response(`:root{--brand:${county.themeColor}}\n`, { headers: { "content-type": "text/css; charset=utf-8" } });
