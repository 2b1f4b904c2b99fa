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

export async function readBody(c: Context): Promise<Body> {
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const text = await c.req.text();
  if (text.length > MAX_BODY) {
    throw new ProblemError(413, "too-large", (lang) => ({ detail: message(lang, "problem.tooLarge") }));
  }
  if (JSON_TYPE.test(type)) {
    try {
      return { value: JSON.parse(text), isForm: false };
    } catch {
      throw new ProblemError(400, "malformed-json", (lang) => ({ detail: message(lang, "problem.malformedJson") }));
    }
  }
  if (type === FORM_TYPE) {
    assertSameOrigin(c);
    return { value: nestForm(new URLSearchParams(text)), isForm: true };
  }
  throw new ProblemError(415, "unsupported-media-type", (lang) => ({
    detail: message(lang, "problem.unsupportedMediaType.detailForms"),
  }));
}

/** Form posts must come from the portal's own pages (CSRF; SameSite cookies are the second layer). */
export function assertSameOrigin(c: Context) {
  const self = new URL(c.req.url).origin;
  const origin = c.req.header("origin");
  const referer = c.req.header("referer");
  const from = origin && origin !== "null" ? origin : referer ? safeOrigin(referer) : undefined;
  if (from !== self) {
    throw new ProblemError(403, "cross-site-form", (lang) => ({ detail: message(lang, "problem.crossSite") }));
  }
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

function nestForm(params: URLSearchParams): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of params) {
    const head = name.split("[")[0] ?? name;
    const path = [head, ...[...name.matchAll(SEGMENT)].map((m) => m[1] ?? "")];
    if (path.some((p) => FORBIDDEN.has(p)) || path.length > 5) continue;
    let node: Record<string, unknown> | unknown[] = root;
    path.forEach((key, i) => {
      const last = i === path.length - 1;
      const nextIsIndex = /^\d+$/.test(path[i + 1] ?? "");
      const slot = Array.isArray(node) ? Number(key) : key;
      if (Array.isArray(node) && (!Number.isInteger(slot) || (slot as number) > 99)) return;
      const container = node as Record<string | number, unknown>;
      if (last) {
        if (value !== "") container[slot] = value;
        return;
      }
      container[slot] ??= nextIsIndex ? [] : {};
      node = container[slot] as Record<string, unknown> | unknown[];
    });
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
 * A refused form post: a small page in the person's language listing what to
 * fix, with the same status the JSON API would give.
 */
export async function formProblemPage(c: Context, problem: Problem): Promise<Response> {
  const lang: Lang = requestLang(c.req.raw);
  const back = message(lang, "form.back");
  const items = (problem.errors ?? []).map((e) => html`<li><strong>${e.field}</strong>: ${e.message}</li>`);
  const body = html`<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${problem.title}</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/theme.css"><link rel="stylesheet" href="/form-problem.css"></head>
<body><main class="form-problem"><h1>${problem.title}</h1>
${problem.detail ? html`<p>${problem.detail}</p>` : ""}
${items.length ? html`<ul>${items}</ul>` : ""}
<p><a class="back" href="${safeBack(c)}">${back}</a></p>
</main></body></html>`;
  return c.html(await body, problem.status as 400);
}

function safeBack(c: Context): string {
  const referer = c.req.header("referer");
  const self = new URL(c.req.url).origin;
  if (referer && safeOrigin(referer) === self) {
    const url = new URL(referer);
    return url.pathname + url.search;
  }
  return "/";
}

/** Relative paths on this site only, so `next` can never send someone elsewhere. */
export const NextPath = z
  .string()
  .max(300)
  .regex(/^\/(?![/\\])[^\s]*$/)
  .optional()
  .catch(undefined);
