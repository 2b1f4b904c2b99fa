import type { EventStatus } from "../db/schema";
import { guard } from "../lib/constraints";
import type { Lang } from "../lib/lang";

/**
 * The events whose sessions D1 holds (session_events): the status and reason last
 * applied to their sessions, and whether county staff manage them from the dashboard.
 * The content import records what the build says while content decides; staff take an
 * event over with their first change, and from then on the import leaves it alone.
 */

export interface EventRecord {
  slug: string;
  title: Record<Lang, string>;
  status: EventStatus;
  reason: Record<Lang, string>;
  /** When staff took the event's sessions over in the dashboard; null while content decides. */
  managedAt: string | null;
}

interface EventRow {
  slug: string;
  title_zh: string;
  title_en: string;
  status: EventStatus;
  reason_zh: string;
  reason_en: string;
  managed_at: string | null;
}

const toRecord = (r: EventRow): EventRecord => ({
  slug: r.slug,
  title: { "zh-CN": r.title_zh, en: r.title_en },
  status: r.status,
  reason: { "zh-CN": r.reason_zh, en: r.reason_en },
  managedAt: r.managed_at,
});

export async function eventRecords(d1: D1Database): Promise<Map<string, EventRecord>> {
  const { results } = await d1.prepare("SELECT * FROM session_events").all<EventRow>();
  return new Map(results.map((r) => [r.slug, toRecord(r)]));
}

export async function eventRecord(d1: D1Database, slug: string): Promise<EventRecord | null> {
  const row = await d1.prepare("SELECT * FROM session_events WHERE slug = ?").bind(slug).first<EventRow>();
  return row ? toRecord(row) : null;
}

/** First in an import's batch: refuses it when staff took the event over after the import read it. */
export function stillFromContent(d1: D1Database, slug: string): D1PreparedStatement {
  return guard(d1, "EXISTS (SELECT 1 FROM session_events WHERE slug = ? AND managed_at IS NOT NULL)", slug);
}

type Recorded = Pick<EventRecord, "slug" | "title" | "status" | "reason">;

/** What the build says about an event, for the import's batch: nothing when D1 has it already. */
export function contentStatements(d1: D1Database, now: EventRecord | undefined, next: Recorded): D1PreparedStatement[] {
  const same =
    now &&
    now.status === next.status &&
    now.title["zh-CN"] === next.title["zh-CN"] &&
    now.title.en === next.title.en &&
    now.reason["zh-CN"] === next.reason["zh-CN"] &&
    now.reason.en === next.reason.en;
  if (same) return [];
  return [
    d1
      .prepare(
        `INSERT INTO session_events (slug, title_zh, title_en, status, reason_zh, reason_en)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (slug) DO UPDATE SET title_zh = excluded.title_zh, title_en = excluded.title_en,
           status = excluded.status, reason_zh = excluded.reason_zh, reason_en = excluded.reason_en,
           updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
      )
      .bind(next.slug, next.title["zh-CN"], next.title.en, next.status, next.reason["zh-CN"], next.reason.en),
  ];
}

/**
 * A staff change's row, in the change's own batch: the event's status and reason, and
 * the mark that takes it over from content (kept from the first change on).
 */
export function managedStatement(
  d1: D1Database,
  next: Pick<EventRecord, "slug" | "status" | "reason">,
  actorId: number,
): D1PreparedStatement {
  return d1
    .prepare(
      `INSERT INTO session_events (slug, status, reason_zh, reason_en, managed_at, managed_by)
       VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?)
       ON CONFLICT (slug) DO UPDATE SET status = excluded.status, reason_zh = excluded.reason_zh,
         reason_en = excluded.reason_en, managed_at = coalesce(session_events.managed_at, excluded.managed_at),
         managed_by = coalesce(session_events.managed_by, excluded.managed_by),
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
    )
    .bind(next.slug, next.status, next.reason["zh-CN"], next.reason.en, actorId);
}
