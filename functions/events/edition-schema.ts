import { z } from "zod";
import type { Lang } from "../lib/lang";
import { BODY_MAX } from "../publishing/schema";
import { eventFacts, eventSchema, SLOT_ID } from "./event-fields";

/**
 * What the dashboard's event editor sends: an address and both language versions, each
 * the front matter of content/events/<slug>/<lang>.md (checked by the same schema as the
 * files) and its Markdown body. The English version may be left out: the site then shows
 * the Chinese one with its "only in Chinese" note, as for a file.
 */
const version = z.object({
  frontMatter: eventSchema,
  body: z.string().max(BODY_MAX, { error: "notice.body" }).default(""),
});

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const EventDraftRequest = z
  .object({
    slug: z.string().regex(SLOT_ID, { error: "eventEdition.slug" }).max(80, { error: "eventEdition.slug" }),
    versions: z.object({ "zh-CN": version, en: version.optional() }),
    changeNote: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .trim()
        .min(2, { error: "eventEdition.changeNote" })
        .max(300, { error: "eventEdition.changeNote" })
        .optional(),
    ),
  })
  .superRefine((input, ctx) => {
    const en = input.versions.en;
    if (!en) return;
    const zh = eventFacts(input.versions["zh-CN"].frontMatter);
    const other = eventFacts(en.frontMatter);
    if (JSON.stringify(zh.programme) !== JSON.stringify(other.programme)) {
      ctx.addIssue({
        code: "custom",
        path: ["versions", "en", "frontMatter", "programme"],
        message: "eventEdition.programmeCount",
      });
    }
  });
export type EventDraft = z.output<typeof EventDraftRequest>;

/* ---------------------------------------------------------------------------
 * The no-JavaScript editor form: flat fields, the facts typed once, each language's
 * words side by side (`zh.title`, `en.title`), the programme and the sessions one per
 * line. toDraftInput turns it into the request above; fieldOfPath takes the request's
 * error paths back to the form's field names, so each message sits by its field.
 * ------------------------------------------------------------------------- */

const PROGRAMME_LINE =
  /^(\d{4}-\d{2}-\d{2})?\s*(\d{1,2}:\d{2})(?:\s*[-–~至]\s*(\d{1,2}:\d{2}))?\s+(.+?)(?:\s+@\s+(.+))?$/;
const SESSION_LINE =
  /^(\d{4}-\d{2}-\d{2})\s+(\d{1,2}:\d{2})\s*[-–~至]\s*(\d{1,2}:\d{2})\s+(\d+)\s+(\d+(?:\.\d{1,2})?)\s+(.+?)\s*\/\s*(.+)$/;

const pad = (t: string) => (t.length === 4 ? `0${t}` : t);
const lines = (v: unknown) =>
  String(v ?? "")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

export class FormLineError extends Error {
  constructor(
    readonly field: string,
    readonly key: "eventEdition.programmeLine" | "eventEdition.sessionLine" | "eventEdition.price",
    readonly line: number,
  ) {
    super(key);
  }
}

function programme(text: unknown, field: string) {
  return lines(text).map((line, i) => {
    const m = PROGRAMME_LINE.exec(line);
    if (!m) throw new FormLineError(field, "eventEdition.programmeLine", i + 1);
    const [, date, start, end, title, place] = m;
    return {
      ...(date ? { date } : {}),
      start: pad(start ?? ""),
      ...(end ? { end: pad(end) } : {}),
      title,
      ...(place ? { place } : {}),
    };
  });
}

/** "2027-03-21 09:30-11:00 25 30 梨园导览 / Orchard tour": the session's id is made from the event, day and time. */
function sessions(text: unknown, slug: string) {
  return lines(text).map((line, i) => {
    const m = SESSION_LINE.exec(line);
    if (!m) throw new FormLineError("sessions", "eventEdition.sessionLine", i + 1);
    const [, date = "", start = "", end = "", capacity, price, zh, en] = m;
    const id = `${slug}-${date.slice(5).replace("-", "")}-${pad(start).replace(":", "")}`;
    return {
      id,
      date,
      start: pad(start),
      end: pad(end),
      capacity: Number(capacity),
      price: Math.round(Number(price) * 100),
      title: { zh, en },
    };
  });
}

