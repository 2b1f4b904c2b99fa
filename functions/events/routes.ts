import { type Context, Hono } from "hono";
import type { DashEnv } from "../accounts/middleware";
import { notFoundProblem } from "../accounts/problems";
import { documented } from "../lib/openapi";
import { formDone, readInput } from "../lib/staff-forms";
import { validate } from "../lib/validate";
import { requestSiteRebuild } from "../publishing/deploy-hook";
import { type Applied, addSession, cancelSession, changeStatus, editSession, statusImpact } from "./changes";
import { eventDetail, eventSummaries } from "./queries";
import {
  CancelSessionRequest,
  EventParam,
  ImpactQuery,
  SessionEditRequest,
  SessionParam,
  SessionRequest,
  StatusRequest,
} from "./schema";

/**
 * Festival events' sessions and status in the dashboard (mounted behind
 * requireAccount("admin", "editor", "reviewer"); changes.ts says why every editor and
 * reviewer may manage every event). Every change answers JSON, or a form with a 303 back
 * to the event's page saying what it did to bookings.
 */
export const eventsDashboardApi = new Hono<DashEnv>();

const TAG = "dashboard: events";
const common = {
  401: { description: "Not signed in" },
  404: { description: "No such event (or session) with sessions in the database" },
};
const changeResponses = {
  400: { description: "Bad input: a message per field in the person's language, nothing written" },
  ...common,
  409: {
    description:
      "Capacity below the places booked (the message names the number, `booked` gives it), a cancelled session, or the event changed meanwhile",
  },
};

documented({
  method: "get",
  path: "/api/dashboard/events",
  summary: "Events with sessions in the database: sessions, places booked, live bookings",
  tags: [TAG],
  responses: { 200: { description: "The events, those still to come first" }, 401: common[401] },
});
documented({
  method: "get",
  path: "/api/dashboard/events/{slug}",
  summary: "One event's status and its sessions with capacity, booked, remaining and price (fen)",
  tags: [TAG],
  params: EventParam,
  responses: { 200: { description: "The event" }, ...common },
});
documented({
  method: "get",
  path: "/api/dashboard/events/{slug}/status-impact",
  summary: "How many bookings a status change would cancel or move and how many guests it would text; writes nothing",
  tags: [TAG],
  params: EventParam,
  query: ImpactQuery,
  responses: { 200: { description: "{ status, cancelled, moved, guests }" }, 400: changeResponses[400], ...common },
});
documented({
  method: "post",
  path: "/api/dashboard/events/{slug}/sessions",
  summary: "Add a session; from now on the content import leaves the event alone",
  tags: [TAG],
  params: EventParam,
  body: SessionRequest,
  responses: { 201: { description: "Added: the event, with `session` the new id" }, ...changeResponses },
});
documented({
  method: "post",
  path: "/api/dashboard/events/{slug}/sessions/{id}",
  summary:
    "Change a session's day, times, capacity (never below booked), price or names; moved bookings follow, guests are texted",
  tags: [TAG],
  params: SessionParam,
  body: SessionEditRequest,
  responses: { 200: { description: "Saved: the event and what the change did" }, ...changeResponses },
});
documented({
  method: "post",
  path: "/api/dashboard/events/{slug}/sessions/{id}/cancel",
  summary: "Call one session off with reasons in both languages: its bookings are cancelled, each guest texted",
  tags: [TAG],
  params: SessionParam,
  body: CancelSessionRequest,
  responses: { 200: { description: "Cancelled: the event and what the change did" }, ...changeResponses },
});
documented({
  method: "post",
  path: "/api/dashboard/events/{slug}/status",
  summary:
    "Change the event's status (postponed and cancelled cancel its bookings; rescheduled moves sessions given new dates), one batch with the guests' texts",
  tags: [TAG],
  params: EventParam,
  body: StatusRequest,
  responses: { 200: { description: "Changed: the event and what the change did" }, ...changeResponses },
});

const pageOf = (slug: string) => `/dashboard/events/${slug}/`;

async function answer(
  c: Context<DashEnv>,
  slug: string,
  form: { isForm: boolean; next: string | undefined },
  done: string,
  applied: Applied,
  extra: Record<string, unknown> = {},
  status: 200 | 201 = 200,
) {
  if (form.isForm) {
    return formDone(c, form.next, pageOf(slug), done, {
      cancelled: applied.cancelled,
      moved: applied.moved,
      texted: applied.messages,
    });
  }
  return c.json({ ...(await eventDetail(c.env.DB, slug)), ...extra, change: applied }, status);
}

eventsDashboardApi.get("/events", async (c) => c.json(await eventSummaries(c.env.DB)));

eventsDashboardApi.get("/events/:slug", validate("param", EventParam), async (c) => {
  const event = await eventDetail(c.env.DB, c.req.valid("param").slug);
  if (!event) throw notFoundProblem();
  return c.json(event);
});

eventsDashboardApi.get(
  "/events/:slug/status-impact",
  validate("param", EventParam),
  validate("query", ImpactQuery),
  async (c) => c.json(await statusImpact(c.env.DB, c.req.valid("param").slug, c.req.valid("query").status)),
);

eventsDashboardApi.post("/events/:slug/sessions", validate("param", EventParam), async (c) => {
  const { slug } = c.req.valid("param");
  const { data, ...form } = await readInput(c, SessionRequest);
  const { id, ...applied } = await addSession(c.env.DB, c.var.account, slug, data);
  return answer(c, slug, form, "session_added", applied, { session: id }, 201);
});

eventsDashboardApi.post("/events/:slug/sessions/:id", validate("param", SessionParam), async (c) => {
  const { slug, id } = c.req.valid("param");
  const { data, ...form } = await readInput(c, SessionEditRequest);
  return answer(c, slug, form, "session_saved", await editSession(c.env.DB, c.var.account, slug, id, data));
});

eventsDashboardApi.post("/events/:slug/sessions/:id/cancel", validate("param", SessionParam), async (c) => {
  const { slug, id } = c.req.valid("param");
  const { data, ...form } = await readInput(c, CancelSessionRequest);
  return answer(c, slug, form, "session_cancelled", await cancelSession(c.env.DB, c.var.account, slug, id, data));
});

eventsDashboardApi.post("/events/:slug/status", validate("param", EventParam), async (c) => {
  const { slug } = c.req.valid("param");
  const { data, ...form } = await readInput(c, StatusRequest);
  const applied = await changeStatus(c.env.DB, c.var.account, slug, data);
  // The event's page is built with its status (src/collections/events.ts): ask for the rebuild.
  const rebuild = requestSiteRebuild(c.env).catch((e) => console.error("events: rebuild not asked", String(e)));
  try {
    c.executionCtx.waitUntil(rebuild);
  } catch {
    // No execution context (a request made straight to the app): wait for it here.
    await rebuild;
  }
  return answer(c, slug, form, "event_status", applied);
});
