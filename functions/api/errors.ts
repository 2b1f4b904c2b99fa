import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { isBrowserForm, refusedForm } from "../lib/forms";
import { requestLang } from "../lib/lang";
import { message } from "../lib/messages";
import { type Problem, ProblemError, problemResponse, problemTitle } from "../lib/problem";

/** Form posts go back to their form with the messages (see refusedForm); API clients get problem+json. */
function respond(c: Context, problem: Problem, headers?: HeadersInit): Response | Promise<Response> {
  if (c.req.method === "POST" && isBrowserForm(c)) return refusedForm(c, problem);
  return problemResponse(problem, headers);
}

export const apiNotFound: NotFoundHandler = (c: Context) => {
  const lang = requestLang(c.req.raw);
  return problemResponse({
    type: "/api/problems/not-found",
    title: problemTitle(lang, 404),
    status: 404,
    detail: message(lang, "problem.notFound.detail"),
    instance: new URL(c.req.url).pathname,
  });
};

/**
 * The one error handler under /api: problems pass through, framework errors keep
 * their status, and anything else is a 500 problem with no internals exposed.
 */
export const apiError: ErrorHandler = (err, c) => {
  const lang = requestLang(c.req.raw);
  const instance = new URL(c.req.url).pathname;
  if (err instanceof ProblemError) return respond(c, err.toProblem(c.req.raw), err.extraHeaders);
  if (err instanceof HTTPException && err.status < 500) {
    const malformed = /malformed json/i.test(err.message);
    return respond(c, {
      type: malformed ? "/api/problems/malformed-json" : `/api/problems/http-${err.status}`,
      title: problemTitle(lang, err.status),
      status: err.status,
      detail: malformed ? message(lang, "problem.malformedJson") : err.message,
      instance,
    });
  }
  console.error("api: unhandled error", instance, err);
  return problemResponse({
    type: "/api/problems/internal",
    title: problemTitle(lang, 500),
    status: 500,
    detail: message(lang, "problem.internal.detail"),
    instance,
  });
};
