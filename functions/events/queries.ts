import { type EventRecord, eventRecord } from "../bookings/event-states";
import { placesLeft } from "../bookings/rules";
import type { SessionState } from "../bookings/session-changes";
import type { EventStatus } from "../db/schema";
import { todayInCounty } from "../lib/dates";
import type { Lang } from "../lib/lang";

/**
 * What staff see of festival events whose sessions D1 holds: the list with its counts,
 * and one event with its sessions. Read-only; changes.ts writes.
 */

/** Bookings that still expect to come (the ones a change cancels or moves). */
const LIVE = "('confirmed', 'held')";

/**
 * An event D1 has sessions of but no record for yet (sessions imported before the
 * import recorded events, until its next run): going ahead while a session is open.
 */
const statusWithout = (openSessions: number): EventStatus => (openSessions > 0 ? "scheduled" : "cancelled");

export interface EventSummary {
  slug: string;
  title: Record<Lang, string>;
  status: EventStatus;
  /** Whether staff manage its sessions in the dashboard (the content import leaves it alone). */
  managed: boolean;
  sessions: number;
  openSessions: number;
  capacity: number;
  /** Places taken (confirmed, awaiting confirmation, checked in or not shown). */
  booked: number;
  /** Bookings still expected to come: confirmed or awaiting confirmation. */
  liveBookings: number;
  firstDate: string;
  lastDate: string;
}

interface SummaryRow {
  slug: string;
  title_zh: string | null;
  title_en: string | null;
  status: EventStatus | null;
  managed_at: string | null;
  sessions: number;
  open_sessions: number;
  capacity: number;
  booked: number;
  live_bookings: number;
  first_date: string;
  last_date: string;
}

/** Every event with sessions: those still to come first (soonest first), then past ones (latest first). */
export async function eventSummaries(d1: D1Database, today = todayInCounty()): Promise<EventSummary[]> {
  const { results } = await d1
    .prepare(
      `SELECT s.event_slug AS slug, e.title_zh, e.title_en, e.status, e.managed_at,
              count(*) AS sessions, coalesce(sum(s.active), 0) AS open_sessions,
              sum(s.capacity) AS capacity, sum(s.booked) AS booked,
              (SELECT count(*) FROM bookings b JOIN activity_slots x ON x.id = b.slot_id
                WHERE x.event_slug = s.event_slug AND b.status IN ${LIVE}) AS live_bookings,
              min(s.date) AS first_date, max(s.date) AS last_date
       FROM activity_slots s LEFT JOIN session_events e ON e.slug = s.event_slug
       GROUP BY s.event_slug
       ORDER BY max(s.date) < ?, CASE WHEN max(s.date) < ? THEN NULL ELSE min(s.date) END, min(s.date) DESC, s.event_slug
       LIMIT 500`,
    )
    .bind(today, today)
    .all<SummaryRow>();
  return results.map((r) => ({
    slug: r.slug,
    title: { "zh-CN": r.title_zh || r.title_en || r.slug, en: r.title_en || r.title_zh || r.slug },
    status: r.status ?? statusWithout(r.open_sessions),
    managed: r.managed_at !== null,
    sessions: r.sessions,
    openSessions: r.open_sessions,
    capacity: r.capacity,
    booked: r.booked,
    liveBookings: r.live_bookings,
    firstDate: r.first_date,
    lastDate: r.last_date,
  }));
}

interface EventSession {
  id: string;
  nameZh: string;
  nameEn: string;
  date: string;
  startTime: string;
  endTime: string;
  capacity: number;
  booked: number;
  remaining: number;
  /** Per place, in fen. */
  price: number;
  /** Takes bookings: the event goes ahead and the session is not cancelled. */
  active: boolean;
  liveBookings: number;
  /** Set when staff called this session off on its own. */
  cancelled: { reasonZh: string; reasonEn: string; at: string } | null;
}

export interface EventDetail {
  slug: string;
  title: Record<Lang, string>;
  status: EventStatus;
  reason: Record<Lang, string>;
  managed: boolean;
  managedSince: string | null;
  sessions: EventSession[];
  liveBookings: number;
}

