import type { Lang } from "../lib/lang";
import { type MessageKey, message } from "../lib/messages";
import { ProblemError } from "../lib/problem";

/** Problems the dashboards share. Out-of-scope and unknown look the same: 404. */
export function notFoundProblem() {
  return new ProblemError(404, "not-found", (lang) => ({ detail: message(lang, "dash.notFound") }));
}

type Vars = Record<string, string | number> | ((lang: Lang) => Record<string, string | number>);
const resolve = (vars: Vars | undefined, lang: Lang) => (typeof vars === "function" ? vars(lang) : vars);

export function fieldProblem(field: string, key: MessageKey, vars?: Vars) {
  return new ProblemError(400, "validation", (lang) => ({
    detail: message(lang, "problem.badRequest.detail"),
    errors: [{ field, message: message(lang, key, resolve(vars, lang)) }],
  }));
}

export function conflictProblem(slug: string, key: MessageKey, vars?: Vars, extra?: Record<string, unknown>) {
  return new ProblemError(409, slug, (lang) => ({ detail: message(lang, key, resolve(vars, lang)), ...extra }));
}
