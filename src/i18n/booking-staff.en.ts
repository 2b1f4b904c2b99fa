import type { BookingStaffKey } from "./booking-staff.zh-CN";

/** The campsite's decisions about bookings, English. Keys must match booking-staff.zh-CN.ts exactly. */
export const bookingStaffEn: Record<BookingStaffKey, string> = {
  "booking.held.heading": "Awaiting the campsite's confirmation",
  "booking.held.body":
    "This is a large booking: it takes effect once the campsite confirms it. The places are held for you until {until}; the campsite will text you its answer.",
  "booking.cancelledByCampsite": "Cancelled by the campsite: {reason}",
  "booking.holdExpired":
    "The campsite did not confirm this booking in time, so its places are released. To book, please call the campsite.",
  "dash.cancel.heading": "Cancel this booking",
  "dash.cancel.open": "Cancel booking…",
  "dash.cancel.intro":
    "The guest sees the reason on their booking page and gets a text message. The places are released at once.",
  "dash.cancel.reason": "Reason for cancelling (the guest sees it)",
  "dash.cancel.submit": "Cancel the booking",
  "dash.cancel.keep": "Keep it, go back",
  "dash.cancel.shown": "Reason for cancelling",
  "dash.held.heading": "A large booking awaiting confirmation",
  "dash.held.body": "Its places are held until {until}; if nobody decides, they are released automatically.",
  "dash.held.confirm": "Confirm booking",
  "dash.held.declineReason": "Reason for declining (the guest sees it)",
  "dash.held.decline": "Decline and release the places",
  "dash.samePhone.link": "All bookings of this phone",
  "dash.done.cancelled": "Booking cancelled; the places are free again.",
  "dash.done.declined": "Declined; the places are free again.",
  "dash.done.confirmed": "Booking confirmed.",
  "dash.done.cancelled_by_phone": "All active bookings of this phone are cancelled.",
  "dash.phone.title": "Bookings of one phone",
  "dash.phone.intro": "Active bookings under the phone {phone} (at most {max} shown):",
  "dash.phone.none": "This phone has no active bookings.",
  "dash.phone.checkIn": "Arrival",
  "dash.phone.cancelAll": "Cancel all of them",
  "dash.phone.cancelHint": "For removing a flood. No text message goes to this number (it may be someone else's).",
  "dash.sources.title": "Where bookings come from",
  "dash.sources.intro":
    "Bookings of the last {days} days, grouped by the network they came from. Only a salted hash is kept, never the address. When one source holds many pitch-nights, cancel its bookings by phone.",
  "dash.sources.source": "Source",
  "dash.sources.bookings": "Bookings",
  "dash.sources.held": "Pitch-nights held",
  "dash.sources.phones": "Phones (open one to cancel all)",
  "dash.sources.phone": "{phone}: {n}",
  "dash.sources.none": "No recent bookings.",
};
