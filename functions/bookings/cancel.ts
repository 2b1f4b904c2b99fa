import type { Context } from "hono";
import { county } from "../../county.config";
import type { AppEnv } from "../env";
import { claimKey, fingerprint, storedResponse } from "../lib/idempotency";
import { type MessageKey, message } from "../lib/messages";
import { ProblemError } from "../lib/problem";
import { normaliseReference, requireTokenSecret, sameDigest, sha256Hex } from "../lib/tokens";
import { type BookingView, bookingView, canCancel } from "./present";
import { type BookingRow, cancelStatements, constraintHit } from "./queries";

export function notFound() {
  return new ProblemError(404, "booking-not-found", (lang) => ({ detail: message(lang, "bookings.notFound") }));
}

/**
 * The booking, if the token matches; otherwise the same 404 as an unknown
 * reference. One query: the cancellation policy comes along in the same row.
 */
export async function findBooking(d1: D1Database, reference: string, token: string) {
  const row = await d1
    .prepare(
      `SELECT b.*, coalesce(u.free_cancel_days, s.free_cancel_days, 0) AS free_cancel_days
       FROM bookings b LEFT JOIN unit_types u ON u.id = b.unit_type_id LEFT JOIN activity_slots s ON s.id = b.slot_id
       WHERE b.reference = ?`,
    )
    .bind(normaliseReference(reference))
    .first<BookingRow & { free_cancel_days: number }>();
  if (!row || !sameDigest(row.token_hash, await sha256Hex(token))) return null;
  return { row, view: bookingView(row, row.free_cancel_days) };
}

export async function cancelBooking(
  c: Context<AppEnv>,
  reference: string,
  token: string,
  key: string,
): Promise<{ status: number; body: BookingView; replayed: boolean }> {
  const d1 = c.env.DB;
  requireTokenSecret(c.env);
  const ref = normaliseReference(reference);
  const scope = `booking-cancel:${ref}`;
  const print = await fingerprint(scope, { token });
  const earlier = await storedResponse(d1, scope, key, print);
  if (earlier) return { status: earlier.status, body: earlier.body as BookingView, replayed: true };

  const found = await findBooking(d1, ref, token);
  if (!found) throw notFound();
  const { row, view } = found;
  if (row.status !== "confirmed") {
    throw new ProblemError(409, "not-cancellable", (l) => ({
      detail: message(l, "bookings.notConfirmed", { status: message(l, `status.${row.status}` as MessageKey) }),
    }));
  }
  if (!canCancel(view)) {
    throw new ProblemError(409, "cancellation-closed", (l) => ({
      detail: message(l, "bookings.cancelClosed", { until: view.freeCancellationUntil, phone: county.authority.phone }),
    }));
  }
  const cancelled: BookingView = { ...view, status: "cancelled" };
  try {
    await d1.batch([claimKey(d1, scope, key, print, { status: 200, body: cancelled }), ...cancelStatements(d1, row)]);
  } catch (error) {
    const hit = constraintHit(error);
    if (hit === "idempotency") {
      const stored = await storedResponse(d1, scope, key, print);
      if (stored) return { status: stored.status, body: stored.body as BookingView, replayed: true };
    }
    // Another request cancelled it first (with another key): say so, as for any non-confirmed booking.
    if (hit === "guard") {
      throw new ProblemError(409, "not-cancellable", (l) => ({
        detail: message(l, "bookings.notConfirmed", { status: message(l, "status.cancelled") }),
      }));
    }
    throw error;
  }
  return { status: 200, body: cancelled, replayed: false };
}
