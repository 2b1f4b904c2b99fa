import type { VisitKey } from "./visit.zh-CN";

/** Booking strings (stays and festival sessions), English. Keys must match visit.zh-CN.ts exactly (tested via en.ts). */
export const visitEn: Record<VisitKey, string> = {
  "party.adults.one": "{n} adult",
  "party.adults.other": "{n} adults",
  "party.children.one": "{n} child",
  "party.children.other": "{n} children",
  "party.separator": ", ",
  "count.nights.one": "{n} night",
  "count.nights.other": "{n} nights",
  "count.units.one": "{n} unit",
  "count.units.other": "{n} units",
  "count.days.one": "{n} day",
  "count.days.other": "{n} days",
  "count.places.one": "{n} place left",
  "count.places.other": "{n} places left",
  "cancel.policy": "Cancellation",
  "cancel.until": "Free cancellation until {date} inclusive.",
  "cancel.rule":
    "{unit}: free cancellation until {days} before arrival. For example, arriving on {checkIn}, free cancellation until {until} inclusive.",
  "cancel.ruleFor": "{unit}: free cancellation until {until} inclusive.",
  "cancel.afterCamp": "After that you cannot cancel online: to cancel, please call the campsite on {phone}.",
  "cancel.afterOrganizer": "After that you cannot cancel online: to cancel, please call the organiser on {phone}.",
  "cancel.closedCamp":
    "Free cancellation ended on {date}, so the booking can no longer be cancelled online. To cancel, please call the campsite on {phone}.",
  "cancel.closedOrganizer":
    "Free cancellation ended on {date}, so the booking can no longer be cancelled online. To cancel, please call the organiser on {phone}.",
  "cancel.confirmHeading": "Cancel this booking?",
  "cancel.confirmIntro":
    "You are about to cancel the booking below. Its places go back to other visitors and it cannot be undone.",
  "cancel.confirmYes": "Yes, cancel the booking",
  "cancel.confirmNo": "No, keep my booking",
  "session.price": "Price per person",
  "session.children": "Children pay the same as adults: {price} each. Book a place for everyone who comes.",
  "session.childrenFree": "Free for adults and children, but places are limited: book a place for everyone who comes.",
  "session.priceNote": "The price shown after you submit is final. You pay at the event.",
  "session.freeNote": "This session is free: there is nothing to pay.",
  "session.privacy":
    "Your phone number is only used by the organiser to contact you. It is never published or used for anything else.",
  "session.payAtEvent": "You pay at the event.",
  "session.nothingToPay": "Free: nothing to pay.",
  "session.qr": "Entry code",
  "session.qrHelp": "Show this code to the staff at the event, or tell them your booking reference.",
  "session.qrAlt": "Entry QR code for booking {ref}",
  "session.phone": "Organiser's telephone",
};
