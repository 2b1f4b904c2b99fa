import { type Locale, localePath } from "../../i18n";

export const noticesPath = (locale: Locale) => localePath(locale, "/notices/");
export const noticePath = (locale: Locale, slug: string) => localePath(locale, `/notices/${slug}/`);
export const listPagePath = (locale: Locale, page: number) =>
  page <= 1 ? noticesPath(locale) : localePath(locale, `/notices/page/${page}/`);
export const topicPath = (locale: Locale, topic: string) => localePath(locale, `/notices/topics/${topic}/`);
export const agencyPath = (locale: Locale, agency: string) => localePath(locale, `/notices/agencies/${agency}/`);
export const yearPath = (locale: Locale, year: number) => localePath(locale, `/notices/years/${year}/`);
export const feedPath = (locale: Locale) => localePath(locale, "/notices/feed.xml");
export const topicFeedPath = (locale: Locale, topic: string) => localePath(locale, `/notices/topics/${topic}/feed.xml`);
export const searchPath = (locale: Locale) => localePath(locale, "/search/");
