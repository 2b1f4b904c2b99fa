import { auditStatement } from "../db/audit";
import type { BookingStatus, EventStatus } from "../db/schema";
import { guard } from "../lib/constraints";
import type { Lang } from "../lib/lang";
import { message } from "../lib/messages";
import { normalisePhone } from "../lib/phone";
import { enqueue } from "../messages/outbox";
import type { BookingRow } from "./queries";
import { releaseStatements } from "./release";

/**
 * What a change to a festival event means for the people booked on its sessions.
 * Called by the content import (session-import.ts) and by county staff in the dashboard
 * (functions/events/), with the NEW state of one event and its sessions: it compares that with D1 and
 * returns the statements of ONE batch, so the sessions, the bookings, the guests'
 * messages and the audit entries change together or not at all. Run again on the
 * same state, it finds nothing to do and returns no statements.
 */

export interface EventState {
  slug: string;
  status: EventStatus;
  /** Why it was called off, put off or moved, in each language ("" when not said). */
  reason: Record<Lang, string>;
}

export interface SessionState {
  id: string;
  nameZh: string;
  nameEn: string;
  date: string;
  startTime: string;
  endTime: string;
  capacity: number;
  priceFen: number;
  /** False when staff called this one session off while the event goes ahead: its bookings are cancelled too. */
  active?: boolean;
}

export interface ChangeOptions {
  /** The staff member making the change, or null for the content import. */
  actorId?: number | null;
  /**
   * Staff set capacity exactly: below the places booked, the CHECK on activity_slots
   * refuses the whole batch. The content import keeps the booked places instead.
   */
  exactCapacity?: boolean;
}

/** Statuses whose sessions still take place (and take bookings). */
const GOING_AHEAD: readonly EventStatus[] = ["scheduled", "tentative", "rescheduled"];
/** Bookings that still expect to come: what a called-off event cancels and a moved session moves. */
const LIVE: readonly BookingStatus[] = ["confirmed", "held"];
/** The reason's length in a text message (one SMS: 70 Chinese or 160 Latin characters); the booking page shows it whole. */
const SMS_REASON: Record<Lang, number> = { "zh-CN": 24, en: 60 };

interface SlotRow {
  id: string;
  event_slug: string;
  name_zh: string;
  name_en: string;
  date: string;
  start_time: string;
  end_time: string;
  capacity: number;
  booked: number;
  price_fen: number;
  active: number;
}

export interface SessionChanges {
  statements: D1PreparedStatement[];
  /** Bookings the change cancels, and bookings it moves to a new date or time. */
  cancelled: number;
  moved: number;
  /** Text messages queued: one per guest (phone) told. */
  messages: number;
}

async function readNow(d1: D1Database, ids: string[]) {
  const list = JSON.stringify(ids);
  const [slots, bookings] = await d1.batch([
    d1.prepare("SELECT * FROM activity_slots WHERE id IN (SELECT value FROM json_each(?))").bind(list),
    d1
      .prepare(
        `SELECT * FROM bookings WHERE slot_id IN (SELECT value FROM json_each(?))
           AND status IN (${LIVE.map(() => "?").join(", ")}) ORDER BY id`,
      )
      .bind(list, ...LIVE),
  ]);
  return {
    slots: new Map(((slots?.results ?? []) as SlotRow[]).map((s) => [s.id, s])),
    bookings: (bookings?.results ?? []) as BookingRow[],
  };
}

const guestLang = (b: BookingRow): Lang => (b.lang === "en" ? "en" : "zh-CN");

/** The event's words in the guest's language, else the other one, else a plain statement of what happened. */
function reasonFor(event: EventState, lang: Lang, sessionAlone = false): string {
  const other: Lang = lang === "en" ? "zh-CN" : "en";
  const said = event.reason[lang].trim() || event.reason[other].trim();
  if (said) return said;
  if (sessionAlone) return message(lang, "sessions.sessionCancelled");
  return message(lang, event.status === "postponed" ? "sessions.postponed" : "sessions.cancelled");
}

