import type { APIRoute } from "astro";
import { county } from "../../county.config";

// Crawlers may read every page; the API and the search index are for the site's own use.
export const GET: APIRoute = () =>
  new Response(
    [
      "User-agent: *",
      "Allow: /",
      "Disallow: /api/",
      "Disallow: /pagefind/",
      "",
      `Sitemap: ${new URL("/sitemap.xml", county.siteUrl).href}`,
      "",
    ].join("\n"),
    { headers: { "content-type": "text/plain; charset=utf-8" } },
  );
