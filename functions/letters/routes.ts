import { Hono } from "hono";
import type { AppEnv } from "../env";
import { attachment, toCsv } from "../lib/csv";
import { readBody, seeOther } from "../lib/forms";
import { claimFor } from "../lib/idempotency";
import { type Lang, localePath, requestLang } from "../lib/lang";
import { message } from "../lib/messages";
import { documented } from "../lib/openapi";
import { presentedToken } from "../lib/presented-token";
import { ProblemError } from "../lib/problem";
import { THROTTLED_RESPONSE } from "../lib/source-limits";
import { badRequest, parseInput, validate } from "../lib/validate";
import { createLetter } from "./create";
import { agencyName, LETTER_TYPES, type LetterType } from "./model";
import { attachPhoto } from "./photos";
import { findLetter, type LetterMonth, letterStats, publishedLetters } from "./public";
import { LetterRequest, LookupQuery, PublishedQuery, ReferenceParam, StatsQuery } from "./schema";

documented({
  method: "post",
  path: "/api/letters",
  summary: "Write to the county: a question, suggestion, complaint or request for help",
  tags: ["letters"],
  body: LetterRequest,
  idempotent: true,
  responses: {
    201: { description: "Received: the reference, the token (shown once) and the working day the reply is due by" },
    400: { description: "Bad input, with per-field messages" },
    409: { description: "duplicate: the same letter was sent already from this phone or address" },
    422: { description: "The Idempotency-Key was used with another body" },
    429: THROTTLED_RESPONSE,
  },
});
documented({
  method: "get",
  path: "/api/letters/{reference}",
  summary: "A letter for its writer, with its token: status, dates, the reply",
  tags: ["letters"],
  params: ReferenceParam,
  query: LookupQuery,
  responses: { 200: { description: "The letter" }, 404: { description: "Unknown reference or token" } },
});
documented({
  method: "post",
  path: "/api/letters/{reference}/photo",
  summary: "Add one photo (multipart: token, photo; JPEG, PNG or WebP up to 5 MB) before the letter is accepted",
  tags: ["letters"],
  params: ReferenceParam,
  responses: {
    200: { description: "Added; its location and camera data removed" },
    404: { description: "Unknown reference or token" },
    409: { description: "Already has a photo, or no longer waiting for triage" },
  },
});
documented({
  method: "get",
  path: "/api/letters",
  summary: "Published letters and replies (never who wrote them), 20 a page",
  tags: ["letters"],
  query: PublishedQuery,
  responses: { 200: { description: "{ letters, total, years }" } },
});
documented({
  method: "get",
  path: "/api/letters/stats",
  summary: "Monthly figures: received, answered, answered on time, average working days, by type and agency",
  tags: ["letters"],
  query: StatsQuery,
  responses: { 200: { description: "{ months }" } },
});
documented({
  method: "get",
  path: "/api/letters/stats.csv",
  summary: "The monthly figures as CSV (UTF-8 with BOM): a row per month for all letters, each type and each agency",
  tags: ["letters"],
  query: StatsQuery,
  responses: { 200: { description: "text/csv" } },
});

export const lettersApi = new Hono<AppEnv>();

lettersApi.post("/", async (c) => {
  const lang = requestLang(c.req.raw);
  const body = await readBody(c);
  const parsed = parseInput(LetterRequest, body.value, lang);
  if (!parsed.ok) throw badRequest(parsed.errors);
  const { idempotencyKey: _inClaim, ...request } = parsed.data;
  const claim = await claimFor(c, "letters", body, request);
  const result = await createLetter(c, parsed.data, claim, lang);
  if (body.isForm) return seeOther(c, `${result.body.links.page}&new=1`);
  c.header("cache-control", "no-store");
  if (result.replayed) c.header("idempotent-replayed", "true");
  return c.json(result.body, result.status as 201);
});

lettersApi.get("/", validate("query", PublishedQuery), async (c) => {
  const q = c.req.valid("query");
  return c.json(await publishedLetters(c.env.DB, q));
});

lettersApi.get("/stats", validate("query", StatsQuery), async (c) => {
  c.header("cache-control", "public, max-age=300");
  return c.json({ months: await letterStats(c.env.DB, c.req.valid("query").year) });
});

lettersApi.get("/stats.csv", validate("query", StatsQuery), async (c) => {
  const { year } = c.req.valid("query");
  const lang = requestLang(c.req.raw);
  const months = await letterStats(c.env.DB, year);
  return c.body(statsCsv(months, lang), 200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": attachment(`letters-${year ?? "last-12-months"}.csv`),
    "cache-control": "public, max-age=300",
  });
});

const TYPE_WORDS: Record<LetterType, Record<Lang, string>> = {
  consultation: { "zh-CN": "咨询", en: "Question" },
  suggestion: { "zh-CN": "建议", en: "Suggestion" },
  complaint: { "zh-CN": "投诉", en: "Complaint" },
  help: { "zh-CN": "求助", en: "Request for help" },
};

function statsCsv(months: LetterMonth[], lang: Lang): string {
  const zh = lang === "zh-CN";
  const header = zh
    ? ["月份", "分组", "名称", "收到", "已答复", "按期答复", "平均用时（工作日）"]
    : ["month", "group", "name", "received", "answered", "answered on time", "average working days"];
  const rows: Array<Array<string | number | null>> = [];
  for (const m of months) {
    rows.push([m.month, zh ? "全部" : "all", "", m.received, m.answered, m.onTime, m.avgWorkingDays]);
    for (const t of LETTER_TYPES) {
      const v = m.byType[t];
      rows.push([
        m.month,
        zh ? "类型" : "type",
        TYPE_WORDS[t][lang],
        v.received,
        v.answered,
        v.onTime,
        v.avgWorkingDays,
      ]);
    }
    for (const [agency, v] of Object.entries(m.byAgency)) {
      rows.push([
        m.month,
        zh ? "部门" : "agency",
        agencyName(agency, lang),
        v.received,
        v.answered,
        v.onTime,
        v.avgWorkingDays,
      ]);
    }
  }
  return toCsv(header, rows);
}

/** The token from a header or ?token= (presented-token.ts), checked like the query was. */
function lookupToken(c: Parameters<typeof presentedToken>[0]): string {
  const parsed = parseInput(LookupQuery, { token: presentedToken(c) }, requestLang(c.req.raw));
  if (!parsed.ok) throw badRequest(parsed.errors);
  return parsed.data.token;
}

lettersApi.get("/:reference", validate("param", ReferenceParam), async (c) => {
  const found = await findLetter(c.env.DB, c.req.valid("param").reference, lookupToken(c));
  if (!found) throw notFound();
  c.header("cache-control", "no-store");
  return c.json(found);
});

lettersApi.post("/:reference/photo", validate("param", ReferenceParam), async (c) => {
  const lang = requestLang(c.req.raw);
  const reference = await attachPhoto(c, c.req.valid("param").reference);
  const page = `${localePath(lang, "/interact/letter/")}?ref=${encodeURIComponent(reference)}&done=photo`;
  if ((c.req.header("accept") ?? "").includes("text/html")) return seeOther(c, page);
  return c.json({ reference, photo: true });
});

function notFound() {
  return new ProblemError(404, "not-found", (lang) => ({ detail: message(lang, "letters.notFound") }));
}
