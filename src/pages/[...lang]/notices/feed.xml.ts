import type { APIRoute } from "astro";
import { type Lang, localeStaticPaths } from "../../../i18n";
import { ATOM_HEADERS, noticesFeed } from "../../../lib/notices/feeds";
import { loadNotices } from "../../../lib/notices/load";

export const getStaticPaths = localeStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { locale } = props as { locale: Lang };
  return new Response(noticesFeed(await loadNotices(), locale), { headers: ATOM_HEADERS });
};
