import type { APIRoute } from "astro";
import { loadNotices } from "../../lib/notices/load";

/**
 * What this build holds of notices, for the Worker (functions/publishing/build-manifest.ts):
 * the last publication from the dashboard it includes (`seq`), and every notice's
 * catalogue fields without its text. The Worker compares `seq` with the latest
 * publication to know whether the static pages are current, lists notices published
 * since on demand, and keeps 索引号 serials above those of content/notices.
 */
export const GET: APIRoute = async () => {
  const all = await loadNotices();
  let seq = 0;
  const notices = all.map((notice) => ({
    slug: notice.slug,
    versions: Object.fromEntries(
      Object.entries(notice.versions).map(([lang, version]) => {
        const { edition, ...data } = version.data;
        if (edition && edition.seq > seq) seq = edition.seq;
        return [lang, { data, edition: edition?.id ?? null }];
      }),
    ),
  }));
  return new Response(JSON.stringify({ seq, notices }), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
};
