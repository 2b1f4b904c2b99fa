/** The portal's languages: Chinese at `/`, English at `/en/`. Pages and the API share this one list. */
export const LANGS = ["zh-CN", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "zh-CN";

/**
 * The language of a person's request: an explicit `lang` query parameter wins,
 * then the first Accept-Language entry we support; Chinese is the default.
 */
export function requestLang(req: Request): Lang {
  const url = new URL(req.url);
  const explicit = url.searchParams.get("lang");
  if (explicit) return explicit.toLowerCase().startsWith("en") ? "en" : "zh-CN";
  const header = req.headers.get("accept-language") ?? "";
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      const quality = q ? Number.parseFloat(q.trim().slice(2)) : 1;
      return { tag: tag.toLowerCase(), quality: Number.isFinite(quality) ? quality : 0 };
    })
    .filter((entry) => entry.tag && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality);
  for (const { tag } of ranked) {
    if (tag.startsWith("zh")) return "zh-CN";
    if (tag.startsWith("en")) return "en";
  }
  return "zh-CN";
}

/** Path of a page in a language: localePath("en", "/notices/") -> "/en/notices/". */
export function localePath(lang: Lang, path: string): string {
  const clean = path.startsWith("/") ? path : `/${path}`;
  return lang === DEFAULT_LANG ? clean : `/en${clean}`;
}
