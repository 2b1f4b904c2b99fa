import { county } from "../../county.config";
import { addDays } from "../lib/dates";

/**
 * The booking rules every reader of availability shares: the API, the booking
 * checks before a write, the operator's occupancy map and the pages. The
 * race-critical capacity check itself stays in SQL (see queries.ts).
 */

const { perRequest } = county.bookingLimits;

/**
 * The most one request may ask for: nights of a stay, units of a type, guests of
 * each kind, places on an activity session (county.config.ts bookingLimits).
 */
export const STAY_LIMITS = {
  nights: perRequest.nights,
  units: perRequest.units,
  guests: 50,
  places: perRequest.places,
} as const;

/** Whether a booking this size waits for the campsite's (or organiser's) confirmation. */
export function needsConfirmation(kind: "stay" | "activity", size: number): boolean {
  const { confirmAbove } = county.bookingLimits;
  return size > (kind === "stay" ? confirmAbove.units : confirmAbove.places);
}

/** A closure of a unit type: every night from `from_date` to `to_date`, both included. */
export interface Closure {
  from_date: string;
  to_date: string;
}

/** Whether any of these closures covers the night. */
export function isClosed(closures: readonly Closure[], night: string): boolean {
  return closures.some((k) => k.from_date <= night && night <= k.to_date);
}

/** The nights among `nights` that a closure covers. */
export function closedNights(closures: readonly Closure[], nights: string[]): string[] {
  return nights.filter((n) => isClosed(closures, n));
}

/** Units or places still free: capacity less what is booked, never below zero. */
export function placesLeft(capacity: number, booked: number): number {
  return Math.max(0, capacity - booked);
}

/** The last night a stay may include when booked today: `windowDays` ahead, included. */
export function lastBookableNight(today: string, windowDays: number): string {
  return addDays(today, windowDays);
}

/** Whether a night is inside the booking window: from today to the last bookable night. */
export function inBookingWindow(night: string, today: string, windowDays: number): boolean {
  return night >= today && night <= lastBookableNight(today, windowDays);
}

/** An activity session can be booked up to and including its own day. */
export function sessionOpen(date: string, today: string): boolean {
  return date >= today;
}

/**
 * The last day a booking may be cancelled online free of charge, that day
 * included: `freeCancelDays` before arrival (or the activity's day). Pages state
 * it before booking and the cancel route refuses after it, from this one date.
 */
export function freeCancellationUntil(checkIn: string, freeCancelDays: number, movedUntil?: string | null): string {
  const usual = addDays(checkIn, -freeCancelDays);
  // A session the organiser moved may be cancelled free up to its new day (session-changes.ts).
  return movedUntil && movedUntil > usual ? movedUntil : usual;
}