function yuanToPrice(value: unknown): "free" | number {
  const v = String(value ?? "").trim();
  if (v === "" || Number(v) === 0) return "free";
  if (!/^\d+(\.\d{1,2})?$/.test(v)) throw new FormLineError("priceYuan", "eventEdition.price", 0);
  return Math.round(Number(v) * 100);
}

const list = (v: unknown) =>
  String(v ?? "")
    .split(/[,，、\s]+/)
    .map((t) => t.trim())
    .filter(Boolean);
const opt = (v: unknown) => {
  const t = typeof v === "string" ? v.trim() : "";
  return t === "" ? undefined : t;
};
const num = (v: unknown) => {
  const t = opt(v);
  return t === undefined ? undefined : Number.isFinite(Number(t)) ? Number(t) : t;
};

type Form = Record<string, unknown>;
const part = (form: Form, lang: "zh" | "en"): Form =>
  form[lang] && typeof form[lang] === "object" ? (form[lang] as Form) : {};

/** The flat form as the JSON request. Throws FormLineError for a line it cannot read. */
export function toDraftInput(form: Form, today: string): Record<string, unknown> {
  const slug = String(form.slug ?? "");
  const slots = form.sessions === undefined ? undefined : sessions(form.sessions, slug);
  const price = yuanToPrice(form.priceYuan);
  const place = opt(form.place);
  const version = (lang: "zh" | "en") => {
    const words = part(form, lang);
    const frontMatter: Record<string, unknown> = {
      title: opt(words.title) ?? "",
      summary: opt(words.summary) ?? "",
      start: opt(form.start) ?? "",
      end: opt(form.end) ?? "",
      status: opt(form.status) ?? "scheduled",
      statusNote: opt(words.statusNote),
      previousStart: list(form.previousStart),
      updated: today,
      organizer: { name: opt(words.organizerName) ?? "", url: opt(form.organizerUrl), phone: opt(form.organizerPhone) },
      price,
      priceNote: opt(words.priceNote),
      programme: programme(words.programme, `${lang}.programme`),
      relatedNotices: list(form.relatedNotices),
    };
    if (place) frontMatter.place = place;
    else {
      frontMatter.venue = {
        name: opt(words.venueName) ?? "",
        area: opt(words.venueArea) ?? "",
        address: opt(words.venueAddress) ?? "",
        directions: opt(words.venueDirections) ?? "",
        latitude: num(form.latitude),
        longitude: num(form.longitude),
      };
    }
    if (slots)
      frontMatter.slots = slots.map(({ title, ...s }) => ({ ...s, title: lang === "zh" ? title.zh : title.en }));
    return { frontMatter, body: String(words.body ?? "") };
  };
  const withEnglish = opt(part(form, "en").title) !== undefined;
  return {
    slug,
    changeNote: form.changeNote,
    versions: { "zh-CN": version("zh"), ...(withEnglish ? { en: version("en") } : {}) },
  };
}

const FIELD_OF: Record<string, string> = {
  "venue.latitude": "latitude",
  "venue.longitude": "longitude",
  "venue.name": "venueName",
  "venue.area": "venueArea",
  "venue.address": "venueAddress",
  "venue.directions": "venueDirections",
  "organizer.name": "organizerName",
  "organizer.url": "organizerUrl",
  "organizer.phone": "organizerPhone",
  price: "priceYuan",
};
/** Fields typed once for both languages (the rest are per language). */
const SHARED = new Set([
  "start",
  "end",
  "status",
  "previousStart",
  "place",
  "latitude",
  "longitude",
  "organizerUrl",
  "organizerPhone",
  "priceYuan",
  "relatedNotices",
]);

/** `versions.en.frontMatter.venue.name` -> `en.venueName`; `versions.zh-CN.frontMatter.start` -> `start`. */
export function fieldOfPath(path: string): string {
  const m = /^versions\.(zh-CN|en)\.(frontMatter\.)?(.*)$/.exec(path);
  if (!m) return path;
  const lang: Lang = m[1] === "en" ? "en" : "zh-CN";
  const rest = m[3] ?? "";
  if (!m[2]) return `${lang === "en" ? "en" : "zh"}.${rest}`;
  if (rest.startsWith("slots")) return "sessions";
  if (rest.startsWith("programme")) return `${lang === "en" ? "en" : "zh"}.programme`;
  const key = FIELD_OF[rest] ?? (rest.startsWith("venue") ? "place" : (rest.split(".")[0] ?? rest));
  return SHARED.has(key) ? key : `${lang === "en" ? "en" : "zh"}.${key}`;
}
