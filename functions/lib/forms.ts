import type { Context } from "hono";
import { html } from "hono/html";
import { z } from "zod";
import { type Lang, requestLang } from "./lang";
import { message } from "./messages";
import { type Problem, ProblemError } from "./problem";

/**
 * HTML forms post to the same routes as the JSON API, so every flow works
 * without JavaScript. A form body (application/x-www-form-urlencoded) is turned
 * into the same shape as the JSON body: `contact[name]` -> { contact: { name } },
 * `items[0][product]` -> { items: [{ product }] }. Numbers stay strings: schemas
 * use z.coerce where a form can send them.
 */
export interface Body {
  value: unknown;
  isForm: boolean;
}

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;
const FORM_TYPE = "application/x-www-form-urlencoded";
const MAX_BODY = 64 * 1024;
/**
 * Staff editors post whole notices and event pages: two bodies of up to 60,000 characters,
 * and a Chinese character takes 9 bytes once a form percent-encodes it.
 */
const MAX_STAFF_BODY = 1536 * 1024;
const bodyLimit = (c: Context) =>
  new URL(c.req.url).pathname.startsWith("/api/dashboard/") ? MAX_STAFF_BODY : MAX_BODY;

export async function readBody(c: Context): Promise<Body> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (!JSON_TYPE.test(type) && type !== FORM_TYPE) {
    throw new ProblemError(415, "unsupported-media-type", (lang) => ({
      detail: message(lang, "problem.unsupportedMediaType.detailForms"),
    }));
  }
  if (type === FORM_TYPE) assertSameOrigin(c);
  const text = new TextDecoder().decode(await readLimitedBytes(c, bodyLimit(c)));
  if (JSON_TYPE.test(type)) {
    try {
      return { value: JSON.parse(text), isForm: false };
    } catch {
      throw new ProblemError(400, "malformed-json", (lang) => ({ detail: message(lang, "problem.malformedJson") }));
    }
  }
  return { value: nestForm(new URLSearchParams(text)), isForm: true };
}

function tooLargeProblem(): ProblemError {
  return new ProblemError(413, "too-large", (lang) => ({ detail: message(lang, "problem.tooLarge") }));
}

/**
 * The body's bytes, never more than `max`: a declared Content-Length over it is
 * refused before anything is read, and a body without one is counted while it
 * streams in and abandoned the moment it passes the limit, so a client that never
 * stops sending cannot hold the Worker's memory.
 */
export async function readLimitedBytes(
  c: Context,
  max: number,
  tooLarge = tooLargeProblem,
): Promise<Uint8Array<ArrayBuffer>> {
  const declared = c.req.header("content-length");
  if (declared !== undefined && !(Number(declared) <= max)) throw tooLarge();
  // A stream can be read once: a guard in front of the route (source limits) and the
  // route itself share one reading of the body.
  const pending = readings.get(c.req.raw) ?? streamBytes(c, max, tooLarge);
  readings.set(c.req.raw, pending);
  const bytes = await pending;
  if (bytes.byteLength > max) throw tooLarge();
  return bytes;
}

const readings = new WeakMap<Request, Promise<Uint8Array<ArrayBuffer>>>();

async function streamBytes(c: Context, max: number, tooLarge: () => ProblemError): Promise<Uint8Array<ArrayBuffer>> {
  const stream = c.req.raw.body;
  if (!stream) return new Uint8Array();
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  return bytes;
}

/** Form posts must come from the portal's own pages (CSRF; SameSite cookies are the second layer). */
export function assertSameOrigin(c: Context) {
  const self = new URL(c.req.url).origin;
  const origin = c.req.header("origin");
  const referer = c.req.header("referer");
  if (origin === "null" ? !isSameOriginFetch(c) : (origin ?? (referer && safeOrigin(referer))) !== self) {
    throw new ProblemError(403, "cross-site-form", (lang) => ({ detail: message(lang, "problem.crossSite") }));
  }
}

/**
 * `Origin: null` is an opaque origin (a sandboxed frame, a data: page, a
 * redirect through another site): not this site, whatever the Referer says.
 * The one exception is a page of this site that sends no referrer at all, whose
 * posts browsers also mark `null`; they say it is theirs with Sec-Fetch-Site,
 * a header no page can set.
 */
export function isSameOriginFetch(c: Context): boolean {
  return c.req.header("sec-fetch-site") === "same-origin";
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

const SEGMENT = /\[([^\]]*)\]/g;
const FORBIDDEN = new Set(["__proto__", "prototype", "constructor"]);
const INDEX = /^(?:0|[1-9]\d?)$/;
const MAX_DEPTH = 5;

type Node = Record<string, unknown> | unknown[];
const isNode = (v: unknown): v is Node => typeof v === "object" && v !== null;

/**
 * Keys that disagree (`contact=x&contact[name]=y`, `items[0]=x&items[0][a]=y`,
 * a name into a list) keep the shape that came first and drop the rest: the schema
 * then refuses what is missing, as it would for any incomplete form. Indexes
 * above 99, depths over five and prototype names are dropped too.
 */
