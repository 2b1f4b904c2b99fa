import { z } from "zod";
import { EVENT_STATUSES, type EventStatus } from "../db/schema";
import { IsoDate, priceYuan, singleLine } from "../lib/fields";
import { LANGS } from "../lib/lang";

/**
 * Request shapes for staff changing festival events' sessions and status: one schema
 * each for the JSON API, the no-JS forms, the OpenAPI document and the tests. Messages
 * are keys of functions/lib/event-messages.ts, said in the person's language.
 */

/** Statuses that change what guests booked: staff say why, in both languages, for their texts. */
const REASON_NEEDED: readonly EventStatus[] = ["postponed", "cancelled", "rescheduled"];

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const time = z.string({ error: "dash.time" }).trim().regex(TIME, { error: "dash.time" });
const capacity = z.coerce
  .number({ error: "events.capacity" })
  .int({ error: "events.capacity" })
  .min(1, { error: "events.capacity" })
  .max(10_000, { error: "events.capacity" });
const nameZh = singleLine({ error: "events.sessionNameZh" })
  .min(1, { error: "events.sessionNameZh" })
  .max(60, { error: "events.sessionNameZh" });
const nameEn = singleLine({ error: "events.sessionNameEn" })
  .min(1, { error: "events.sessionNameEn" })
  .max(80, { error: "events.sessionNameEn" });
const reason = (key: "events.reasonZh" | "events.reasonEn") =>
  singleLine({ error: key }).min(2, { error: key }).max(200, { error: key });

export const EventParam = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,96}$/) });
export const SessionParam = EventParam.extend({ id: z.string().min(1).max(120) });

const endsAfterStart = (s: { startTime?: string | undefined; endTime?: string | undefined }) =>
  !s.startTime || !s.endTime || s.endTime > s.startTime;

export const SessionRequest = z
  .object({
    nameZh,
    nameEn,
    date: IsoDate,
    startTime: time,
    endTime: time,
    capacity,
    /** Per place, in yuan as people write it ("30", "30.50"); 0 when free but places are limited. */
    priceYuan,
  })
  .refine(endsAfterStart, { error: "events.endBeforeStart", path: ["endTime"] });
export type SessionInput = z.output<typeof SessionRequest>;

/** What changes; a field left out (or empty in a form) keeps its value. */
export const SessionEditRequest = z
  .object({
    nameZh: nameZh.optional(),
    nameEn: nameEn.optional(),
    date: IsoDate.optional(),
    startTime: time.optional(),
    endTime: time.optional(),
    capacity: capacity.optional(),
    priceYuan: priceYuan.optional(),
  })
  .refine(endsAfterStart, { error: "events.endBeforeStart", path: ["endTime"] });
export type SessionEditInput = z.output<typeof SessionEditRequest>;

export const CancelSessionRequest = z.object({
  reasonZh: reason("events.reasonZh"),
  reasonEn: reason("events.reasonEn"),
});
export type CancelSessionInput = z.output<typeof CancelSessionRequest>;

const MovedSession = z
  .object({
    id: z.string({ error: "events.unknownSession" }).min(1).max(120),
    date: IsoDate,
    startTime: time,
    endTime: time,
  })
  .refine(endsAfterStart, { error: "events.endBeforeStart", path: ["endTime"] });

const status = z.enum(EVENT_STATUSES, { error: "events.status" });

export const StatusRequest = z
  .object({
    status,
    reasonZh: singleLine().max(200, { error: "events.reasonZh" }).optional(),
    reasonEn: singleLine().max(200, { error: "events.reasonEn" }).optional(),
    /** New day and times of sessions, when the event is rescheduled; their bookings move with them. */
    sessions: z.array(MovedSession).max(100).optional(),
  })
  .superRefine((r, ctx) => {
    if (REASON_NEEDED.includes(r.status)) {
      for (const [field, key] of [
        ["reasonZh", "events.reasonZh"],
        ["reasonEn", "events.reasonEn"],
      ] as const) {
        if ((r[field] ?? "").length < 2) ctx.addIssue({ code: "custom", path: [field], message: key });
      }
    }
    if (r.sessions?.length && r.status !== "rescheduled") {
      ctx.addIssue({ code: "custom", path: ["sessions"], message: "events.sessionsOnlyRescheduled" });
    }
    const seen = new Set<string>();
    r.sessions?.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: "custom", path: ["sessions", i, "id"], message: "events.sessionTwice" });
      seen.add(s.id);
    });
  });
export type StatusInput = z.output<typeof StatusRequest>;

export const ImpactQuery = z.object({ status, lang: z.enum(LANGS).optional() });
