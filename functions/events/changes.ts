import { conflictProblem, fieldProblem, notFoundProblem } from "../accounts/problems";
import type { SessionAccount } from "../accounts/sessions";
import { managedStatement } from "../bookings/event-states";
import { bookingsTouched, type EventState, type SessionState, sessionChanges } from "../bookings/session-changes";
import { type AuditEntry, auditedBatch } from "../db/audit";
import type { EventStatus } from "../db/schema";
import { GUARD, guard, violated } from "../lib/constraints";
import { todayInCounty } from "../lib/dates";
import { type EventNow, eventNow, FINGERPRINT_SQL } from "./queries";
import type { CancelSessionInput, SessionEditInput, SessionInput, StatusInput } from "./schema";

/**
 * What county staff change about a festival event from the dashboard: add, edit or
 * cancel one session, or change the event's status. Each change is ONE batch built
 * around sessionChanges (bookings/session-changes.ts, the rule the content import uses):
 * a guard that the event is as staff saw it, its audit entry, the mark that takes the
 * event over from content (so the import leaves it alone from now on), and what
 * sessionChanges returns (sessions, cancelled or moved bookings, one text per guest).
 * Capacity below the places booked is refused by activity_slots' CHECK inside the
 * batch, however a booking races the change.
 *
 * Who: the county office (admin) and the agencies' editors and reviewers. Events name
 * their organiser in words only (content/events front matter `organizer.name`), not an
 * agency of content/taxonomy, so no event belongs to one agency and every editor and
 * reviewer may manage every event's sessions.
 */

type Staff = Pick<SessionAccount, "id">;

export interface Applied {
  /** Bookings cancelled and moved by the change, and guests texted. */
  cancelled: number;
  moved: number;
  messages: number;
}

const NOTHING: Applied = { cancelled: 0, moved: 0, messages: 0 };

async function found(d1: D1Database, slug: string): Promise<EventNow> {
  const now = await eventNow(d1, slug);
  if (!now) throw notFoundProblem();
  return now;
}

function sessionOf(now: EventNow, id: string): SessionState {
  const s = now.sessions.find((x) => x.id === id);
  if (!s) throw notFoundProblem();
  return s;
}

/** Refuses the batch when the event's status, reasons or any session changed since staff read them. */
const asRead = (d1: D1Database, now: EventNow) =>
  guard(d1, `(${FINGERPRINT_SQL}) IS NOT ?2`, now.detail.slug, now.fingerprint);

const eventState = (now: EventNow): EventState => ({
  slug: now.detail.slug,
  status: now.detail.status,
  reason: now.detail.reason,
});

const sessionJson = (id: string) => ({
  sql: `SELECT json_object('date', date, 'startTime', start_time, 'endTime', end_time, 'capacity', capacity,
          'priceFen', price_fen, 'nameZh', name_zh, 'nameEn', name_en, 'active', json(CASE active WHEN 1 THEN 'true' ELSE 'false' END))
        FROM activity_slots WHERE id = ?`,
  params: [id],
});

interface Plan {
  /** The state sessionChanges brings the event to (for a session cancelled alone: its reasons). */
  event: EventState;
  /** The event's status and reason as the record keeps them afterwards. */
  keep: EventState;
  sessions: SessionState[];
  entry: AuditEntry;
  extra?: D1PreparedStatement[];
  /** The session whose capacity a refusal names. */
  sessionId?: string;
}

async function apply(d1: D1Database, account: Staff, now: EventNow, plan: Plan): Promise<Applied> {
  const change = await sessionChanges(d1, plan.event, plan.sessions, { actorId: account.id, exactCapacity: true });
  const same =
    plan.keep.status === now.detail.status &&
    plan.keep.reason["zh-CN"] === now.detail.reason["zh-CN"] &&
    plan.keep.reason.en === now.detail.reason.en;
  // Sent again unchanged (a reload, a second click): nothing to write or audit.
  if (same && change.statements.length === 0 && !plan.extra?.length) return NOTHING;
  try {
    await auditedBatch(
      d1,
      plan.entry,
      [managedStatement(d1, plan.keep, account.id), ...(plan.extra ?? []), ...change.statements],
      [asRead(d1, now)],
    );
  } catch (error) {
    throw await refusal(d1, error, plan.sessionId);
  }
  return { cancelled: change.cancelled, moved: change.moved, messages: change.messages };
}

/** The 409 a refused batch deserves, or the error itself. */
async function refusal(d1: D1Database, error: unknown, sessionId: string | undefined) {
  if (violated(error, "activity_slots_capacity")) {
    const booked = sessionId
      ? await d1.prepare("SELECT booked FROM activity_slots WHERE id = ?").bind(sessionId).first<number>("booked")
      : null;
    return conflictProblem("below-booked", "events.belowBooked", { booked: booked ?? 0 }, { booked: booked ?? 0 });
  }
  if (violated(error, GUARD, "session_cancellations"))
    return conflictProblem("changed-meanwhile", "events.changedMeanwhile");
  return error;
}

function notPast(date: string | undefined, field: string, today: string) {
  if (date !== undefined && date < today) throw fieldProblem(field, "events.datePast");
}

/** A new id for a session added in the dashboard: the event's name first, as content's ids. */
function newSessionId(slug: string): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `${slug}-${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("")}`;
}

const withoutId = ({ id: _, ...rest }: SessionState) => rest;

