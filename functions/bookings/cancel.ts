import type { Context } from "hono";
import { county } from "../../county.config";
import type { AppEnv } from "../env";
import { GUARD, violated } from "../lib/constraints";
import { todayInCounty } from "../lib/dates";
import { type Claim, once, type Write } from "../lib/idempotency";
import { message } from "../lib/messages";
import { ProblemError } from "../lib/problem";
import { requireTokenSecret } from "../lib/token-secret";
import { normaliseReference, sameDigest, sha256Hex } from "../lib/tokens";
import { type MessageRecord, messageHistoryQuery } from "../messages/history";
import { bookedSubject } from "./lookup";
import { bookedPlace } from "./places";
import { type BookingView, bookingView, cancelRefusal } from "./present";
import type { BookingRow } from "./queries";
import { releaseStatements } from "./release";
import { BOOKING_STATUS_IN_TEXT } from "./status-labels";
import { tellGuest, whatInText } from "./tell-guest";

/** A guest may withdraw a booking that is confirmed or still awaiting the campsite's confirmation. */
const GUEST_CANCELS = ["confirmed", "held"] as const;

export function notFound() {
  return new ProblemError(404, "booking-not-found", (lang) => ({ detail: message(lang, "bookings.notFound") }));
}

/**
 * The booking, if the token matches; otherwise the same 404 as an unknown
 * reference. One round trip: the cancellation policy comes along in the same row,
 * and what was sent about it (`withMessages`) in the same batch.
 */
export async function findBooking(
  d1: D1Database,
  reference: string,
  token: string,
  opts: { withMessages?: boolean } = {},
) {
  const ref = normaliseReference(reference);
  const query = d1
    .prepare(
      `SELECT b.*, coalesce(u.free_cancel_days, s.free_cancel_days, 0) AS free_cancel_days
       FROM bookings b LEFT JOIN unit_types u ON u.id = b.unit_type_id LEFT JOIN activity_slots s ON s.id = b.slot_id
       WHERE b.reference = ?`,
    )
    .bind(ref);
  const [found, sent] = opts.withMessages
    ? await d1.batch<unknown>([query, messageHistoryQuery(d1, { bookingReference: ref })])
    : [await query.all()];
  const row = found?.results[0] as (BookingRow & { free_cancel_days: number }) | undefined;
  if (!row || !sameDigest(row.token_hash, await sha256Hex(token))) return null;
  const messages = (sent?.results ?? []) as MessageRecord[];
  return { row, view: bookingView(row, row.free_cancel_days), messages };
}

/** The idempotency scope of a booking's cancellation: a key is per booking. */
export const cancelScope = (reference: string) => `bookings.cancel:${normaliseReference(reference)}`;

export async function cancelBooking(
  c: Context<AppEnv>,
  reference: string,
  token: string,
  claim: Claim,
): Promise<{ status: number; body: BookingView; replayed: boolean }> {
  const d1 = c.env.DB;
  requireTokenSecret(c.env);
  const outcome = await once(d1, claim, (w) => cancelOnce(d1, c.env.ASSETS, normaliseReference(reference), token, w));
  return { ...outcome, body: outcome.body as BookingView };
}

/** Whom a guest calls once it is too late to cancel online: the campsite, or the event's organiser. */
async function phoneFor(d1: D1Database, assets: Fetcher | undefined, row: BookingRow): Promise<string> {
  const subject = await bookedSubject(d1, row);
  const place = !subject
    ? null
    : "stay" in subject
      ? await bookedPlace(assets, "campsites", subject.stay.siteSlug)
      : await bookedPlace(assets, "events", subject.session.eventSlug);
  return place?.phone ?? county.authority.phone;
}

async function cancelOnce(
  d1: D1Database,
  assets: Fetcher | undefined,
  ref: string,
  token: string,
  { claimKey }: Write,
) {
  const found = await findBooking(d1, ref, token);
  if (!found) throw notFound();
  const { row, view } = found;
  const refusal = cancelRefusal(view, todayInCounty());
  if (refusal === "notConfirmed") {
    throw new ProblemError(409, "not-cancellable", (l) => ({
      detail: message(l, "bookings.notConfirmed", { status: BOOKING_STATUS_IN_TEXT[l][row.status] }),
    }));
  }
  if (refusal === "tooLate") {
    const phone = await phoneFor(d1, assets, row);
    throw new ProblemError(409, "cancellation-closed", (l) => ({
      detail: message(l, "bookings.cancelClosed", { until: view.freeCancellationUntil, phone }),
    }));
  }
  const { holdUntil: _released, ...rest } = view;
  const response = { status: 200, body: { ...rest, status: "cancelled", cancelledBy: "guest" } satisfies BookingView };
  try {
    await d1.batch([
      claimKey(response),
      ...releaseStatements(d1, row, { from: GUEST_CANCELS, by: "guest" }),
      ...tellGuest(d1, row, "booking-guest-cancelled", await whatInText(d1, row)),
    ]);
  } catch (error) {
    // Another request cancelled it first (with another key): say so, as for any non-confirmed booking.
    if (violated(error, GUARD)) {
      throw new ProblemError(409, "not-cancellable", (l) => ({
        detail: message(l, "bookings.notConfirmed", { status: BOOKING_STATUS_IN_TEXT[l].cancelled }),
      }));
    }
    throw error;
  }
  return response;
}
