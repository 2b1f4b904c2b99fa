import type { APIRoute } from "astro";
import icon from "../../content/brand/favicon.svg?raw";

// The county's mark is content (content/brand/), so another county replaces it
// without touching public/ or the code.
export const GET: APIRoute = () => new Response(icon, { headers: { "content-type": "image/svg+xml; charset=utf-8" } });
