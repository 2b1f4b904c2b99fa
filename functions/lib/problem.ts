import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type Lang, requestLang } from "./lang";
import { type MessageKey, message } from "./messages";

/** RFC 9457 problem details, with per-field messages for bad input. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: Array<{ field: string; message: string }>;
  [extension: string]: unknown;
}

const TITLES: Record<number, MessageKey> = {
  400: "problem.badRequest",
  401: "problem.unauthorized",
  403: "problem.forbidden",
  404: "problem.notFound",
  413: "problem.tooLarge",
  405: "problem.methodNotAllowed",
  409: "problem.conflict",
  415: "problem.unsupportedMediaType",
  422: "problem.unprocessable",
  429: "problem.tooManyRequests",
  500: "problem.internal",
};

export function problemTitle(lang: Lang, status: number): string {
  const key = TITLES[status];
  return key ? message(lang, key) : String(status);
}

/** Build a problem+json response; `type` is a stable slug under /api/problems/. */
export function problemResponse(problem: Problem, headers?: HeadersInit): Response {
  const h = new Headers(headers);
  h.set("content-type", "application/problem+json; charset=utf-8");
  h.set("cache-control", "no-store");
  return new Response(JSON.stringify(problem), { status: problem.status, headers: h });
}

/**
 * Thrown by route code to end a request with a problem. The error handler turns
 * it into problem+json in the request's language.
 */
export class ProblemError extends HTTPException {
  constructor(
    readonly problemStatus: ContentfulStatusCode,
    readonly slug: string,
    readonly build: (lang: Lang) => Omit<Problem, "type" | "title" | "status"> & { title?: string },
    readonly extraHeaders?: HeadersInit,
  ) {
    super(problemStatus, { message: slug });
  }

  toProblem(req: Request): Problem {
    const lang = requestLang(req);
    const { title, ...rest } = this.build(lang);
    return {
      type: `/api/problems/${this.slug}`,
      title: title ?? problemTitle(lang, this.problemStatus),
      status: this.problemStatus,
      instance: new URL(req.url).pathname,
      ...rest,
    };
  }
}
