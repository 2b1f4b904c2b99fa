import type { APIRoute, GetStaticPaths } from "astro";
import { loadEvents, type SiteEvent } from "../../../lib/events/load";

/**
 * An event's front matter (as content/events has it: `place` or `venue` as written) and
 * Markdown as this build has them, for the dashboard's editor to start an amendment.
 */
export const getStaticPaths = (async () =>
  (await loadEvents()).map((event) => ({ params: { slug: event.slug }, props: { event } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { event } = props as { event: SiteEvent };
  const versions = Object.fromEntries(
    Object.entries(event.versions).map(([lang, version]) => {
      const { edition: _edition, ...data } = version.data as typeof version.data & { edition?: unknown };
      const frontMatter: Record<string, unknown> = { ...data };
      // Pages resolve a campsite's venue; the editor keeps what was written.
      if (data.place) delete frontMatter.venue;
      return [lang, { frontMatter, body: version.body ?? "" }];
    }),
  );
  return new Response(JSON.stringify({ slug: event.slug, versions }), {
    headers: { "content-type": "application/json; charset=utf-8" },
  });
};
