import { LANGS } from "../../i18n";
import { langParam } from "../static-paths";
import { loadNotices } from "./load";
import { pageCount, pageOf } from "./model";

/** Notices per list page: enough to scan, small enough for a slow phone. */
export const PER_PAGE = 10;

/** One entry per list page 2..n in each language; page 1 is /notices/ itself. */
export async function listPages() {
  const all = await loadNotices();
  const pages = pageCount(all.length, PER_PAGE);
  return LANGS.flatMap((locale) =>
    Array.from({ length: pages - 1 }, (_, i) => i + 2).map((page) => ({
      params: { lang: langParam(locale), page: String(page) },
      props: { locale, page, pages, notices: pageOf(all, page, PER_PAGE) },
    })),
  );
}
