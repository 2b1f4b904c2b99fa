import type { APIRoute } from "astro";
import type { Lang } from "../../../../../i18n";
import { ATOM_HEADERS, noticesFeed } from "../../../../../lib/notices/feeds";
import { loadNotices } from "../../../../../lib/notices/load";
import { TOPIC_KEYS } from "../../../../../lib/notices/names";
import { pathsInBothLocales } from "../../../../../lib/static-paths";

export const getStaticPaths = () => pathsInBothLocales([...TOPIC_KEYS], (topic) => ({ topic }));

export const GET: APIRoute = async ({ props }) => {
  const { locale, item } = props as { locale: Lang; item: string };
  return new Response(noticesFeed(await loadNotices(), locale, item), { headers: ATOM_HEADERS });
};
