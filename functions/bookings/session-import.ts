import { z } from "zod";
import { county } from "../../county.config";
import { EVENT_STATUSES } from "../db/schema";
import { GUARD, violated } from "../lib/constraints";
import type { Lang } from "../lib/lang";
import { contentStatements, eventRecord, eventRecords, stillFromContent } from "./event-states";
import { type EventState, type SessionState, sessionChanges } from "./session-changes";

/**
 * The content import of activity sessions: the build publishes the sessions of
 * content/events as /events/slots.json (src/pages/events/slots.json.ts); the Worker
 * reads that file from its own assets on the minute cron and brings D1 to it, one
 * event per batch, through sessionChanges (the rule the dashboard's event changes call
 * too). An event county staff have taken over in the dashboard (event-states.ts) is left
 * alone, so a content file never undoes their changes. `npm run slots:sync` asks the
 * Worker to run it now.
 */

/** The cron name under which the import runs alone (scripts/sync-slots.mjs). */
export const SESSIONS_IMPORT = "sessions-import";

const text = z.string().max(2000);
const ImportedSlot = z.object({
  id: z.string().min(1).max(120),
  event: z.string().regex(/^[a-z0-9-]{1,96}$/),
  eventStatus: z.enum(EVENT_STATUSES),
  date: z.iso.date(),
  start: z.string().regex(/^\d{2}:\d{2}$/),
  end: z.string().regex(/^\d{2}:\d{2}$/),
  capacity: z.number().int().min(0),
  price: z.number().int().min(0),
  title: z.object({ "zh-CN": text, en: text }),
  eventNote: z.object({ "zh-CN": text, en: text }).default({ "zh-CN": "", en: "" }),
  eventTitle: z.object({ "zh-CN": text, en: text }).default({ "zh-CN": "", en: "" }),
});

export interface ImportResult {
  events: number;
  sessions: number;
  /** Events whose batch wrote something. */
  changedEvents: number;
  /** Events staff manage in the dashboard, which the import leaves alone. */
  skippedEvents: number;
  cancelled: number;
  moved: number;
  messages: number;
}

function byEvent(slots: z.output<typeof ImportedSlot>[]) {
  const events = new Map<string, { event: EventState; title: Record<Lang, string>; sessions: SessionState[] }>();
  for (const s of slots) {
    const entry = events.get(s.event) ?? {
      event: { slug: s.event, status: s.eventStatus, reason: s.eventNote },
      title: s.eventTitle,
      sessions: [],
    };
    entry.sessions.push({
      id: s.id,
      nameZh: s.title["zh-CN"],
      nameEn: s.title.en,
      date: s.date,
      startTime: s.start,
      endTime: s.end,
      capacity: s.capacity,
      priceFen: s.price,
    });
    events.set(s.event, entry);
  }
  return [...events.values()];
}

/** Brings D1 to these sessions. A second run on the same file writes and sends nothing. */
export async function importSessions(d1: D1Database, input: unknown): Promise<ImportResult> {
  const slots = z.array(ImportedSlot).parse(input);
  const result: ImportResult = {
    events: 0,
    sessions: slots.length,
    changedEvents: 0,
    skippedEvents: 0,
    cancelled: 0,
    moved: 0,
    messages: 0,
  };
  const failed: unknown[] = [];
  const recorded = await eventRecords(d1);
  for (const { event, title, sessions } of byEvent(slots)) {
    result.events++;
    const now = recorded.get(event.slug);
    if (now?.managedAt) {
      result.skippedEvents++;
      continue;
    }
    try {
      const change = await sessionChanges(d1, event, sessions);
      const state = contentStatements(d1, now, { ...event, title });
      if (change.statements.length === 0 && state.length === 0) continue;
      // Staff taking the event over while this was planned refuse the batch: the next run skips it.
      await d1.batch([stillFromContent(d1, event.slug), ...state, ...change.statements]);
      result.changedEvents++;
      result.cancelled += change.cancelled;
      result.moved += change.moved;
      result.messages += change.messages;
    } catch (error) {
      if (violated(error, GUARD) && (await eventRecord(d1, event.slug))?.managedAt) {
        result.skippedEvents++;
        continue;
      }
      // One event refused (a booking changed meanwhile) does not hold up the others; the next run retries it.
      failed.push(error);
    }
  }
  if (failed.length > 0) throw failed[0];
  return result;
}

/** The import from the Worker's own build (the assets binding); null when the build has no sessions file. */
export async function importSessionsFromAssets(env: { DB: D1Database; ASSETS?: Fetcher }) {
  if (!env.ASSETS) return null;
  const res = await env.ASSETS.fetch(new URL("/events/slots.json", county.siteUrl));
  if (!res.ok) return null;
  return importSessions(env.DB, await res.json());
}