export async function addSession(
  d1: D1Database,
  account: Staff,
  slug: string,
  input: SessionInput,
  today = todayInCounty(),
): Promise<{ id: string } & Applied> {
  const now = await found(d1, slug);
  notPast(input.date, "date", today);
  const id = newSessionId(slug);
  const session: SessionState = {
    id,
    nameZh: input.nameZh,
    nameEn: input.nameEn,
    date: input.date,
    startTime: input.startTime,
    endTime: input.endTime,
    capacity: input.capacity,
    priceFen: input.priceYuan,
  };
  const applied = await apply(d1, account, now, {
    event: eventState(now),
    keep: eventState(now),
    sessions: [...now.sessions, session],
    entry: {
      actorId: account.id,
      action: "event.session_added",
      targetType: "activity_slot",
      targetId: id,
      after: { event: slug, ...withoutId(session) },
    },
  });
  return { id, ...applied };
}

export async function editSession(
  d1: D1Database,
  account: Staff,
  slug: string,
  id: string,
  input: SessionEditInput,
  today = todayInCounty(),
): Promise<Applied> {
  const now = await found(d1, slug);
  const was = sessionOf(now, id);
  if (was.active === false) throw conflictProblem("session-cancelled", "events.sessionIsCancelled");
  const next: SessionState = {
    ...was,
    nameZh: input.nameZh ?? was.nameZh,
    nameEn: input.nameEn ?? was.nameEn,
    date: input.date ?? was.date,
    startTime: input.startTime ?? was.startTime,
    endTime: input.endTime ?? was.endTime,
    capacity: input.capacity ?? was.capacity,
    priceFen: input.priceYuan ?? was.priceFen,
  };
  if (next.date !== was.date) notPast(next.date, "date", today);
  if (next.endTime <= next.startTime) throw fieldProblem("endTime", "events.endBeforeStart");
  const changed = Object.fromEntries(
    (Object.keys(next) as (keyof SessionState)[]).filter((k) => next[k] !== was[k]).map((k) => [k, next[k]]),
  );
  return apply(d1, account, now, {
    event: eventState(now),
    keep: eventState(now),
    sessions: now.sessions.map((s) => (s.id === id ? next : s)),
    sessionId: id,
    entry: {
      actorId: account.id,
      action: "event.session_changed",
      targetType: "activity_slot",
      targetId: id,
      beforeSql: sessionJson(id),
      after: changed,
    },
  });
}

export async function cancelSession(
  d1: D1Database,
  account: Staff,
  slug: string,
  id: string,
  input: CancelSessionInput,
): Promise<Applied> {
  const now = await found(d1, slug);
  const was = sessionOf(now, id);
  if (was.active === false) throw conflictProblem("session-cancelled", "events.sessionIsCancelled");
  return apply(d1, account, now, {
    // The guests of this session are told the reasons staff gave for it.
    event: { ...eventState(now), reason: { "zh-CN": input.reasonZh, en: input.reasonEn } },
    keep: eventState(now),
    sessions: now.sessions.map((s) => (s.id === id ? { ...s, active: false } : s)),
    extra: [
      d1
        .prepare("INSERT INTO session_cancellations (slot_id, reason_zh, reason_en, cancelled_by) VALUES (?, ?, ?, ?)")
        .bind(id, input.reasonZh, input.reasonEn, account.id),
    ],
    entry: {
      actorId: account.id,
      action: "event.session_cancelled",
      targetType: "activity_slot",
      targetId: id,
      beforeSql: sessionJson(id),
      after: { active: false, reasonZh: input.reasonZh, reasonEn: input.reasonEn },
    },
  });
}

type Moves = NonNullable<StatusInput["sessions"]>;

/** The event's sessions with the new days and times of `moves`; an unknown session is a 400 on its field. */
function moved(now: EventNow, moves: Moves, today: string): SessionState[] {
  const byId = new Map(moves.map((m, i) => [m.id, { ...m, i }]));
  moves.forEach((m, i) => {
    const s = now.sessions.find((x) => x.id === m.id);
    if (!s) throw fieldProblem(`sessions.${i}.id`, "events.unknownSession");
    if (m.date !== s.date) notPast(m.date, `sessions.${i}.date`, today);
  });
  return now.sessions.map((s) => {
    const m = byId.get(s.id);
    return m ? { ...s, date: m.date, startTime: m.startTime, endTime: m.endTime } : s;
  });
}

export async function changeStatus(
  d1: D1Database,
  account: Staff,
  slug: string,
  input: StatusInput,
  today = todayInCounty(),
): Promise<Applied> {
  const now = await found(d1, slug);
  const sessions = moved(now, input.sessions ?? [], today);
  const next: EventState = {
    slug,
    status: input.status,
    reason: { "zh-CN": input.reasonZh ?? "", en: input.reasonEn ?? "" },
  };
  return apply(d1, account, now, {
    event: next,
    keep: next,
    sessions,
    entry: {
      actorId: account.id,
      action: "event.status",
      targetType: "event",
      targetId: slug,
      before: { status: now.detail.status, reasonZh: now.detail.reason["zh-CN"], reasonEn: now.detail.reason.en },
      after: {
        status: next.status,
        reasonZh: next.reason["zh-CN"],
        reasonEn: next.reason.en,
        ...(input.sessions?.length ? { sessions: input.sessions.map((m) => m.id) } : {}),
      },
    },
  });
}

export interface Impact {
  status: EventStatus;
  /** Bookings the change would cancel and move, and the guests (phones) it would text. */
  cancelled: number;
  moved: number;
  guests: number;
}

/** What changing the event to `status` (and moving `moves`) would do to its bookings. Writes nothing. */
export async function statusImpact(
  d1: D1Database,
  slug: string,
  status: EventStatus,
  moves: Moves = [],
  today = todayInCounty(),
): Promise<Impact> {
  const now = await found(d1, slug);
  const touched = await bookingsTouched(d1, { ...eventState(now), status }, moved(now, moves, today));
  return { status, ...touched };
}
