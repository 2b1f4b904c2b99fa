import { DEFAULT_LANG, LANGS, type Lang } from "../i18n";

/** The `lang` route parameter for a locale: absent for Chinese at /, "en" for /en/. */
export function langParam(locale: Lang): string | undefined {
  return locale === DEFAULT_LANG ? undefined : "en";
}

/**
 * getStaticPaths entries for a page that exists once per item in both languages,
 * so the language switch always lands on a real page.
 */
export function pathsInBothLocales<T, P extends Record<string, string | undefined>>(
  items: T[],
  params: (item: T) => P,
) {
  return LANGS.flatMap((locale) =>
    items.map((item) => ({ params: { lang: langParam(locale), ...params(item) }, props: { locale, item } })),
  );
}
