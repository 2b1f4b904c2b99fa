import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env";
import { readBody, seeOther } from "../lib/forms";
import { claimFor } from "../lib/idempotency";
import { requestLang } from "../lib/lang";
import { documented } from "../lib/openapi";
import { presentedToken } from "../lib/presented-token";
import { THROTTLED_RESPONSE } from "../lib/source-limits";
import { badRequest, parseInput, validate } from "../lib/validate";
import { cancelBooking, cancelScope, findBooking, notFound } from "./cancel";
import { createBooking } from "./create";
import { stayCalendar } from "./ics";
import { bookingLinks } from "./present";
import { Booking, CancelRequest, LookupQuery, ReferenceParam, SlotRequest, StayRequest } from "./schema";

documented({
  method: "post",
  path: "/api/bookings",
  summary: "Book a stay (unit, checkIn, nights) or places on an activity (slot)",
  tags: ["bookings"],
  body: z.union([StayRequest, SlotRequest]),
  idempotent: true,
  responses: {
    201: { description: "Booked; the token is shown once", schema: Booking },
    400: { description: "Bad input, with per-field messages" },
    409: { description: "A night or session is full or closed" },
    422: { description: "The Idempotency-Key was used with another body" },
    429: THROTTLED_RESPONSE,
  },
});
documented({
  method: "get",
  path: "/api/bookings/{reference}",
  summary: "Look up a booking with its token: `Authorization: Bearer`, `X-Booking-Token`, or `?token=`",
  tags: ["bookings"],
  params: ReferenceParam,
  query: LookupQuery,
  responses: {
    200: { description: "The booking", schema: Booking },
    404: { description: "Unknown reference or token" },
  },
});
documented({
  method: "get",
  path: "/api/bookings/{reference}/calendar.ics",
  summary: "The stay as an iCalendar file (text/calendar), to add to a phone's calendar",
  tags: ["bookings"],
  params: ReferenceParam,
  query: LookupQuery,
  responses: {
    200: { description: "`text/calendar; charset=utf-8`, sent as an attachment named after the reference" },
    404: { description: "Unknown reference or token" },
  },
});
documented({
  method: "post",
  path: "/api/bookings/{reference}/cancel",
  summary: "Cancel a booking within its free-cancellation period",
  tags: ["bookings"],
  params: ReferenceParam,
  body: CancelRequest,
  idempotent: true,
  responses: {
    200: { description: "Cancelled; the places are free again", schema: Booking },
    404: { description: "Unknown reference or token" },
    409: { description: "Not confirmed, or past the free-cancellation date" },
  },
});

export const bookingsApi = new Hono<AppEnv>();

bookingsApi.post("/", async (c) => {
  const lang = requestLang(c.req.raw);
  const body = await readBody(c);
  const { value } = body;
  const isSlot = typeof value === "object" && value !== null && "slot" in value;
  const parsed = isSlot ? parseInput(SlotRequest, value, lang) : parseInput(StayRequest, value, lang);
  if (!parsed.ok) throw badRequest(parsed.errors);
  const { idempotencyKey: _inClaim, ...request } = parsed.data;
  const claim = await claimFor(c, "bookings", body, request);
  const result = await createBooking(c, parsed.data, claim, lang);
  if (body.isForm) return seeOther(c, result.body.links.page);
  c.header("cache-control", "no-store");
  if (result.replayed) c.header("idempotent-replayed", "true");
  return c.json(result.body, result.status as 201);
});

/** The token from a header or ?token= (presented-token.ts), checked like the query was. */
function lookupToken(c: Parameters<typeof presentedToken>[0]): string {
  const parsed = parseInput(LookupQuery, { token: presentedToken(c) }, requestLang(c.req.raw));
  if (!parsed.ok) throw badRequest(parsed.errors);
  return parsed.data.token;
}

bookingsApi.get("/:reference", validate("param", ReferenceParam), async (c) => {
  const { reference } = c.req.valid("param");
  const token = lookupToken(c);
  const found = await findBooking(c.env.DB, reference, token, { withMessages: true });
  if (!found) throw notFound();
  c.header("cache-control", "no-store");
  const links = bookingLinks(found.row.reference, token, requestLang(c.req.raw));
  const messages = found.messages.map(({ channel, kind, status, sentAt }) => ({ channel, kind, status, sentAt }));
  return c.json({ ...found.view, token, links, messages });
});

bookingsApi.get(
  "/:reference/calendar.ics",
  validate("param", ReferenceParam),
  validate("query", LookupQuery),
  async (c) => {
    const { reference } = c.req.valid("param");
    const { token } = c.req.valid("query");
    const found = await findBooking(c.env.DB, reference, token);
    if (!found) throw notFound();
    const body = await stayCalendar(c.env.DB, found.row, requestLang(c.req.raw), c.env.ASSETS);
    return c.body(body, 200, {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="${found.row.reference}.ics"`,
      "cache-control": "no-store",
    });
  },
);

bookingsApi.post("/:reference/cancel", validate("param", ReferenceParam), async (c) => {
  const lang = requestLang(c.req.raw);
  const { reference } = c.req.valid("param");
  const body = await readBody(c);
  const parsed = parseInput(CancelRequest, body.value, lang);
  if (!parsed.ok) throw badRequest(parsed.errors);
  const claim = await claimFor(c, cancelScope(reference), body, { token: parsed.data.token });
  const result = await cancelBooking(c, reference, parsed.data.token, claim);
  const links = bookingLinks(result.body.reference, parsed.data.token, lang);
  if (body.isForm) return seeOther(c, `${links.page}&cancelled=1`);
  c.header("cache-control", "no-store");
  if (result.replayed) c.header("idempotent-replayed", "true");
  return c.json({ ...result.body, token: parsed.data.token, links }, result.status as 200);
});
