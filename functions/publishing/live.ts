import type { Context, MiddlewareHandler } from "hono";
import { sessionAccount, tokenFromCookies } from "../accounts/sessions";
import type { AppEnv, Bindings } from "../env";
import { todayInCounty } from "../lib/dates";
import { buildManifest } from "./build-manifest";
import { renderNoticeBody } from "./render";

/**
 * Until the rebuild that a publication asked for is live, the Worker serves the notice
 * pages it changes on demand, with the same components (src/pages/live-notices/).
 * Whether the static pages are current is decided without D1: the build says which
 * publication it includes (build-manifest.ts), and the latest one is kept in KV
 * (PUBLISHING), written when an edition is published and checked by the minute cron.
 * Only while they differ does a notice page cost a D1 query, and only the pages that
 * changed (the notice itself, the lists) leave the static build.
 */
export const SEQ_KEY = "notices:seq";

interface LiveEdition {
  slug: string;
  lang: "zh-CN" | "en";
  data: Record<string, unknown>;
  html: string;
  seq: number | null;
}

export interface LiveNotices {
  editions: LiveEdition[];
  /** A staff preview of an edition not yet published: noindex, never cached. */
  preview: boolean;
}

/** The latest publication: from KV, or (a county without the KV namespace) from D1. */
async function latestSeq(env: Bindings): Promise<number> {
  if (env.PUBLISHING) {
    // At the edge KV may be up to a minute old, which is the promise made to staff.
    const value = await env.PUBLISHING.get(SEQ_KEY, env.PORTAL_ENV === "production" ? { cacheTtl: 30 } : undefined);
    return Number(value ?? 0) || 0;
  }
  return storedSeq(env.DB);
}

async function storedSeq(d1: D1Database): Promise<number> {
  const row = await d1
    .prepare("SELECT coalesce(max(publish_seq), 0) AS seq FROM notice_editions")
    .first<{ seq: number }>();
  return row?.seq ?? 0;
}

/** After a publication's batch: tell every Worker the static pages are behind. */
export async function markPublished(env: Bindings, seq?: number): Promise<void> {
  if (!env.PUBLISHING) return;
  await env.PUBLISHING.put(SEQ_KEY, String(seq ?? (await storedSeq(env.DB))));
}

/** The minute cron: a KV write that failed after a publication is made good here. */
export async function syncPublishedSeq(env: Bindings): Promise<void> {
  if (!env.PUBLISHING) return;
  const [stored, marked] = await Promise.all([storedSeq(env.DB), env.PUBLISHING.get(SEQ_KEY)]);
  if (String(stored) !== (marked ?? "0")) await env.PUBLISHING.put(SEQ_KEY, String(stored));
}

interface EditionRow {
  id: number;
  slug: string;
  lang: "zh-CN" | "en";
  data: string;
  body: string;
  publish_seq: number | null;
}

const toLive = (r: EditionRow): LiveEdition => ({
  slug: r.slug,
  lang: r.lang,
  data: JSON.parse(r.data) as Record<string, unknown>,
  html: renderNoticeBody(r.body),
  seq: r.publish_seq,
});

/** Published editions newer than the build. */
async function editionsSince(d1: D1Database, seq: number): Promise<LiveEdition[]> {
  const { results } = await d1
    .prepare(
      "SELECT id, slug, lang, data, body, publish_seq FROM notice_editions WHERE status = 'published' AND publish_seq > ? ORDER BY publish_seq",
    )
    .bind(seq)
    .all<EditionRow>();
  return results.map(toLive);
}

/** Which notice page an address is, or null for anything else. */
function noticeView(pathname: string): { kind: "notice"; slug: string } | { kind: "list" } | null {
  const m = /^(?:\/en)?\/notices\/(.*)$/.exec(pathname);
  if (!m) return null;
  const rest = m[1] ?? "";
  if (rest === "" || /^(page\/\d{1,5}|topics\/[a-z0-9-]+|agencies\/[a-z0-9-]+|years\/\d{4})\/$/.test(rest)) {
    return { kind: "list" };
  }
  const slug = /^([a-z0-9]+(?:-[a-z0-9]+)*)\/$/.exec(rest)?.[1];
  return slug ? { kind: "notice", slug } : null;
}

/** How functions/index.ts hands a request to the on-demand page at `path`, with `locals` for it. */
export type RenderLive = (c: Context<AppEnv>, path: string, locals: Record<string, unknown>) => void;

const PREVIEW = /^\d{1,10}$/;

async function previewEdition(c: Context<AppEnv>, slug: string, id: string): Promise<LiveEdition | null> {
  const account = await sessionAccount(c.env.DB, tokenFromCookies(c.req.header("cookie")));
  if (!account || !["admin", "editor", "reviewer"].includes(account.role)) return null;
  const row = await c.env.DB.prepare(
    "SELECT e.id, e.slug, e.lang, e.data, e.body, e.publish_seq, s.agency FROM notice_editions e JOIN notice_slugs s ON s.slug = e.slug WHERE e.id = ? AND e.slug = ?",
  )
    .bind(Number(id), slug)
    .first<EditionRow & { agency: string }>();
  if (!row) return null;
  if (account.role !== "admin" && !account.agencies.includes(row.agency)) return null;
  const edition = toLive(row);
  // What publishing fills in is shown as it will be: today's date; the 索引号 once numbered.
  const d = edition.data;
  d.published ??= todayInCounty();
  d.indexNumber ??= "—";
  d.tags ??= [];
  d.changes ??= [];
  d.attachments ??= [];
  return edition;
}

/**
 * The build's own file. Notice pages reach the Worker first (run_worker_first), and
 * Astro's handler would not serve a prerendered page itself: ask the assets binding.
 */
export async function fromBuild(c: Context<AppEnv>, next: () => Promise<void>) {
  const res = await c.env.ASSETS.fetch(c.req.raw);
  if (res.status === 404) {
    await res.body?.cancel();
    return next();
  }
  return res;
}

export function liveNotices(render: RenderLive): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    const url = new URL(c.req.url);
    const view = noticeView(url.pathname);
    // Feeds and data files under /notices/ are the build's too.
    if (!view) return /^(?:\/en)?\/notices\//.test(url.pathname) ? fromBuild(c, next) : next();
    const preview = url.searchParams.get("preview");
    if (view.kind === "notice" && preview !== null && PREVIEW.test(preview)) {
      const edition = await previewEdition(c, view.slug, preview);
      if (edition) {
        render(c, `/live-notices${url.pathname}`, { liveNotices: { editions: [edition], preview: true } });
        return next();
      }
      return fromBuild(c, next);
    }
    const manifest = await buildManifest(c.env);
    if ((await latestSeq(c.env)) <= manifest.seq) return fromBuild(c, next);
    const editions = await editionsSince(c.env.DB, manifest.seq);
    if (view.kind === "notice" && !editions.some((e) => e.slug === view.slug)) return fromBuild(c, next);
    render(c, `/live-notices${url.pathname}`, { liveNotices: { editions, preview: false } });
    return next();
  };
}