function nestForm(params: URLSearchParams): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of params) {
    const head = name.split("[")[0] ?? name;
    const path = [head, ...[...name.matchAll(SEGMENT)].map((m) => m[1] ?? "")];
    if (path.length > MAX_DEPTH || path.some((p) => FORBIDDEN.has(p))) continue;
    let node: Node = root;
    for (let i = 0; i < path.length; i++) {
      const key = path[i] ?? "";
      if (Array.isArray(node) && !INDEX.test(key)) break;
      const container = node as Record<string, unknown>;
      const existing = Object.hasOwn(container, key) ? container[key] : undefined;
      if (i === path.length - 1) {
        // A repeated name: the last value wins (a hidden "0" before its checkbox's "1").
        if (!isNode(existing) && value !== "") container[key] = value;
        break;
      }
      if (existing === undefined) container[key] = INDEX.test(path[i + 1] ?? "") ? [] : {};
      else if (!isNode(existing)) break;
      node = container[key] as Node;
    }
  }
  return compactArrays(root) as Record<string, unknown>;
}

function compactArrays(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compactArrays);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compactArrays(v)]));
  }
  return value;
}

/** A browser's form post: urlencoded, or a multipart upload from a page (it asks for HTML back). */
export function isBrowserForm(c: Context): boolean {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  if (type.startsWith(FORM_TYPE)) return true;
  return type.startsWith("multipart/form-data") && (c.req.header("accept") ?? "").includes("text/html");
}

/** After a successful form post: 303 to the page that shows the result. */
export function seeOther(c: Context, location: string): Response {
  return c.redirect(location, 303);
}

/**
 * A refused form post goes back to the form (Post/Redirect/Get): 303 to the page
 * it came from, with a flash cookie carrying what was typed and a message per
 * field. The on-demand form page reads the cookie once (src/lib/form-state.ts),
 * renders the form again in the site's layout with the values and messages, and
 * deletes it. A cookie rather than the URL, so names and phone numbers never land
 * in history or logs; HttpOnly, SameSite=Lax and short-lived, because it only has
 * to survive one redirect. Passwords and secret tokens are never put in it.
 * Only a form whose page shows them asks for this, with `form=<id>` in its
 * action's query (src/lib/form-state.ts, formAction), so no message is lost on
 * a page that would not show it. Without that, or without a same-origin
 * Referer, the person gets a readable page with the messages instead.
 */
export async function refusedForm(c: Context, problem: Problem): Promise<Response> {
  const back = sameOriginReferer(c);
  const form = new URL(c.req.url).searchParams.get("form") ?? "";
  if (back && FORM_ID.test(form)) {
    const errors = Object.fromEntries((problem.errors ?? []).map((e) => [e.field, e.message]));
    const flash: FormFlash = { path: back.pathname, form, values: await typedValues(c), errors };
    if (problem.detail && !problem.errors?.length) flash.detail = problem.detail;
    const kept = await keepLongValues(c);
    if (kept) flash.kept = kept;
    let cookie = encodeFlash(flash);
    // Long notes or addresses could pass a cookie's size: keep the messages, drop the values.
    if (cookie.length > FLASH_MAX_CHARS) cookie = encodeFlash({ ...flash, values: {} });
    if (cookie.length <= FLASH_MAX_CHARS) {
      const secure = new URL(c.req.url).protocol === "https:" ? "; Secure" : "";
      c.header(
        "set-cookie",
        `${FORM_FLASH_COOKIE}=${cookie}; Path=/; Max-Age=${FLASH_SECONDS}; HttpOnly; SameSite=Lax${secure}`,
      );
      c.header("cache-control", "no-store");
      return c.redirect(back.pathname + back.search, 303);
    }
  }
  return formProblemPage(c, problem);
}

export const FORM_FLASH_COOKIE = "portal_form";
const FLASH_SECONDS = 60;
/** One cookie well under browsers' 4 KB limit, next to the session and preference cookies. */
const FLASH_MAX_CHARS = 3000;
const MAX_VALUE = 500;
const NEVER_KEPT = /password|current|token|idempotencyKey/i;
const FORM_ID = /^[\w-]{1,64}$/;

export interface FormFlash {
  /** The page the form is on; another page ignores the flash. */
  path: string;
  /** Which form of that page was refused. */
  form: string;
  /** What was typed, by field path (`contact.phone`, `items.0.quantity`). */
  values: Record<string, string>;
  /** A message per field path, as the API's problem `errors` name them. */
  errors: Record<string, string>;
  /** A refusal that is not about one field (dates full, too many attempts). */
  detail?: string;
  /** Where the whole of a long staff text waits for its page (keepLongValues). */
  kept?: string;
}

/** KV keys of refused dashboard forms kept whole (src/lib/form-state.ts keptValues reads them). */
export const KEPT_FORM_PREFIX = "form:";
const KEPT_ID = /^[0-9a-f]{32}$/;

/**
 * A staff editor's refused post can hold pages of text (a notice's or an event's body)
 * that the cookie cannot carry: a dashboard form whose values are longer than the
 * cookie keeps is kept whole in KV (PUBLISHING) for two minutes under a random key that
 * only this cookie names, and its page puts it back. Only for the dashboard: residents'
 * forms are short, and their details never leave the cookie.
 */
