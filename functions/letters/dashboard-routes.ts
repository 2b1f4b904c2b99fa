import { Hono } from "hono";
import type { z } from "zod";
import type { DashEnv } from "../accounts/middleware";
import { notFoundProblem } from "../accounts/problems";
import { documented } from "../lib/openapi";
import { formDone, readInput } from "../lib/staff-forms";
import { validate } from "../lib/validate";
import { acceptLetter, extendLetter, publishLetter, rejectLetter, replyToLetter } from "./actions";
import { isLetterPhotoKey } from "./photos";
import {
  AcceptRequest,
  ExtendRequest,
  PublishRequest,
  ReferenceParam,
  RejectRequest,
  ReplyRequest,
  StaffQuery,
} from "./schema";
import { staffLetter, staffLetters, visibleLetter } from "./staff";

/**
 * Letters in the dashboard (mounted behind requireAccount("admin", "editor", "reviewer")):
 * each account sees and acts on what its role and agencies allow (staff.ts); the rest is
 * a 404. Every action answers JSON, or a form with a 303 back to the letter's page.
 */
export const lettersDashboardApi = new Hono<DashEnv>();

const TAG = "dashboard: letters";
const responses = {
  400: { description: "Bad input: a message per field, nothing written" },
  401: { description: "Not signed in" },
  404: { description: "No such letter for this account" },
  409: { description: "The letter is not in a state for this (someone acted first, extended before, no consent)" },
};
const ACTIONS = [
  ["accept", AcceptRequest, "Accept a new letter and assign it to an agency (county office)", acceptLetter],
  [
    "reject",
    RejectRequest,
    "Do not accept a new letter: abusive, not a government matter, or a duplicate (county office)",
    rejectLetter,
  ],
  [
    "reply",
    ReplyRequest,
    "Answer the letter (its agency's editors and reviewers); the writer is texted",
    replyToLetter,
  ],
  ["extend", ExtendRequest, "Move the deadline once, with a reason the writer sees", extendLetter],
  [
    "publish",
    PublishRequest,
    "Publish the letter and reply, personal details masked (a reviewer of its agency, or the county office)",
    publishLetter,
  ],
] as const;

for (const [action, body, summary] of ACTIONS) {
  documented({
    method: "post",
    path: `/api/dashboard/letters/{reference}/${action}`,
    summary,
    tags: [TAG],
    params: ReferenceParam,
    body,
    responses: { 200: { description: "Done: the letter as staff see it" }, ...responses },
  });
}
documented({
  method: "get",
  path: "/api/dashboard/letters",
  summary: "Letters this account may see, open ones first",
  tags: [TAG],
  query: StaffQuery,
  responses: { 200: { description: "The letters" }, 401: responses[401] },
});
documented({
  method: "get",
  path: "/api/dashboard/letters/{reference}",
  summary: "One letter with the writer's contact details, what would be published and what the account may do",
  tags: [TAG],
  params: ReferenceParam,
  responses: { 200: { description: "The letter" }, 401: responses[401], 404: responses[404] },
});
documented({
  method: "get",
  path: "/api/dashboard/letters/{reference}/photo",
  summary: "The writer's photo (staff only)",
  tags: [TAG],
  params: ReferenceParam,
  responses: { 200: { description: "The picture" }, 401: responses[401], 404: responses[404] },
});

const pageOf = (reference: string) => `/dashboard/letters/letter/?ref=${encodeURIComponent(reference)}`;

lettersDashboardApi.get("/letters", validate("query", StaffQuery), async (c) =>
  c.json(await staffLetters(c.env.DB, c.var.account, c.req.valid("query"))),
);

lettersDashboardApi.get("/letters/:reference", validate("param", ReferenceParam), async (c) => {
  const letter = await staffLetter(c.env.DB, c.var.account, c.req.valid("param").reference);
  if (!letter) throw notFoundProblem();
  return c.json(letter);
});

lettersDashboardApi.get("/letters/:reference/photo", validate("param", ReferenceParam), async (c) => {
  const row = await visibleLetter(c.env.DB, c.var.account, c.req.valid("param").reference);
  if (!row?.photo_key || !isLetterPhotoKey(row.photo_key)) throw notFoundProblem();
  const object = await c.env.MEDIA.get(row.photo_key);
  if (!object) throw notFoundProblem();
  return c.body(object.body, 200, {
    "content-type": object.httpMetadata?.contentType ?? "application/octet-stream",
    "cache-control": "private, no-store",
    "x-content-type-options": "nosniff",
  });
});

for (const [action, body, , run] of ACTIONS) {
  lettersDashboardApi.post(`/letters/:reference/${action}`, validate("param", ReferenceParam), async (c) => {
    const { reference } = c.req.valid("param");
    const { data, isForm, next } = await readInput(c, body as z.ZodType);
    await (run as (d1: D1Database, a: DashEnv["Variables"]["account"], r: string, i: unknown) => Promise<void>)(
      c.env.DB,
      c.var.account,
      reference,
      data,
    );
    if (isForm) return formDone(c, next, pageOf(reference.toUpperCase()), `letter_${action}`);
    const letter = await staffLetter(c.env.DB, c.var.account, reference);
    return c.json(letter);
  });
}
