import { type Lang, localePath } from "../../i18n";

export const noticesPath = (locale: Lang) => localePath(locale, "/notices/");
export const noticePath = (locale: Lang, slug: string) => localePath(locale, `/notices/${slug}/`);
export const listPagePath = (locale: Lang, page: number) =>
  page <= 1 ? noticesPath(locale) : localePath(locale, `/notices/page/${page}/`);
export const topicPath = (locale: Lang, topic: string) => localePath(locale, `/notices/topics/${topic}/`);
export const agencyPath = (locale: Lang, agency: string) => localePath(locale, `/notices/agencies/${agency}/`);
export const yearPath = (locale: Lang, year: number) => localePath(locale, `/notices/years/${year}/`);
export const feedPath = (locale: Lang) => localePath(locale, "/notices/feed.xml");
export const topicFeedPath = (locale: Lang, topic: string) => localePath(locale, `/notices/topics/${topic}/feed.xml`);
export const searchPath = (locale: Lang) => localePath(locale, "/search/");
