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

export function notFoundResponse(): Response {
  return new Response("404", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
}
