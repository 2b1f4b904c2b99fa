import { type Context, Hono } from "hono";
import type { z } from "zod";
import type { DashEnv } from "../accounts/middleware";
import { notFoundProblem } from "../accounts/problems";
import { todayInCounty } from "../lib/dates";
import { NextPath, readBody } from "../lib/forms";
import { requestLang } from "../lib/lang";
import { message } from "../lib/messages";
import { documented } from "../lib/openapi";
import { formDone, readInput } from "../lib/staff-forms";
import { badRequest, parseInput, validate } from "../lib/validate";
import { ApproveRequest, EditionParam, ReturnRequest, SubmitRequest } from "../publishing/schema";
import { EventDraftRequest, FormLineError, fieldOfPath, toDraftInput } from "./edition-schema";
import {
  approveEventEdition,
  createEventDraft,
  returnEventEdition,
  submitEventEdition,
  updateEventDraft,
} from "./edition-steps";
import { type EventEdition, eventEditionById, eventEditions, eventHistory, eventsBuild } from "./editions";

/**
 * Festival events written in the dashboard (mounted behind requireAccount("admin",
 * "editor", "reviewer")): JSON in the shape of content/events, or the editor's flat form
 * (edition-schema.ts) and a 303 back to the edition's page.
 */
export const eventEditionsApi = new Hono<DashEnv>();

const TAG = "dashboard: event editions";
const responses = {
  400: { description: "Bad input: a message per field (the content schema's), nothing written" },
  401: { description: "Not signed in" },
  403: { description: "Not this role's to do, or the edition's own author reviewing it" },
  404: { description: "No such edition" },
  409: {
    description: "The edition is not in a state for this (someone acted first), or the event has an open edition",
  },
};

documented({
  method: "post",
  path: "/api/dashboard/event-editions",
  summary:
    "Draft a festival event or an amendment: { slug, versions: { zh-CN: { frontMatter, body }, en? }, changeNote? }",
  tags: [TAG],
  body: EventDraftRequest,
  responses: { 201: { description: 'The draft: { id, status: "draft" }' }, ...responses },
});
documented({
  method: "post",
  path: "/api/dashboard/event-editions/{id}",
  summary: "Save a draft or returned event edition",
  tags: [TAG],
  params: EditionParam,
  body: EventDraftRequest,
  responses: { 200: { description: "The edition" }, ...responses },
});
for (const [action, body, summary] of [
  ["submit", SubmitRequest, "Submit an event edition for review"],
  ["approve", ApproveRequest, "Approve: publish now or at publishAt (county time); 403 for its own author"],
  ["return", ReturnRequest, "Return to the editor with a comment"],
] as const) {
  documented({
    method: "post",
    path: `/api/dashboard/event-editions/{id}/${action}`,
    summary,
    tags: [TAG],
    params: EditionParam,
    body,
    responses: { 200: { description: "Done: the edition" }, ...responses },
  });
}
documented({
  method: "get",
  path: "/api/dashboard/event-editions",
  summary: "Event editions not superseded, and whether the site shows each published one yet",
  tags: [TAG],
  responses: { 200: { description: "The editions" }, 401: responses[401] },
});
documented({
  method: "get",
  path: "/api/dashboard/event-editions/{id}",
  summary: "One event edition with its event's history",
  tags: [TAG],
  params: EditionParam,
  responses: { 200: { description: "The edition" }, 401: responses[401], 404: responses[404] },
});

const editionPage = (id: number) => `/dashboard/event-pages/edition/?id=${id}`;

/** Published editions are "live" once the running build includes them, else "rebuilding". */
async function withSiteState(env: DashEnv["Bindings"], editions: EventEdition[]) {
  const build = await eventsBuild(env);
  return editions.map((e) => ({
    ...e,
    site: e.status !== "published" ? null : (e.publishSeq ?? 0) <= build.seq ? "live" : "rebuilding",
  }));
}

/** JSON as the content schema has it, or the editor's form turned into that shape. */
async function readDraft(c: Context<DashEnv>) {
  const { value, isForm } = await readBody(c);
  const lang = requestLang(c.req.raw);
  let input: unknown = value;
  if (isForm) {
    try {
      input = toDraftInput((value ?? {}) as Record<string, unknown>, todayInCounty());
    } catch (error) {
      if (!(error instanceof FormLineError)) throw error;
      throw badRequest([{ field: error.field, message: message(lang, error.key, { line: error.line }) }]);
    }
  }
  const parsed = parseInput(EventDraftRequest, input, lang);
  if (!parsed.ok) {
    throw badRequest(isForm ? parsed.errors.map((e) => ({ ...e, field: fieldOfPath(e.field) })) : parsed.errors);
  }
  const next = isForm ? NextPath.parse((value as { next?: unknown } | null)?.next) : undefined;
  return { data: parsed.data, isForm, next };
}

eventEditionsApi.get("/event-editions", async (c) => {
  return c.json({ editions: await withSiteState(c.env, await eventEditions(c.env.DB)) });
});

eventEditionsApi.get("/event-editions/:id", validate("param", EditionParam), async (c) => {
  const edition = await eventEditionById(c.env.DB, c.req.valid("param").id);
  if (!edition) throw notFoundProblem();
  const [withState] = await withSiteState(c.env, [edition]);
  const history = await eventHistory(c.env.DB, edition.slug);
  return c.json({ ...withState, history: history.map(({ versions: _v, ...rest }) => rest) });
});

eventEditionsApi.post("/event-editions", async (c) => {
  const { data, isForm } = await readDraft(c);
  const created = await createEventDraft(c.env, c.var.account, data);
  if (isForm) return formDone(c, undefined, editionPage(created.id), "event_drafted");
  return c.json(created, 201);
});

eventEditionsApi.post("/event-editions/:id", validate("param", EditionParam), async (c) => {
  const { id } = c.req.valid("param");
  // An edition that does not exist is a 404 whatever was sent.
  if (!(await eventEditionById(c.env.DB, id))) throw notFoundProblem();
  const { data, isForm, next } = await readDraft(c);
  await updateEventDraft(c.env, c.var.account, id, data);
  if (isForm) return formDone(c, next, editionPage(id), "event_saved");
  return c.json(await eventEditionById(c.env.DB, id));
});

type Account = DashEnv["Variables"]["account"];
type Env = DashEnv["Bindings"];
const STEPS: Record<string, [z.ZodType, (env: Env, account: Account, id: number, input: never) => Promise<unknown>]> = {
  submit: [SubmitRequest, (env, account, id) => submitEventEdition(env, account, id)],
  approve: [
    ApproveRequest,
    (env, account, id, input: z.output<typeof ApproveRequest>) => approveEventEdition(env, account, id, input),
  ],
  return: [
    ReturnRequest,
    (env, account, id, input: z.output<typeof ReturnRequest>) => returnEventEdition(env, account, id, input.comment),
  ],
};

for (const [action, [schema, run]] of Object.entries(STEPS)) {
  eventEditionsApi.post(`/event-editions/:id/${action}`, validate("param", EditionParam), async (c) => {
    const { id } = c.req.valid("param");
    const { data, isForm, next } = await readInput(c, schema);
    await run(c.env, c.var.account, id, data as never);
    if (isForm) return formDone(c, next, editionPage(id), `event_${action}`);
    return c.json((await eventEditionById(c.env.DB, id)) ?? { id });
  });
}