const short = (text: string, lang: Lang) => {
  const line = text.replace(/\s+/g, " ");
  const max = SMS_REASON[lang];
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

function slotDiffers(
  now: SlotRow | undefined,
  s: SessionState,
  event: EventState,
  active: boolean,
  exactCapacity: boolean,
): boolean {
  if (!now) return true;
  return (
    now.event_slug !== event.slug ||
    now.name_zh !== s.nameZh ||
    now.name_en !== s.nameEn ||
    now.date !== s.date ||
    now.start_time !== s.startTime ||
    now.end_time !== s.endTime ||
    now.price_fen !== s.priceFen ||
    Boolean(now.active) !== active ||
    now.capacity !== (exactCapacity ? s.capacity : Math.max(s.capacity, now.booked))
  );
}

/**
 * Capacity never drops below the places already booked (after this batch's releases):
 * the import keeps the booked places, a staff change (`exact`) meets the CHECK.
 */
function upsertSlot(d1: D1Database, s: SessionState, event: EventState, active: boolean, exact: boolean) {
  const capacity = exact ? "excluded.capacity" : "max(excluded.capacity, activity_slots.booked)";
  return d1
    .prepare(
      `INSERT INTO activity_slots (id, event_slug, name_zh, name_en, date, start_time, end_time, capacity, price_fen, active)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET event_slug = excluded.event_slug, name_zh = excluded.name_zh,
         name_en = excluded.name_en, date = excluded.date, start_time = excluded.start_time,
         end_time = excluded.end_time, capacity = ${capacity},
         price_fen = excluded.price_fen, active = excluded.active`,
    )
    .bind(s.id, event.slug, s.nameZh, s.nameEn, s.date, s.startTime, s.endTime, s.capacity, s.priceFen, active ? 1 : 0);
}

const bookingJson = (id: number) => ({
  sql: "SELECT json_object('status', status, 'checkIn', check_in) FROM bookings WHERE id = ?",
  params: [id],
});

/** The booking is still live on the day it was read: otherwise the batch is refused and the change planned again. */
function stillAsRead(d1: D1Database, b: BookingRow) {
  return guard(
    d1,
    `NOT EXISTS (SELECT 1 FROM bookings WHERE id = ? AND check_in = ? AND status IN (${LIVE.map(() => "?").join(", ")}))`,
    b.id,
    b.check_in,
    ...LIVE,
  );
}

/** The session is still on the day and time it was read: a second run planned meanwhile (same time moved) is refused. */
function sessionAsRead(d1: D1Database, was: SlotRow) {
  return guard(
    d1,
    "NOT EXISTS (SELECT 1 FROM activity_slots WHERE id = ? AND date = ? AND start_time = ?)",
    was.id,
    was.date,
    was.start_time,
  );
}

function cancelStatements(
  d1: D1Database,
  b: BookingRow,
  event: EventState,
  actorId: number | null,
  sessionAlone: boolean,
) {
  const reason = reasonFor(event, guestLang(b), sessionAlone);
  // releaseStatements refuses the batch itself when the booking is no longer live.
  return [
    auditStatement(d1, {
      actorId,
      action: "booking.event_cancelled",
      targetType: "booking",
      targetId: b.reference,
      beforeSql: bookingJson(b.id),
      after: {
        status: "cancelled",
        event: event.slug,
        eventStatus: event.status,
        ...(sessionAlone ? { session: b.slot_id } : {}),
        reason,
      },
    }),
    ...releaseStatements(d1, b, { from: LIVE, by: "campsite", reason }),
  ];
}

function moveStatements(d1: D1Database, b: BookingRow, s: SessionState, actorId: number | null) {
  return [
    stillAsRead(d1, b),
    auditStatement(d1, {
      actorId,
      action: "booking.session_moved",
      targetType: "booking",
      targetId: b.reference,
      beforeSql: bookingJson(b.id),
      after: { checkIn: s.date, startTime: s.startTime, freeCancelUntil: s.date },
    }),
    d1
      .prepare(
        `UPDATE bookings SET check_in = ?, free_cancel_until = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
         WHERE id = ?`,
      )
      .bind(s.date, s.date, b.id),
  ];
}

/** One text per guest: bookings of one phone share a message, about the first of them. */
function tellGuests(
  d1: D1Database,
  told: { booking: BookingRow; kind: string; params: Record<string, string> }[],
): D1PreparedStatement[] {
  const seen = new Set<string>();
  return told.flatMap(({ booking: b, kind, params }) => {
    const phone = normalisePhone(b.contact_phone);
    if (!phone || seen.has(phone)) return [];
    seen.add(phone);
    return enqueue(d1, {
      channel: "sms",
      recipient: b.contact_phone,
      kind,
      lang: guestLang(b),
      params: { reference: b.reference, about: "booking", ...params },
      bookingId: b.id,
    });
  });
}

/**
 * The batch that brings one event's sessions and their bookings to `sessions`:
 * sessions written (capacity never below booked), a called-off or put-off event's
 * live bookings cancelled with its reason and their places released (so are those of
 * a session called off alone), a moved session's bookings moved and free to cancel up
 * to the new day, one text per guest.
 */
export async function sessionChanges(
  d1: D1Database,
  event: EventState,
  sessions: SessionState[],
  options: ChangeOptions = {},
): Promise<SessionChanges> {
  const actorId = options.actorId ?? null;
  const exact = options.exactCapacity === true;
  const now = await readNow(
    d1,
    sessions.map((s) => s.id),
  );
  const goingAhead = GOING_AHEAD.includes(event.status);
  const offered = (s: SessionState) => goingAhead && s.active !== false;
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const touched: D1PreparedStatement[] = [];
  const told: Parameters<typeof tellGuests>[1] = [];
  const guarded = new Set<string>();
  let cancelled = 0;
  let moved = 0;
  for (const b of now.bookings) {
    const s = byId.get(b.slot_id ?? "");
    if (!s) continue;
    if (!offered(s)) {
      touched.push(...cancelStatements(d1, b, event, actorId, goingAhead));
      const kind = goingAhead
        ? "session-cancelled"
        : event.status === "postponed"
          ? "event-postponed"
          : "event-cancelled";
      const reason = short(reasonFor(event, guestLang(b), goingAhead), guestLang(b));
      told.push({ booking: b, kind, params: { reason } });
      cancelled++;
      continue;
    }
    const was = now.slots.get(s.id);
    // A booking whose day differs from its session's is moved too: sessions moved before this rule kept stale days.
    if (b.check_in !== s.date || (was && was.start_time !== s.startTime)) {
      if (was && !guarded.has(s.id)) {
        guarded.add(s.id);
        touched.push(sessionAsRead(d1, was));
      }
      touched.push(...moveStatements(d1, b, s, actorId));
      told.push({ booking: b, kind: "session-moved", params: { date: s.date, time: s.startTime } });
      moved++;
    }
  }
  const slots = sessions
    .filter((s) => slotDiffers(now.slots.get(s.id), s, event, offered(s), exact))
    .map((s) => upsertSlot(d1, s, event, offered(s), exact));
  const messages = tellGuests(d1, told);
  // Releases run before the session rows, so a capacity cut meets the places actually left booked.
  return { statements: [...touched, ...slots, ...messages], cancelled, moved, messages: messages.length };
}

/** How many bookings a change would cancel or move, for staff to see before they publish it. Writes nothing. */
export async function bookingsTouched(d1: D1Database, event: EventState, sessions: SessionState[]) {
  const { cancelled, moved, messages } = await sessionChanges(d1, event, sessions);
  return { cancelled, moved, guests: messages };
}