async function keepLongValues(c: Context): Promise<string | undefined> {
  const kv = (c.env as { PUBLISHING?: KVNamespace } | undefined)?.PUBLISHING;
  if (!kv || !new URL(c.req.url).pathname.startsWith("/api/dashboard/")) return undefined;
  if (!(c.req.header("content-type") ?? "").toLowerCase().startsWith(FORM_TYPE)) return undefined;
  const reading = readings.get(c.req.raw);
  const bytes = reading ? await reading.catch(() => null) : null;
  if (!bytes || bytes.byteLength > MAX_STAFF_BODY) return undefined;
  const values: Record<string, string> = {};
  let long = false;
  for (const [name, value] of new URLSearchParams(new TextDecoder().decode(bytes))) {
    if (NEVER_KEPT.test(name)) continue;
    values[fieldPath(name)] = value;
    if (value.length > MAX_VALUE) long = true;
  }
  if (!long && encodeFlash({ path: "", form: "", values, errors: {} }).length <= FLASH_MAX_CHARS) return undefined;
  const id = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
  try {
    await kv.put(`${KEPT_FORM_PREFIX}${id}`, JSON.stringify(values), { expirationTtl: 120 });
    return id;
  } catch {
    return undefined;
  }
}

/** `contact[phone]` -> `contact.phone`, the path zod and the problem's errors use. */
function fieldPath(name: string): string {
  return name.replace(/\[([^\]]*)\]/g, ".$1");
}

async function typedValues(c: Context): Promise<Record<string, string>> {
  if (!(c.req.header("content-type") ?? "").toLowerCase().startsWith(FORM_TYPE)) return {};
  // Only a body already read within the limit (by readBody or a guard in front of the route):
  // a refusal before that (too large, cross-site) keeps no values.
  const reading = readings.get(c.req.raw);
  const bytes = reading ? await reading.catch(() => null) : null;
  const params = new URLSearchParams(bytes && bytes.byteLength <= MAX_BODY ? new TextDecoder().decode(bytes) : "");
  const values: Record<string, string> = {};
  for (const [name, value] of params) {
    if (NEVER_KEPT.test(name) || Object.keys(values).length >= 60) continue;
    values[fieldPath(name)] = value.slice(0, MAX_VALUE);
  }
  return values;
}

function encodeFlash(flash: FormFlash): string {
  const bytes = new TextEncoder().encode(JSON.stringify(flash));
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** The flash as the form page reads it; anything malformed reads as nothing. */
export function decodeFlash(value: string | undefined): FormFlash | undefined {
  if (!value || value.length > FLASH_MAX_CHARS) return undefined;
  try {
    const binary = atob(value.replaceAll("-", "+").replaceAll("_", "/"));
    const parsed = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0))));
    const strings = (o: unknown) =>
      o && typeof o === "object" && Object.values(o).every((v) => typeof v === "string")
        ? (o as Record<string, string>)
        : {};
    if (typeof parsed?.path !== "string" || typeof parsed.form !== "string") return undefined;
    return {
      path: parsed.path,
      form: parsed.form,
      values: strings(parsed.values),
      errors: strings(parsed.errors),
      ...(typeof parsed.detail === "string" ? { detail: parsed.detail } : {}),
      ...(typeof parsed.kept === "string" && KEPT_ID.test(parsed.kept) ? { kept: parsed.kept } : {}),
    };
  } catch {
    return undefined;
  }
}

function sameOriginReferer(c: Context): URL | undefined {
  const referer = c.req.header("referer");
  if (!referer || safeOrigin(referer) !== new URL(c.req.url).origin) return undefined;
  const url = new URL(referer);
  // A path of this site only: `//host/...` or `/\\host` would be read as another site's address.
  if (!/^\/(?![/\\])/.test(url.pathname)) return undefined;
  // Never bounce a refusal back to the API itself.
  return url.pathname.startsWith("/api/") ? undefined : url;
}

/**
 * The fallback when there is no form page to return to: the messages (never the
 * internal field names) in the person's language, with the same status the
 * JSON API would give.
 */
async function formProblemPage(c: Context, problem: Problem): Promise<Response> {
  const lang: Lang = requestLang(c.req.raw);
  const back = message(lang, "form.back");
  const items = (problem.errors ?? []).map((e) => html`<li>${e.message}</li>`);
  const backTo = sameOriginReferer(c);
  const body = html`<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${problem.title}</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/theme.css"><link rel="stylesheet" href="/form-problem.css"></head>
<body><main class="form-problem"><h1>${problem.title}</h1>
${problem.detail ? html`<p>${problem.detail}</p>` : ""}
${items.length ? html`<ul>${items}</ul>` : ""}
<p><a class="back" href="${backTo ? backTo.pathname + backTo.search : "/"}">${back}</a></p>
</main></body></html>`;
  return c.html(await body, problem.status as 400);
}

/** Relative paths on this site only, so `next` can never send someone elsewhere. */
export const NextPath = z
  .string()
  .max(300)
  .regex(/^\/(?![/\\])[^\s]*$/)
  .optional()
  .catch(undefined);
