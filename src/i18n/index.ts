import { DEFAULT_LANG, LANGS, type Lang, localePath } from "@functions/lib/lang";
import { en } from "./en";
import { type UiKey, zhCN } from "./zh-CN";

export { DEFAULT_LANG, LANGS, type Lang, localePath };

const strings: Record<Lang, Record<UiKey, string>> = { "zh-CN": zhCN, en };

export function t(locale: Lang, key: UiKey): string {
  return strings[locale][key];
}

/** Translator bound to one locale, for use in page frontmatter. */
export function useStrings(locale: Lang) {
  return (key: UiKey) => strings[locale][key];
}

/** The `lang` route parameter: undefined for Chinese at `/`, "en" for `/en/`. */
export function localeFromParam(param: string | undefined): Lang {
  return param === "en" ? "en" : "zh-CN";
}

/** getStaticPaths entries for a page that exists in both languages. */
export function localeStaticPaths() {
  return LANGS.map((locale) => ({
    params: { lang: locale === DEFAULT_LANG ? undefined : "en" },
    props: { locale },
  }));
}

/** The same page in the other language. */
export function counterpartPath(pathname: string): { locale: Lang; path: string } {
  if (localeFromPath(pathname) === "en") {
    const rest = pathname.slice(3) || "/";
    return { locale: "zh-CN", path: rest };
  }
  return { locale: "en", path: localePath("en", pathname) };
}

/** The language of an address: /en/... is English, everything else Chinese (also for addresses that match no page). */
export function localeFromPath(pathname: string): Lang {
  return pathname === "/en" || pathname.startsWith("/en/") ? "en" : "zh-CN";
}

/**
 * Query parameters that carry a secret. A page that got one swaps it for a cookie
 * (src/lib/secret-links.ts), so another address never needs it: DESIGN.md,
 * "Secrets in links".
 */
const SECRET_PARAMS = new Set(["token"]);

/**
 * Where the language switch leads: the same page in the other language, with the
 * query that says what the person is looking at (a booking's reference, a session,
 * a search), never a secret.
 */
export function languageSwitchHref(url: URL): string {
  const kept = new URLSearchParams();
  for (const [name, value] of url.searchParams) if (!SECRET_PARAMS.has(name)) kept.append(name, value);
  const query = kept.toString();
  return `${counterpartPath(url.pathname).path}${query ? `?${query}` : ""}`;
}

/** Pick the text for a locale from a { "zh-CN", en } pair. */
export function pick<T>(value: { "zh-CN": T; en: T }, locale: Lang): T {
  return value[locale];
}

export function htmlLang(locale: Lang): string {
  return locale === "zh-CN" ? "zh-CN" : "en";
}

/** A UI string with `{name}` placeholders filled in. */
export function fill(text: string, vars: Record<string, string | number>): string {
  let out = text;
  for (const [name, value] of Object.entries(vars)) out = out.replaceAll(`{${name}}`, String(value));
  return out;
}
