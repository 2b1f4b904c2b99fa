import type { APIRoute, GetStaticPaths } from "astro";
import { loadNotices } from "../../../lib/notices/load";

/**
 * A notice's Markdown and front matter as this build has them, for the dashboard's
 * editor to start an amendment of a notice that came from content/notices.
 */
export const getStaticPaths = (async () =>
  (await loadNotices()).map((notice) => ({
    params: { slug: notice.slug },
    props: { notice },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { notice } = props as { notice: Awaited<ReturnType<typeof loadNotices>>[number] };
  const versions = Object.fromEntries(
    Object.entries(notice.versions).map(([lang, version]) => {
      const { edition: _edition, ...data } = version.data;
      return [lang, { data, body: version.entry.body ?? "" }];
    }),
  );
  return new Response(JSON.stringify({ slug: notice.slug, versions }), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
};