interface SessionRow {
  id: string;
  name_zh: string;
  name_en: string;
  date: string;
  start_time: string;
  end_time: string;
  capacity: number;
  booked: number;
  price_fen: number;
  active: number;
  live_bookings: number;
  reason_zh: string | null;
  reason_en: string | null;
  cancelled_at: string | null;
}

/**
 * One event as a change starts from: its record, its sessions as sessionChanges takes
 * them, and a fingerprint of both that a change's batch checks (changes.ts, asRead).
 */
export interface EventNow {
  detail: EventDetail;
  record: EventRecord | null;
  sessions: SessionState[];
  fingerprint: string;
}

/**
 * Everything staff may change about an event, in one text: its status and reasons and
 * each session's fields. Read with the event and compared again inside a change's batch.
 */
export const FINGERPRINT_SQL = `coalesce((SELECT status || '|' || reason_zh || '|' || reason_en FROM session_events WHERE slug = ?1), '') || '#' ||
  coalesce((SELECT group_concat(v, ';') FROM (
    SELECT s.id || '|' || s.date || '|' || s.start_time || '|' || s.end_time || '|' || s.capacity || '|' || s.price_fen
           || '|' || s.name_zh || '|' || s.name_en || '|' || s.active || '|' || (c.slot_id IS NOT NULL) AS v
    FROM activity_slots s LEFT JOIN session_cancellations c ON c.slot_id = s.id
    WHERE s.event_slug = ?1 ORDER BY s.id)), '')`;

/** The event and its sessions, or null when D1 has no session of it. */
export async function eventNow(d1: D1Database, slug: string): Promise<EventNow | null> {
  const [sessions, print] = await d1.batch([
    d1
      .prepare(
        `SELECT s.id, s.name_zh, s.name_en, s.date, s.start_time, s.end_time, s.capacity, s.booked, s.price_fen, s.active,
                (SELECT count(*) FROM bookings b WHERE b.slot_id = s.id AND b.status IN ${LIVE}) AS live_bookings,
                c.reason_zh, c.reason_en, c.cancelled_at
         FROM activity_slots s LEFT JOIN session_cancellations c ON c.slot_id = s.id
         WHERE s.event_slug = ? ORDER BY s.date, s.start_time, s.id`,
      )
      .bind(slug),
    d1.prepare(`SELECT ${FINGERPRINT_SQL} AS v`).bind(slug),
  ]);
  const rows = (sessions?.results ?? []) as SessionRow[];
  if (rows.length === 0) return null;
  const record = await eventRecord(d1, slug);
  const list: EventSession[] = rows.map((r) => ({
    id: r.id,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    date: r.date,
    startTime: r.start_time,
    endTime: r.end_time,
    capacity: r.capacity,
    booked: r.booked,
    remaining: placesLeft(r.capacity, r.booked),
    price: r.price_fen,
    active: r.active === 1,
    liveBookings: r.live_bookings,
    cancelled:
      r.cancelled_at === null ? null : { reasonZh: r.reason_zh ?? "", reasonEn: r.reason_en ?? "", at: r.cancelled_at },
  }));
  const open = list.filter((s) => s.active).length;
  const detail: EventDetail = {
    slug,
    title: record
      ? {
          "zh-CN": record.title["zh-CN"] || record.title.en || slug,
          en: record.title.en || record.title["zh-CN"] || slug,
        }
      : { "zh-CN": slug, en: slug },
    status: record?.status ?? statusWithout(open),
    reason: record?.reason ?? { "zh-CN": "", en: "" },
    managed: record?.managedAt != null,
    managedSince: record?.managedAt ?? null,
    sessions: list,
    liveBookings: list.reduce((n, s) => n + s.liveBookings, 0),
  };
  return {
    detail,
    record,
    sessions: list.map((s) => ({
      id: s.id,
      nameZh: s.nameZh,
      nameEn: s.nameEn,
      date: s.date,
      startTime: s.startTime,
      endTime: s.endTime,
      capacity: s.capacity,
      priceFen: s.price,
      active: s.cancelled === null,
    })),
    fingerprint: ((print?.results[0] as { v: string } | undefined)?.v ?? "") as string,
  };
}

export async function eventDetail(d1: D1Database, slug: string): Promise<EventDetail | null> {
  return (await eventNow(d1, slug))?.detail ?? null;
}
