import type { Context } from "hono";
import { validator } from "hono/validator";
import type { z } from "zod";
import { en as enLocale, zhCN as zhLocale } from "zod/locales";
import type { $ZodErrorMap, $ZodIssue } from "zod/v4/core";
import { type Lang, requestLang } from "./lang";
import { isMessageKey, message } from "./messages";
import { ProblemError } from "./problem";

type Target = "json" | "query" | "param";

const locales: Record<Lang, ReturnType<typeof zhLocale>> = { "zh-CN": zhLocale(), en: enLocale() };

function errorMap(lang: Lang): $ZodErrorMap {
  return (issue) => {
    if (issue.code === "invalid_type" && issue.input === undefined) return message(lang, "field.required");
    return locales[lang].localeError(issue);
  };
}

export interface FieldError {
  field: string;
  message: string;
}

/**
 * Parse a value with a request schema, in the person's language. Schema-level
 * messages may be message keys (see messages.ts); they are translated here.
 */
export function parseInput<T extends z.ZodType>(
  schema: T,
  value: unknown,
  lang: Lang,
): { ok: true; data: z.output<T> } | { ok: false; errors: FieldError[] } {
  const result = schema.safeParse(value, { error: errorMap(lang) });
  if (result.success) return { ok: true, data: result.data };
  const errors = result.error.issues.map((issue) => ({
    field: issue.path.map(String).join(".") || "(body)",
    message: isMessageKey(issue.message) ? message(lang, issue.message, limits(issue)) : issue.message,
  }));
  return { ok: false, errors };
}

/** The bound a count broke, for messages such as "at least {min} night". */
function limits(issue: $ZodIssue): Record<string, string | number> {
  if (issue.code === "too_small") return { min: Number(issue.minimum) };
  if (issue.code === "too_big") return { max: Number(issue.maximum) };
  return {};
}

export function badRequest(errors: FieldError[], slug = "validation"): ProblemError {
  return new ProblemError(400, slug, (lang) => ({ detail: message(lang, "problem.badRequest.detail"), errors }));
}

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;

/**
 * The one validator every route uses: a zod schema per input target. Failures
 * become a 400 problem with per-field messages; a body that is not JSON is
 * refused with 415 before anything is read.
 */
export function validate<Tg extends Target, T extends z.ZodType>(target: Tg, schema: T) {
  return validator(target, (value, c: Context) => {
    const lang = requestLang(c.req.raw);
    if (target === "json") {
      const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim() ?? "";
      if (!JSON_TYPE.test(type)) {
        throw new ProblemError(415, "unsupported-media-type", (l) => ({
          detail: message(l, "problem.unsupportedMediaType.detail"),
        }));
      }
    }
    const parsed = parseInput(schema, value, lang);
    if (!parsed.ok) throw badRequest(parsed.errors);
    return parsed.data;
  });
}
