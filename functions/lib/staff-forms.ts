import type { Context } from "hono";
import type { z } from "zod";
import { NextPath, readBody, seeOther } from "./forms";
import { localePath, requestLang } from "./lang";
import { badRequest, parseInput } from "./validate";

/**
 * Every dashboard write reads JSON or a same-origin form (readBody checks the
 * origin), validates it, and answers JSON, or for a form a 303 back to the page
 * the form came from (a `next` field, this site's paths only) with `done=...`.
 */
export async function readInput<T extends z.ZodType>(c: Context, schema: T) {
  const { value, isForm } = await readBody(c);
  const parsed = parseInput(schema, value, requestLang(c.req.raw));
  if (!parsed.ok) throw badRequest(parsed.errors);
  const next = isForm ? NextPath.parse((value as { next?: unknown } | null)?.next) : undefined;
  return { data: parsed.data as z.output<T>, isForm, next };
}

export function formDone(
  c: Context,
  next: string | undefined,
  fallback: string,
  done: string,
  extra: Record<string, string | number> = {},
): Response {
  const target = next ?? localePath(requestLang(c.req.raw), fallback);
  const url = new URL(target, "http://x");
  url.searchParams.set("done", done);
  for (const [k, v] of Object.entries(extra)) url.searchParams.set(k, String(v));
  return seeOther(c, url.pathname + url.search);
}
