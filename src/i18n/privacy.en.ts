import type { privacyZhCN } from "./privacy.zh-CN";

export const privacyEn: Record<keyof typeof privacyZhCN, string> = {
  "privacy.title": "Privacy notice",
  "privacy.link": "How we handle your personal details",
  "privacy.intro":
    "The {authority} is responsible for the personal information this site handles. This page says what we collect, why, who sees it, how long we keep it, and how to see, correct or have it deleted.",
  "privacy.collect.heading": "What we collect",
  "privacy.collect.booking":
    "Booking a pitch or an activity: your name, mobile number, and an e-mail address and notes if you give them.",
  "privacy.collect.order":
    "Buying produce: your name, mobile number, an optional e-mail address and notes; for delivery, the delivery address.",
  "privacy.collect.find":
    "Finding a booking or order again: only one-way digests of the phone number and network address, to limit repeated requests.",
  "privacy.collect.source":
    "Each booking and order keeps salted digests (not the values) of the network address and browser, used only to find and remove floods of bookings.",
  "privacy.collect.letter":
    "Writing to the county: your letter, name and mobile number, and if you give them your township, e-mail address and a photo (its location and camera details are removed).",
  "privacy.collect.staff": "Staff accounts: e-mail address, name and a record of sign-ins.",
  "privacy.collect.none":
    "Visitors and buyers need no account. The site uses no analytics, no advertising and no third-party scripts.",
  "privacy.why.heading": "Why",
  "privacy.why.body":
    "To hold your pitch or goods, to tell you when a campsite closes, an activity is cancelled or your order changes, and to send the texts you ask for. This is necessary to carry out the booking or order you asked for (Personal Information Protection Law, Article 13). We use it for nothing else.",
  "privacy.who.heading": "Who sees it",
  "privacy.who.operators":
    "A campsite's staff see only the bookings at their campsite; a cooperative sees only its own orders, and a delivery address only to ship them.",
  "privacy.who.admins":
    "The county's administrators may look to resolve problems and complaints. Every change they make is recorded.",
  "privacy.who.sms": "When we send a text, the SMS provider receives your number and the text, only to deliver it.",
  "privacy.who.letters":
    "The county office passes each letter to the office that answers it; staff of an office see only its own letters. If you agree to publication, only the letter and the reply are published: never your name, phone, e-mail, ID numbers or photo, and numbers or your name written in the text are hidden too.",
  "privacy.who.never":
    "We never sell, rent or give your personal information to anyone else, unless the law requires it.",
  "privacy.keep.heading": "How long we keep it",
  "privacy.keep.contact":
    "{days} days after your stay or activity ended (or the booking was cancelled), and {days} days after an order was completed or cancelled, your name, number, e-mail, notes and street address are erased automatically, and so is the number on the texts we sent you.",
  "privacy.keep.letters":
    "{days} days after a letter was answered or not accepted, the writer's name, mobile number, e-mail and photo are erased automatically; the letter, the reply and the dates stay as the county's record and for statistics.",
  "privacy.keep.record":
    "What remains has no personal details (dates, number of guests, amounts, the province and city of a delivery) and is kept for statistics.",
  "privacy.keep.throttle": "Records of link requests and failed staff sign-ins are deleted within a day.",
  "privacy.device.heading": "What is kept on your device",
  "privacy.device.prefs":
    "Your language and elder-friendly choices and your cart are kept in your browser (the cart for at most {cartDays} days).",
  "privacy.device.links":
    "After you open the link to your booking or order, your browser keeps a cookie for {hours} hours so that you do not need the link again.",
  "privacy.device.staff":
    "Staff who sign in get a sign-in cookie for at most {sessionHours} hours. The site sets no tracking cookies.",
  "privacy.rights.heading": "Your rights",
  "privacy.rights.body":
    "You can see, copy and correct your personal information, ask for it to be deleted earlier, or cancel a booking online. Contact the {authority} with your booking or order reference; we answer within 15 working days.",
  "privacy.updated": "Last updated:",
};
