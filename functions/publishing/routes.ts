import { Hono } from "hono";
import type { z } from "zod";
import type { DashEnv } from "../accounts/middleware";
import { documented } from "../lib/openapi";
import { formDone, readInput } from "../lib/staff-forms";
import { validate } from "../lib/validate";
import { attachFile } from "./attachments";
import { buildManifest } from "./build-manifest";
import { lastRebuild } from "./deploy-hook";
import { type Edition, noticeHistory, staffEditions } from "./editions";
import { approveEdition, withdrawNotice } from "./publish";
import {
  ApproveRequest,
  EditionParam,
  EditionsQuery,
  NoticeDraftRequest,
  ReturnRequest,
  SubmitRequest,
  WithdrawRequest,
} from "./schema";
import { createDraft, editionFor, returnEdition, submitEdition, updateDraft } from "./workflow";

/**
 * Notices in the dashboard (mounted behind requireAccount("admin", "editor", "reviewer")):
 * editors draft and submit, reviewers approve or return, the county office does both and
 * may publish directly with a reason. JSON in and out, or a form and a 303 to its page.
 */
export const noticesDashboardApi = new Hono<DashEnv>();

const TAG = "dashboard: notices";
const responses = {
  400: { description: "Bad input: a message per field, nothing written" },
  401: { description: "Not signed in" },
  403: { description: "Not this account's to do (another agency, or its own edition to review)" },
  404: { description: "No such edition for this account" },
  409: { description: "The edition is not in a state for this (someone acted first)" },
};

documented({
  method: "post",
  path: "/api/dashboard/notices",
  summary: "Draft a notice, an amendment or the other language of a notice (editors of its agency, county office)",
  tags: [TAG],
  body: NoticeDraftRequest,
  responses: { 201: { description: 'The draft: { id, status: "draft" }' }, ...responses },
});
documented({
  method: "post",
  path: "/api/dashboard/notices/{id}",
  summary: "Save a draft or returned edition",
  tags: [TAG],
  params: EditionParam,
  body: NoticeDraftRequest,
  responses: { 200: { description: "The edition" }, ...responses },
});
for (const [action, body, summary] of [
  ["submit", SubmitRequest, "Submit a draft for review"],
  ["approve", ApproveRequest, "Approve: publish now, or at publishAt (county time); 403 for the edition's own author"],
  ["return", ReturnRequest, "Return to the editor with a comment"],
  ["withdraw", WithdrawRequest, "Withdraw a published notice: its page stays, with the reason"],
] as const) {
  documented({
    method: "post",
    path: `/api/dashboard/notices/{id}/${action}`,
    summary,
    tags: [TAG],
    params: EditionParam,
    body,
    responses: { 200: { description: "Done: the edition" }, ...responses },
  });
}
documented({
  method: "post",
  path: "/api/dashboard/notices/{id}/attachments",
  summary: "Attach a file (multipart: file, title): PDF, Word, Excel, WPS, CSV or a picture, up to 20 MB",
  tags: [TAG],
  params: EditionParam,
  responses: { 201: { description: "The attachment: title, file, type, bytes" }, ...responses },
});
documented({
  method: "get",
  path: "/api/dashboard/notices",
  summary: "Editions this account may see, and whether the site shows each published one yet",
  tags: [TAG],
  query: EditionsQuery,
  responses: { 200: { description: "The editions" }, 401: responses[401] },
});
documented({
  method: "get",
  path: "/api/dashboard/notices/{id}",
  summary: "One edition with its notice's history",
  tags: [TAG],
  params: EditionParam,
  responses: { 200: { description: "The edition" }, 401: responses[401], 404: responses[404] },
});

const editorPage = (id: number) => `/dashboard/notices/edition/?id=${id}`;

/** Published editions are "live" once the running build includes them, else "rebuilding". */
async function withSiteState(env: DashEnv["Bindings"], editions: Edition[]) {
  const manifest = await buildManifest(env);
  return editions.map((e) => ({
    ...e,
    site: e.status !== "published" ? null : (e.publishSeq ?? 0) <= manifest.seq ? "live" : "rebuilding",
  }));
}

noticesDashboardApi.get("/notices", validate("query", EditionsQuery), async (c) => {
  const editions = await staffEditions(c.env.DB, c.var.account, c.req.valid("query").status);
  return c.json({ editions: await withSiteState(c.env, editions), rebuild: await lastRebuild(c.env.DB) });
});

noticesDashboardApi.get("/notices/:id", validate("param", EditionParam), async (c) => {
  const edition = await editionFor(c.env, c.var.account, c.req.valid("param").id);
  const history = await noticeHistory(c.env.DB, c.var.account, edition.slug);
  const [withState] = await withSiteState(c.env, [edition]);
  return c.json({ ...withState, history: history.map(({ body: _b, ...rest }) => rest) });
});

noticesDashboardApi.post("/notices", async (c) => {
  const { data, isForm, next } = await readInput(c, NoticeDraftRequest);
  const created = await createDraft(c.env, c.var.account, data);
  if (isForm) return formDone(c, undefined, editorPage(created.id), "notice_drafted");
  void next;
  return c.json(created, 201);
});

noticesDashboardApi.post("/notices/:id", validate("param", EditionParam), async (c) => {
  const { id } = c.req.valid("param");
  const { data, isForm, next } = await readInput(c, NoticeDraftRequest);
  await updateDraft(c.env, c.var.account, id, data);
  if (isForm) return formDone(c, next, editorPage(id), "notice_saved");
  return c.json(await editionFor(c.env, c.var.account, id));
});

noticesDashboardApi.post("/notices/:id/attachments", validate("param", EditionParam), async (c) => {
  const { id } = c.req.valid("param");
  const { attachment, next } = await attachFile(c, c.var.account, id);
  if (typeof next === "string" && next.startsWith("/")) {
    return formDone(c, undefined, editorPage(id), "notice_attached");
  }
  return c.json(attachment, 201);
});

type Account = DashEnv["Variables"]["account"];
type Env = DashEnv["Bindings"];
const STEPS: Record<string, [z.ZodType, (env: Env, account: Account, id: number, input: never) => Promise<unknown>]> = {
  submit: [SubmitRequest, (env, account, id) => submitEdition(env, account, id)],
  approve: [
    ApproveRequest,
    (env, account, id, input: z.output<typeof ApproveRequest>) => approveEdition(env, account, id, input),
  ],
  return: [
    ReturnRequest,
    (env, account, id, input: z.output<typeof ReturnRequest>) => returnEdition(env, account, id, input.comment),
  ],
  withdraw: [
    WithdrawRequest,
    (env, account, id, input: z.output<typeof WithdrawRequest>) => withdrawNotice(env, account, id, input.reason),
  ],
};

for (const [action, [schema, run]] of Object.entries(STEPS)) {
  noticesDashboardApi.post(`/notices/:id/${action}`, validate("param", EditionParam), async (c) => {
    const { id } = c.req.valid("param");
    const { data, isForm, next } = await readInput(c, schema);
    await run(c.env, c.var.account, id, data as never);
    if (isForm) return formDone(c, next, editorPage(id), `notice_${action}`);
    const edition = await editionFor(c.env, c.var.account, id).catch(() => null);
    return c.json(edition ?? { id });
  });
}
