import type { SessionAccount } from "../accounts/sessions";
import type { EditionStatus } from "../db/schema";
import type { Bindings } from "../env";
import type { Lang } from "../lib/lang";
import type { EventFrontMatter } from "./event-fields";

/**
 * Festival events' editions as the workflow and the dashboard read them (one row
 * mapper), and what an event already is on the site: its published edition in D1, or
 * the build's content file (/events/<slug>/source.json).
 */
export type StaffAccount = Pick<SessionAccount, "id" | "role">;

interface EventVersion {
  frontMatter: EventFrontMatter;
  body: string;
}
export type EventVersions = { "zh-CN": EventVersion; en?: EventVersion };

export interface EventEdition {
  id: number;
  slug: string;
  status: EditionStatus;
  versions: EventVersions;
  changeNote: string | null;
  basedOn: number | null;
  authorId: number;
  authorName: string;
  submittedAt: string | null;
  reviewerId: number | null;
  reviewerName: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
  forceReason: string | null;
  publishAt: string | null;
  publishedAt: string | null;
  publishSeq: number | null;
  updatedAt: string;
}

interface Row {
  id: number;
  slug: string;
  status: EditionStatus;
  versions: string;
  change_note: string | null;
  based_on: number | null;
  author_id: number;
  author_name: string | null;
  submitted_at: string | null;
  reviewer_id: number | null;
  reviewer_name: string | null;
  reviewed_at: string | null;
  review_comment: string | null;
  force_reason: string | null;
  publish_at: string | null;
  published_at: string | null;
  publish_seq: number | null;
  updated_at: string;
}

const toEdition = (r: Row): EventEdition => ({
  id: r.id,
  slug: r.slug,
  status: r.status,
  versions: JSON.parse(r.versions) as EventVersions,
  changeNote: r.change_note,
  basedOn: r.based_on,
  authorId: r.author_id,
  authorName: r.author_name ?? "",
  submittedAt: r.submitted_at,
  reviewerId: r.reviewer_id,
  reviewerName: r.reviewer_name,
  reviewedAt: r.reviewed_at,
  reviewComment: r.review_comment,
  forceReason: r.force_reason,
  publishAt: r.publish_at,
  publishedAt: r.published_at,
  publishSeq: r.publish_seq,
  updatedAt: r.updated_at,
});

const SELECT = `SELECT e.*, a.name AS author_name, r.name AS reviewer_name
  FROM event_editions e JOIN accounts a ON a.id = e.author_id LEFT JOIN accounts r ON r.id = e.reviewer_id`;

export async function eventEditionById(d1: D1Database, id: number): Promise<EventEdition | null> {
  const row = await d1.prepare(`${SELECT} WHERE e.id = ?`).bind(id).first<Row>();
  return row ? toEdition(row) : null;
}

/** The editions staff work on (every edition not superseded), newest first. */
export async function eventEditions(d1: D1Database): Promise<EventEdition[]> {
  const { results } = await d1
    .prepare(`${SELECT} WHERE e.status <> 'superseded' ORDER BY e.updated_at DESC, e.id DESC LIMIT 300`)
    .all<Row>();
  return results.map(toEdition);
}

/** Every edition of one event, newest first: its history. */
export async function eventHistory(d1: D1Database, slug: string): Promise<EventEdition[]> {
  const { results } = await d1.prepare(`${SELECT} WHERE e.slug = ? ORDER BY e.id DESC LIMIT 100`).bind(slug).all<Row>();
  return results.map(toEdition);
}

/** What the running build holds of events (src/pages/events/build.json.ts). */
export interface EventsBuild {
  /** The last event edition the build includes. */
  seq: number;
  slugs: string[];
}

let cached: { assets: Fetcher; build: Promise<EventsBuild> } | undefined;

/** Read once per isolate: a deployment's assets never change under it. */
export function eventsBuild(env: Pick<Bindings, "ASSETS">): Promise<EventsBuild> {
  if (cached?.assets !== env.ASSETS) {
    const build = env.ASSETS.fetch(new Request("https://assets.invalid/events/build.json"))
      .then((res) => (res.ok ? (res.json() as Promise<EventsBuild>) : { seq: 0, slugs: [] }))
      .catch(() => ({ seq: 0, slugs: [] }));
    cached = { assets: env.ASSETS, build };
  }
  return cached.build;
}

/** An event as the site shows it now: its published D1 edition, else its content files in the build. */
export async function currentEvent(
  env: Pick<Bindings, "DB" | "ASSETS">,
  slug: string,
): Promise<{ editionId: number | null; versions: EventVersions } | null> {
  const row = await env.DB.prepare(`${SELECT} WHERE e.slug = ? AND e.status = 'published'`).bind(slug).first<Row>();
  if (row) return { editionId: row.id, versions: toEdition(row).versions };
  const res = await env.ASSETS.fetch(new Request(`https://assets.invalid/events/${slug}/source.json`)).catch(
    () => null,
  );
  if (!res?.ok) return null;
  const built = (await res.json()) as { versions: Partial<Record<Lang, EventVersion>> };
  const zh = built.versions["zh-CN"] ?? built.versions.en;
  if (!zh) return null;
  return { editionId: null, versions: { "zh-CN": zh, ...(built.versions.en ? { en: built.versions.en } : {}) } };
}

/**
 * The sessions the booking database holds for an event, as front-matter slots: once an
 * event has sessions there, they change only on its sessions page (changes.ts), so an
 * edition carries them as they are rather than as typed.
 */
export async function sessionsInD1(d1: D1Database, slug: string) {
  const { results } = await d1
    .prepare(
      `SELECT s.id, s.date, s.start_time, s.end_time, s.capacity, s.price_fen, s.name_zh, s.name_en
       FROM activity_slots s WHERE s.event_slug = ?
         AND NOT EXISTS (SELECT 1 FROM session_cancellations c WHERE c.slot_id = s.id)
       ORDER BY s.date, s.start_time, s.id`,
    )
    .bind(slug)
    .all<{
      id: string;
      date: string;
      start_time: string;
      end_time: string;
      capacity: number;
      price_fen: number;
      name_zh: string;
      name_en: string;
    }>();
  return results.map((r) => ({
    id: r.id,
    date: r.date,
    start: r.start_time,
    end: r.end_time,
    capacity: r.capacity,
    price: r.price_fen,
    title: { "zh-CN": r.name_zh || r.name_en, en: r.name_en || r.name_zh },
  }));
}

export async function hasSessionsInD1(d1: D1Database, slug: string): Promise<boolean> {
  const row = await d1.prepare("SELECT 1 AS x FROM activity_slots WHERE event_slug = ? LIMIT 1").bind(slug).first();
  return row !== null;
}

/** For the dashboard's home: event editions waiting for review and returned to their editors. */
export async function eventEditionCounts(d1: D1Database): Promise<{ submitted: number; returned: number }> {
  const row = await d1
    .prepare("SELECT sum(status = 'submitted') AS submitted, sum(status = 'returned') AS returned FROM event_editions")
    .first<{ submitted: number | null; returned: number | null }>();
  return { submitted: row?.submitted ?? 0, returned: row?.returned ?? 0 };
}
