import type { Lang } from "../i18n";

/**
 * On-demand pages live under src/pages/[...lang]/: the parameter is undefined
 * for Chinese and "en" for English; anything else is not a page of ours.
 */
export function onDemandLocale(param: string | undefined): Lang | null {
  if (param === undefined) return "zh-CN";
  if (param === "en") return "en";
  return null;
}

/**
 * A 404 with no body: Astro then renders src/pages/404.astro for the same
 * address (the site's not-found page in the address's language).
 */
export function notFoundResponse(): Response {
  return new Response(null, { status: 404 });
}
