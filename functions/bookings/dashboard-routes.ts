import { Hono } from "hono";
import { z } from "zod";
import type { DashEnv } from "../accounts/middleware";
import { notFoundProblem } from "../accounts/problems";
import { attachment } from "../lib/csv";
import { addDays, daysBetween, todayInCounty } from "../lib/dates";
import { RangeQuery } from "../lib/fields";
import { requestLang } from "../lib/lang";
import { documentedDashboard } from "../lib/openapi";
import { formDone, readInput } from "../lib/staff-forms";
import { validate } from "../lib/validate";
import { bookingsCsv } from "./csv";
import { arrivals, bookingsForExport, occupancy, siteInScope, sitesInScope } from "./site-ops";
import { addClosure, changeCapacity, removeClosure } from "./site-writes";
import { bookingSources, cancelPhoneBookings, phoneBookings } from "./sources";
import { checkIn, findForDashboard, markNoShow } from "./staff-actions";
import { confirmHeld, declineHeld, staffCancel } from "./staff-cancel";
import {
  BookingParam,
  CapacityRequest,
  ClosureParam,
  ClosureRequest,
  ReasonRequest,
  SiteParam,
  UnitParam,
} from "./staff-schema";

/** The site operator's API: every route answers only for campsites in the session's scope. */
export const sitesApi = new Hono<DashEnv>();

documentedDashboard("dashboard: campsites", "Unknown, or not in your scope", [
  ["get", "/api/dashboard/sites", "Campsites this account may manage"],
  ["get", "/api/dashboard/sites/{slug}/occupancy", "Booked and capacity per unit type and night (from, days)"],
  ["get", "/api/dashboard/sites/{slug}/arrivals", "Stays arriving on a date (default today)"],
  ["get", "/api/dashboard/sites/{slug}/bookings.csv", "Bookings arriving in [from, to) as CSV (UTF-8 with BOM)"],
  ["get", "/api/dashboard/bookings/{reference}", "A booking at a campsite in scope"],
  ["post", "/api/dashboard/bookings/{reference}/check-in", "Check a guest in (arrival day to last night)"],
  ["post", "/api/dashboard/bookings/{reference}/no-show", "Mark a booking as a no-show"],
  [
    "post",
    "/api/dashboard/bookings/{reference}/cancel",
    "Cancel a booking with a reason ({ reason }); the guest sees it",
  ],
  ["post", "/api/dashboard/bookings/{reference}/confirm", "Confirm a booking awaiting confirmation"],
  ["post", "/api/dashboard/bookings/{reference}/decline", "Decline a booking awaiting confirmation ({ reason })"],
  ["get", "/api/dashboard/bookings/{reference}/same-phone", "Active bookings with this booking's phone (masked)"],
  ["post", "/api/dashboard/bookings/{reference}/cancel-same-phone", "Cancel all of them ({ reason }), one batch"],
  ["get", "/api/dashboard/sites/{slug}/booking-sources", "Recent bookings grouped by request address (hashed)"],
  ["post", "/api/dashboard/sites/{slug}/closures", "Close a unit type for a range of nights"],
  ["post", "/api/dashboard/closures/{id}/delete", "Reopen: remove a closure"],
  ["post", "/api/dashboard/units/{unit}/capacity", "Change capacity; 409 if it would go below what is booked"],
]);

async function site(c: { env: DashEnv["Bindings"]; var: DashEnv["Variables"] }, slug: string) {
  const row = await siteInScope(c.env.DB, c.var.account, slug);
  if (!row) throw notFoundProblem();
  return row;
}

sitesApi.get("/sites", async (c) => c.json(await sitesInScope(c.env.DB, c.var.account)));

sitesApi.get("/sites/:slug/occupancy", validate("param", SiteParam), validate("query", RangeQuery), async (c) => {
  const s = await site(c, c.req.valid("param").slug);
  const q = c.req.valid("query");
  return c.json(await occupancy(c.env.DB, s.id, q.from ?? todayInCounty(), q.days ?? 28));
});

sitesApi.get("/sites/:slug/arrivals", validate("param", SiteParam), validate("query", RangeQuery), async (c) => {
  const s = await site(c, c.req.valid("param").slug);
  const date = c.req.valid("query").date ?? todayInCounty();
  const rows = await arrivals(c.env.DB, s.id, date);
  return c.json({
    date,
    arrivals: rows.map((b) => ({
      reference: b.reference,
      unit: b.unit_type_id,
      nights: b.nights,
      units: b.units,
      guests: { adults: b.adults, children: b.children },
      contact: { name: b.contact_name, phone: b.contact_phone },
      status: b.status,
    })),
  });
});

