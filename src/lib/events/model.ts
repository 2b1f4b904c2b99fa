import { LANGS, type Lang } from "../../i18n";
import { type ActivitySlotData, type EventData, type EventStatus, eventFacts } from "./schema";

/** One language version of an event as the content collection gives it. */
export interface EventSource {
  id: string;
  filePath?: string | undefined;
  data: EventData;
}

/** An event with all its language versions, which agree on every fact. */
export interface CountyEvent<S extends EventSource = EventSource> {
  slug: string;
  versions: Partial<Record<Lang, S>>;
  /** The facts (dates, status, places, slots), from the first version in locale order. */
  data: EventData;
  allDay: boolean;
  firstDay: string;
  lastDay: string;
  /** RFC 5545 SEQUENCE: rises with every change calendar apps must not miss. */
  sequence: number;
}

export class EventContentError extends Error {}

// A file, or an edition published from the dashboard (src/collections/events.ts: editions/<id>/<slug>/<lang>).
const FILE = /(?:(?:^|\/)content\/events\/([^/]+)\/([^/]+)\.md|^editions\/\d+\/([^/]+)\/([^/]+))$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Folder names taken by pages and feeds under /events/. */
const RESERVED = new Set(["calendar"]);

function where(source: EventSource): string {
  return source.filePath ?? source.id;
}

function locate(source: EventSource): { slug: string; locale: Lang } {
  const match = FILE.exec(where(source));
  const slug = match?.[1] ?? match?.[3] ?? "";
  const name = match?.[2] ?? match?.[4] ?? "";
  if (!match || !SLUG.test(slug) || RESERVED.has(slug)) {
    throw new EventContentError(
      `${where(source)}: put each event in its own folder named with lower-case letters, digits and dashes (not "calendar"), e.g. content/events/spring-festival-2027/zh-CN.md`,
    );
  }
  const locale = LANGS.find((l) => l === name);
  if (!locale)
    throw new EventContentError(`${where(source)}: name the file after its language: ${LANGS.join(".md or ")}.md`);
  return { slug, locale };
}

/** Path and values of the first place where two values differ, or undefined. */
function difference(a: unknown, b: unknown, path = ""): [string, unknown, unknown] | undefined {
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object") {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const found = difference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        path ? `${path}.${key}` : key,
      );
      if (found) return found;
    }
    return undefined;
  }
  return a === b ? undefined : [path, a, b];
}

/**
 * SEQUENCE per RFC 5545 must rise whenever the dates or the status change in a way
 * an attendee must see. Counting two per earlier start and one for being off
 * (postponed or cancelled) makes every usual path rise: scheduled 0 -> postponed 1
 * -> rescheduled 2 -> cancelled 3.
 */
function sequenceOf(data: EventData): number {
  return 2 * data.previousStart.length + (data.status === "postponed" || data.status === "cancelled" ? 1 : 0);
}

/** Groups language versions into events; throws, naming the files, when facts disagree. */
export function groupEvents<S extends EventSource>(sources: S[]): CountyEvent<S>[] {
  const bySlug = new Map<string, Partial<Record<Lang, S>>>();
  for (const source of sources) {
    const { slug, locale } = locate(source);
    const versions = bySlug.get(slug) ?? {};
    versions[locale] = source;
    bySlug.set(slug, versions);
  }
  const slotOwner = new Map<string, string>();
  const events: CountyEvent<S>[] = [];
  for (const [slug, versions] of bySlug) {
    const present = LANGS.flatMap((l) => (versions[l] ? [versions[l]] : []));
    const [primary, ...others] = present as [S, ...S[]];
    for (const other of others) {
      const diff = difference(eventFacts(primary.data), eventFacts(other.data));
      if (diff) {
        const [field, a, b] = diff;
        throw new EventContentError(
          `${where(other)}: field "${field}" is ${JSON.stringify(b)} but ${where(primary)} says ${JSON.stringify(a)}; language versions must agree on the facts`,
        );
      }
    }
    primary.data.slots.forEach((slot, i) => {
      if (!slot.id.startsWith(`${slug}-`)) {
        throw new EventContentError(`${where(primary)}: field "slots.${i}.id" must start with "${slug}-"`);
      }
      const owner = slotOwner.get(slot.id);
      if (owner) throw new EventContentError(`${where(primary)}: slot id ${slot.id} is also used by ${owner}`);
      slotOwner.set(slot.id, slug);
    });
    const { data } = primary;
    events.push({
      slug,
      versions,
      data,
      allDay: data.start.length === 10,
      firstDay: data.start.slice(0, 10),
      lastDay: data.end.slice(0, 10),
      sequence: sequenceOf(data),
    });
  }
  return events.sort((a, b) => a.data.start.localeCompare(b.data.start) || a.slug.localeCompare(b.slug));
}

