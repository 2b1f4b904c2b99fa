import type { MiddlewareHandler } from "hono";
import type { AppEnv, Bindings } from "../env";
import { fromBuild, type RenderLive } from "../publishing/live";
import { renderNoticeBody } from "../publishing/render";
import { type EventVersions, eventsBuild } from "./editions";

/**
 * Until the rebuild a publication asked for is live, the Worker serves the festival
 * event pages it changes on demand (src/pages/live-events/), as publishing/live.ts does
 * for notices: the build says which event edition it includes (/events/build.json), the
 * latest is kept in KV (written on publication, made good by the minute cron), and only
 * while they differ does an event page, or the list of events, cost a D1 query.
 */
export const EVENTS_SEQ_KEY = "events:seq";

async function storedSeq(d1: D1Database): Promise<number> {
  const row = await d1
    .prepare("SELECT coalesce(max(publish_seq), 0) AS seq FROM event_editions")
    .first<{ seq: number }>();
  return row?.seq ?? 0;
}

async function latestSeq(env: Bindings): Promise<number> {
  if (env.PUBLISHING) {
    const value = await env.PUBLISHING.get(
      EVENTS_SEQ_KEY,
      env.PORTAL_ENV === "production" ? { cacheTtl: 30 } : undefined,
    );
    return Number(value ?? 0) || 0;
  }
  return storedSeq(env.DB);
}

/** After an event edition's batch, and from the minute cron: tell every Worker the static pages are behind. */
export async function markEventsPublished(env: Bindings): Promise<void> {
  if (!env.PUBLISHING) return;
  const [stored, marked] = await Promise.all([storedSeq(env.DB), env.PUBLISHING.get(EVENTS_SEQ_KEY)]);
  if (String(stored) !== (marked ?? "0")) await env.PUBLISHING.put(EVENTS_SEQ_KEY, String(stored));
}

export interface LiveEventEdition {
  id: number;
  slug: string;
  versions: Partial<Record<"zh-CN" | "en", { frontMatter: unknown; html: string }>>;
}

async function editionsSince(d1: D1Database, seq: number): Promise<LiveEventEdition[]> {
  const { results } = await d1
    .prepare(
      "SELECT id, slug, versions FROM event_editions WHERE status = 'published' AND publish_seq > ? ORDER BY publish_seq",
    )
    .bind(seq)
    .all<{ id: number; slug: string; versions: string }>();
  return results.map((r) => {
    const versions = JSON.parse(r.versions) as EventVersions;
    const live: LiveEventEdition["versions"] = {};
    for (const lang of ["zh-CN", "en"] as const) {
      const v = versions[lang];
      if (v) live[lang] = { frontMatter: v.frontMatter, html: renderNoticeBody(v.body) };
    }
    return { id: r.id, slug: r.slug, versions: live };
  });
}

/** The event pages that can change with an edition: the list and an event's own page. */
function eventView(pathname: string): { kind: "list" } | { kind: "event"; slug: string } | null {
  const m = /^(?:\/en)?\/events\/(.*)$/.exec(pathname);
  if (!m) return null;
  const rest = m[1] ?? "";
  if (rest === "") return { kind: "list" };
  const slug = /^([a-z0-9]+(?:-[a-z0-9]+)*)\/$/.exec(rest)?.[1];
  return slug && slug !== "calendar" ? { kind: "event", slug } : null;
}

export function liveEvents(render: RenderLive): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    const url = new URL(c.req.url);
    const view = eventView(url.pathname);
    if (!view) return /^(?:\/en)?\/events\//.test(url.pathname) ? fromBuild(c, next) : next();
    const build = await eventsBuild(c.env);
    if ((await latestSeq(c.env)) <= build.seq) return fromBuild(c, next);
    const editions = await editionsSince(c.env.DB, build.seq);
    if (view.kind === "event" && !editions.some((e) => e.slug === view.slug)) return fromBuild(c, next);
    render(c, `/live-events${url.pathname}`, { liveEvents: editions });
    return next();
  };
}
