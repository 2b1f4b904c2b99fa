import { addDays, todayInCounty } from "../lib/dates";
import { type Lang, localePath } from "../lib/lang";
import type { BookingRow } from "./queries";
import { freeCancellationUntil } from "./rules";

/** The public shape of a booking. The token is added by the caller (never stored). */
export interface BookingView {
  reference: string;
  status: BookingRow["status"];
  kind: "stay" | "activity";
  unit?: string;
  slot?: string;
  checkIn: string;
  checkOut?: string;
  nights: number;
  units: number;
  guests: { adults: number; children: number };
  total: number;
  currency: "CNY";
  freeCancellationUntil: string;
  /** A held booking: its places are kept until then (UTC) unless the campsite confirms it. */
  holdUntil?: string;
  cancelledBy?: "guest" | "campsite" | "housekeeping";
  /** The campsite's words when it cancelled or declined the booking. */
  cancelReason?: string;
  contact: { name: string };
}

export function bookingView(row: BookingRow, freeCancelDays: number): BookingView {
  const stay = row.unit_type_id !== null;
  return {
    reference: row.reference,
    status: row.status,
    kind: stay ? "stay" : "activity",
    ...(stay ? { unit: row.unit_type_id ?? "" } : { slot: row.slot_id ?? "" }),
    checkIn: row.check_in,
    ...(stay ? { checkOut: addDays(row.check_in, row.nights) } : {}),
    nights: row.nights,
    units: row.units,
    guests: { adults: row.adults, children: row.children },
    total: row.total_fen,
    currency: "CNY",
    freeCancellationUntil: freeCancellationUntil(row.check_in, freeCancelDays, row.free_cancel_until),
    ...(row.status === "held" && row.hold_until ? { holdUntil: row.hold_until } : {}),
    ...(row.status === "cancelled" && row.cancelled_by ? { cancelledBy: row.cancelled_by } : {}),
    ...(row.status === "cancelled" && row.cancel_reason ? { cancelReason: row.cancel_reason } : {}),
    contact: { name: row.contact_name },
  };
}

/**
 * Whether the guest may still cancel online: a confirmed booking, until its
 * last free-cancellation day (county time) included. Later, they phone the site.
 */
export function canCancel(
  view: Pick<BookingView, "status" | "freeCancellationUntil">,
  today = todayInCounty(),
): boolean {
  return cancelRefusal(view, today) === null;
}

/** Where a person sees their booking: the page and the API, both keyed by reference + token. */
export function bookingLinks(reference: string, token: string, lang: Lang) {
  const q = `ref=${encodeURIComponent(reference)}&token=${encodeURIComponent(token)}`;
  return {
    page: `${localePath(lang, "/visit/booking/")}?${q}`,
    api: `/api/bookings/${reference}?token=${encodeURIComponent(token)}`,
    calendar: `/api/bookings/${reference}/calendar.ics?token=${encodeURIComponent(token)}`,
  };
}

/**
 * Why a guest may not cancel online, or null when they may: only a confirmed
 * booking (or one awaiting confirmation), up to and including its last free-cancellation day (county date).
 * The booking page shows the button by it; the cancel route refuses by it.
 */
export function cancelRefusal(
  view: Pick<BookingView, "status" | "freeCancellationUntil">,
  today: string,
): "notConfirmed" | "tooLate" | null {
  if (view.status !== "confirmed" && view.status !== "held") return "notConfirmed";
  if (today > view.freeCancellationUntil) return "tooLate";
  return null;
}