/** The version to show in a locale: its own, or the other language's with a note. */
export function versionFor<S extends EventSource>(event: CountyEvent<S>, locale: Lang) {
  const own = event.versions[locale];
  if (own) return { version: own, locale, translated: true as const };
  const other = LANGS.find((l) => event.versions[l]) as Lang;
  return { version: event.versions[other] as S, locale: other, translated: false as const };
}

/**
 * Over once its last day has passed. A postponed event has no date yet, so it stays
 * among the upcoming ones until the county gives it a new date or cancels it.
 */
export function isOver(event: CountyEvent, today: string): boolean {
  return event.data.status !== "postponed" && event.lastDay < today;
}

const GOING_AHEAD: readonly EventStatus[] = ["scheduled", "tentative", "rescheduled"];

/** Will take place: not called off, not put off, not over. */
export function goingAhead(event: CountyEvent, today: string): boolean {
  return GOING_AHEAD.includes(event.data.status) && !isOver(event, today);
}

/** Only events that will take place may invite people to register or book. */
export function bookingOpen(event: CountyEvent, today: string): boolean {
  return goingAhead(event, today);
}

export function slotBookable(event: CountyEvent, slot: ActivitySlotData, today: string): boolean {
  return bookingOpen(event, today) && slot.date >= today;
}

export function splitByDate<E extends CountyEvent>(events: E[], today: string): { upcoming: E[]; past: E[] } {
  const upcoming = events.filter((e) => !isOver(e, today));
  const past = events.filter((e) => isOver(e, today)).reverse();
  return { upcoming, past };
}

/** Events taking place on a day (multi-day events appear on each of their days). */
export function eventsOn<E extends CountyEvent>(events: E[], day: string): E[] {
  return events.filter((e) => e.firstDay <= day && day <= e.lastDay);
}

/** A timed activity people can book a place on, as the booking engine loads it. */
export interface ActivitySlot {
  id: string;
  /** The event's folder name (and address under /events/). */
  event: string;
  eventStatus: EventStatus;
  /** Day and times in the county's time zone. */
  date: string;
  start: string;
  end: string;
  capacity: number;
  /** Integer fen per person. */
  price: number;
  title: Record<Lang, string>;
  /** The event's statusNote in each language ("" when it has none). */
  eventNote: Record<Lang, string>;
  /** The event's title in each language, for the dashboard's list of events. */
  eventTitle: Record<Lang, string>;
}

/** Every activity slot of every event, for loading into the booking database. */
export function listActivitySlots(events: CountyEvent[]): ActivitySlot[] {
  return events.flatMap((event) =>
    event.data.slots.map((slot, i) => {
      const title = (locale: Lang) => versionFor(event, locale).version.data.slots[i]?.title ?? slot.title;
      const note = (locale: Lang) => versionFor(event, locale).version.data.statusNote ?? "";
      const eventTitle = (locale: Lang) => versionFor(event, locale).version.data.title;
      return {
        id: slot.id,
        event: event.slug,
        eventStatus: event.data.status,
        date: slot.date,
        start: slot.start,
        end: slot.end,
        capacity: slot.capacity,
        price: slot.price,
        title: { "zh-CN": title("zh-CN"), en: title("en") },
        // Why it was called off, put off or moved: the guests of its sessions are told in their language.
        eventNote: { "zh-CN": note("zh-CN"), en: note("en") },
        eventTitle: { "zh-CN": eventTitle("zh-CN"), en: eventTitle("en") },
      };
    }),
  );
}