sitesApi.get("/sites/:slug/bookings.csv", validate("param", SiteParam), validate("query", RangeQuery), async (c) => {
  const s = await site(c, c.req.valid("param").slug);
  const q = c.req.valid("query");
  const from = q.from ?? todayInCounty();
  let to = q.to ?? addDays(from, 31);
  if (to <= from || daysBetween(from, to) > 366) to = addDays(from, 31);
  const lang = requestLang(c.req.raw);
  return c.body(bookingsCsv(await bookingsForExport(c.env.DB, s.id, from, to), lang), 200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": attachment(`${s.slug}-bookings-${from}-${to}.csv`),
  });
});

sitesApi.get("/bookings/:reference", validate("param", BookingParam), async (c) => {
  const b = await findForDashboard(c.env.DB, c.var.account, c.req.valid("param").reference);
  return c.json({
    reference: b.reference,
    status: b.status,
    checkIn: b.check_in,
    nights: b.nights,
    units: b.units,
    site: b.site_slug,
    unit: b.unit_type_id,
    ...(b.hold_until && b.status === "held" ? { holdUntil: b.hold_until } : {}),
    ...(b.cancel_reason ? { cancelReason: b.cancel_reason } : {}),
  });
});

const Empty = z.object({});
for (const [action, run, done] of [
  ["check-in", checkIn, "checked_in"],
  ["no-show", markNoShow, "no_show"],
] as const) {
  sitesApi.post(`/bookings/:reference/${action}`, validate("param", BookingParam), async (c) => {
    const { isForm, next } = await readInput(c, Empty);
    const b = await run(c.env.DB, c.var.account, c.req.valid("param").reference);
    if (isForm) return formDone(c, next, `/dashboard/check-in/?ref=${b.reference}`, done);
    return c.json({ reference: b.reference, status: b.status });
  });
}

const bookingPage = (reference: string) => `/dashboard/check-in/?ref=${reference}`;

for (const [action, run, done] of [
  ["cancel", staffCancel, "cancelled"],
  ["decline", declineHeld, "declined"],
] as const) {
  sitesApi.post(`/bookings/:reference/${action}`, validate("param", BookingParam), async (c) => {
    const { data, isForm, next } = await readInput(c, ReasonRequest);
    const result = await run(c.env.DB, c.var.account, c.req.valid("param").reference, data.reason);
    if (isForm) return formDone(c, next, bookingPage(result.reference), done);
    return c.json(result);
  });
}

sitesApi.post("/bookings/:reference/confirm", validate("param", BookingParam), async (c) => {
  const { isForm, next } = await readInput(c, Empty);
  const result = await confirmHeld(c.env.DB, c.var.account, c.req.valid("param").reference);
  if (isForm) return formDone(c, next, bookingPage(result.reference), "confirmed");
  return c.json(result);
});

sitesApi.get("/bookings/:reference/same-phone", validate("param", BookingParam), async (c) =>
  c.json(await phoneBookings(c.env.DB, c.var.account, c.req.valid("param").reference, requestLang(c.req.raw))),
);

sitesApi.post("/bookings/:reference/cancel-same-phone", validate("param", BookingParam), async (c) => {
  const { data, isForm, next } = await readInput(c, ReasonRequest);
  const result = await cancelPhoneBookings(c.env.DB, c.var.account, c.req.valid("param").reference, data.reason);
  if (isForm) {
    const fallback = `/dashboard/phone-bookings/?ref=${result.reference}`;
    return formDone(c, next, fallback, "cancelled_by_phone", { n: result.cancelled.length });
  }
  return c.json(result);
});

sitesApi.get("/sites/:slug/booking-sources", validate("param", SiteParam), async (c) => {
  const s = await site(c, c.req.valid("param").slug);
  return c.json({ sources: await bookingSources(c.env.DB, s.id) });
});

sitesApi.post("/sites/:slug/closures", validate("param", SiteParam), async (c) => {
  const s = await site(c, c.req.valid("param").slug);
  const { data, isForm, next } = await readInput(c, ClosureRequest);
  const result = await addClosure(c.env.DB, c.var.account, s.slug, data);
  if (isForm) {
    return formDone(c, next, `/dashboard/sites/${s.slug}/`, "closure_added", {
      affected: result.cancelledBookings.length,
    });
  }
  return c.json(result, 201);
});

sitesApi.post("/closures/:id/delete", validate("param", ClosureParam), async (c) => {
  const { isForm, next } = await readInput(c, Empty);
  const result = await removeClosure(c.env.DB, c.var.account, c.req.valid("param").id);
  if (isForm) return formDone(c, next, `/dashboard/sites/${result.site}/`, "closure_removed");
  return c.json(result);
});

sitesApi.post("/units/:unit/capacity", validate("param", UnitParam), async (c) => {
  const { data, isForm, next } = await readInput(c, CapacityRequest);
  const result = await changeCapacity(c.env.DB, c.var.account, c.req.valid("param").unit, data);
  if (isForm) return formDone(c, next, `/dashboard/sites/${result.site}/`, "capacity");
  return c.json(result);
});
