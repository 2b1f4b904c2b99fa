import { z } from "zod";

/**
 * Front matter of one language version of an event: content/events/<slug>/<lang>.md.
 * Times are wall-clock times in the county's time zone (county.config.ts), never
 * with an offset: editors write what the poster says. Facts (dates, status, places,
 * slots) must agree between the language versions; load-time checks enforce that.
 * The dashboard's event editor checks its editions with this same schema; messages are
 * message keys (lib/event-field-messages.ts): English in the build, the person's
 * language in the API.
 */

export const EVENT_STATUSES = ["scheduled", "tentative", "postponed", "rescheduled", "cancelled"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
export const SLOT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function realDate(value: string): boolean {
  const [y, m, d] = value.slice(0, 10).split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * YAML reads an unquoted 2027-03-20 as a Date at UTC midnight; turn it back into
 * the day the editor wrote. A YAML timestamp with a time may carry an offset that
 * is already lost, so it is refused rather than guessed.
 */
function fromYamlDate(value: unknown): unknown {
  if (!(value instanceof Date)) return value;
  const iso = value.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : `${iso} (write times as "2027-03-20T09:30")`;
}

const calendarDate = z.preprocess(
  fromYamlDate,
  z.string().regex(DATE, { error: "eventField.date" }).refine(realDate, { error: "eventField.noSuchDay" }),
);

/** A day (all-day) or a day and time ("2027-03-20T09:30", a space also works). */
const dayOrTime = z.preprocess(
  (value) => {
    const v = fromYamlDate(value);
    return typeof v === "string" ? v.trim().replace(" ", "T") : v;
  },
  z
    .string()
    .refine((v) => DATE.test(v) || DATE_TIME.test(v), { error: "eventField.dayOrTime" })
    .refine(realDate, { error: "eventField.noSuchDay" })
    .refine((v) => v.length === 10 || TIME.test(v.slice(11)), { error: "eventField.noSuchTime" }),
);

const clock = z.string().regex(TIME, { error: "eventField.clock" });
const text = z.string().trim().min(1, { error: "eventField.empty" });
const fen = z
  .number({ error: "eventField.fen" })
  .int({ error: "eventField.fen" })
  .nonnegative({ error: "eventField.fen" });

const programmeItem = z.object({
  /** Defaults to the first day of the event. */
  date: calendarDate.optional(),
  start: clock,
  end: clock.optional(),
  title: text,
  place: text.optional(),
});

const venueSchema = z.object({
  name: text,
  /** Township and village, or town. */
  area: text,
  address: text,
  /** How to get there, in words: road, landmarks, parking, bus. */
  directions: text,
  /** WGS 84, as GPS, OpenStreetMap and schema.org use; the Amap link converts. */
  latitude: z
    .number({ error: "eventField.latitude" })
    .min(-90, { error: "eventField.latitude" })
    .max(90, { error: "eventField.latitude" }),
  longitude: z
    .number({ error: "eventField.longitude" })
    .min(-180, { error: "eventField.longitude" })
    .max(180, { error: "eventField.longitude" }),
});
export type Venue = z.output<typeof venueSchema>;

const activitySlot = z.object({
  /** Stable: bookings refer to it. Starts with the event's folder name. */
  id: z.string().regex(SLOT_ID, { error: "eventField.slotId" }),
  date: calendarDate,
  start: clock,
  end: clock,
  capacity: z
    .number({ error: "eventField.capacity" })
    .int({ error: "eventField.capacity" })
    .positive({ error: "eventField.capacity" }),
  /** Integer fen per person; 0 when free but places are limited. */
  price: fen,
  title: text,
});

export const eventSchema = z
  .object({
    title: text,
    summary: text.max(300, { error: "eventField.summaryLong" }),
    /** All-day: "2027-03-20" (end is the last day, inclusive). Timed: "2027-03-20T09:30". */
    start: dayOrTime,
    end: dayOrTime,
    status: z.enum(EVENT_STATUSES, { error: "eventField.status" }).default("scheduled"),
    /** Said next to the status, e.g. "dates depend on the bloom". */
    statusNote: text.optional(),
    /** Earlier start(s), oldest first; required when the status is "rescheduled". */
    previousStart: z
      .union([dayOrTime, z.array(dayOrTime)])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
    /** When this information last changed (calendar apps use it to pick the newest copy). */
    updated: calendarDate,
    /**
     * Where it happens, when the place is not a campsite. At a campsite, write
     * `place: <campsite>` instead: name, address, directions and coordinates then
     * come from content/campsites, so one place never has two of them.
     */
    venue: venueSchema.optional(),
    /** The campsite (its `site` key in content/campsites) the event takes place at. */
    place: z.string().regex(SLOT_ID, { error: "eventField.place" }).optional(),
    organizer: z.object({
      name: text,
      url: z.url({ error: "eventField.url" }).optional(),
      phone: z
        .string()
        .regex(/^[0-9+\- ]{5,20}$/, { error: "eventField.phone" })
        .optional(),
    }),
    /** Entry price in integer fen, or "free". */
    price: z.union([z.literal("free"), fen.positive({ error: "eventField.freeNotZero" })], { error: "eventField.fen" }),
    priceNote: text.optional(),
    programme: z.array(programmeItem).default([]),
    slots: z.array(activitySlot).default([]),
    /** Ids of entries in the notices collection. */
    relatedNotices: z.array(z.string()).default([]),
  })
  .superRefine(
    (event, ctx) => {
      const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
      const allDay = event.start.length === 10;
      if (allDay !== (event.end.length === 10)) {
        problem(["end"], "eventField.allDayMix");
      } else if (allDay ? event.end < event.start : event.end <= event.start) {
        problem(["end"], "eventField.endBeforeStart");
      }
      if ((event.venue === undefined) === (event.place === undefined)) {
        problem(["place"], "eventField.placeOrVenue");
      }
      if (event.status === "rescheduled" && event.previousStart.length === 0) {
        problem(["previousStart"], "eventField.needsPrevious");
      }
      const first = event.start.slice(0, 10);
      const last = event.end.slice(0, 10);
      const outside = (day: string) => day < first || day > last;
      event.programme.forEach((item, i) => {
        if (item.date && outside(item.date)) problem(["programme", i, "date"], "eventField.outsideEvent");
        if (item.end && item.end <= item.start) problem(["programme", i, "end"], "eventField.itemEnds");
      });
      const seen = new Set<string>();
      event.slots.forEach((slot, i) => {
        if (outside(slot.date)) problem(["slots", i, "date"], "eventField.outsideEvent");
        if (slot.end <= slot.start) problem(["slots", i, "end"], "eventField.itemEnds");
        if (seen.has(slot.id)) problem(["slots", i, "id"], "eventField.slotTwice");
        seen.add(slot.id);
      });
      // Cross-field checks only once each field is valid, so the editor sees the cause, not its echoes.
    },
    { when: (payload) => payload.issues.length === 0 },
  );

/** Front matter as written: a campsite `place` or an inline `venue`. */
export type EventFrontMatter = z.output<typeof eventSchema>;
/** An event as pages use it: the venue resolved from its campsite when it names one (places.ts). */
export type EventData = Omit<EventFrontMatter, "venue"> & { venue: Venue };
export type ProgrammeItem = EventData["programme"][number];
export type ActivitySlotData = EventData["slots"][number];

/** The parts of an event that are the same in every language version (the build refuses versions that differ). */
export function eventFacts(data: EventFrontMatter) {
  return {
    start: data.start,
    end: data.end,
    status: data.status,
    previousStart: data.previousStart,
    updated: data.updated,
    place: data.place,
    venue: data.venue ? { latitude: data.venue.latitude, longitude: data.venue.longitude } : undefined,
    price: data.price,
    programme: data.programme.map(({ date, start, end }) => ({ date, start, end })),
    slots: data.slots.map(({ title: _title, ...rest }) => rest),
    relatedNotices: data.relatedNotices,
  };
}
