import { en } from "./en";
import { type UiKey, zhCN } from "./zh-CN";

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";

const strings: Record<Locale, Record<UiKey, string>> = { "zh-CN": zhCN, en };

export function t(locale: Locale, key: UiKey): string {
  return strings[locale][key];
}

/** Translator bound to one locale, for use in page frontmatter. */
export function useStrings(locale: Locale) {
  return (key: UiKey) => strings[locale][key];
}

/** The `lang` route parameter: undefined for Chinese at `/`, "en" for `/en/`. */
export function localeFromParam(param: string | undefined): Locale {
  return param === "en" ? "en" : "zh-CN";
}

/** getStaticPaths entries for a page that exists in both languages. */
export function localeStaticPaths() {
  return LOCALES.map((locale) => ({
    params: { lang: locale === DEFAULT_LOCALE ? undefined : "en" },
    props: { locale },
  }));
}

/** Path of a page in a locale: localePath("en", "/notices/") -> "/en/notices/". */
export function localePath(locale: Locale, path: string): string {
  const clean = path.startsWith("/") ? path : `/${path}`;
  return locale === DEFAULT_LOCALE ? clean : `/en${clean === "/" ? "/" : clean}`;
}

/** The same page in the other language. */
export function counterpartPath(pathname: string): { locale: Locale; path: string } {
  if (pathname === "/en" || pathname.startsWith("/en/")) {
    const rest = pathname.slice(3) || "/";
    return { locale: "zh-CN", path: rest };
  }
  return { locale: "en", path: pathname === "/" ? "/en/" : `/en${pathname}` };
}

/** Pick the text for a locale from a { "zh-CN", en } pair. */
export function pick<T>(value: { "zh-CN": T; en: T }, locale: Locale): T {
  return value[locale];
}

export function htmlLang(locale: Locale): string {
  return locale === "zh-CN" ? "zh-CN" : "en";
}

/** A UI string with `{name}` placeholders filled in. */
export function fill(text: string, vars: Record<string, string | number>): string {
  let out = text;
  for (const [name, value] of Object.entries(vars)) out = out.replaceAll(`{${name}}`, String(value));
  return out;
}
