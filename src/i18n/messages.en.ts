import type { messagesZhCN } from "./messages.zh-CN";

/** "Find my booking / order" and the admins' outbox page, English. */
export const messagesEn: Record<keyof typeof messagesZhCN, string> = {
  "find.title": "Find my booking or order",
  "find.homeLink": "Lost the page of your booking or order? Find it with the reference and your phone",
  "find.lead":
    "Kept only the booking (or order) reference and the phone number you gave? Fill them in and we will text the link to that phone.",
  "find.reference": "Booking or order reference",
  "find.referenceHint": "8 letters and digits, for example 7KQ2MZ4P. Capitals and spaces do not matter.",
  "find.phone": "The phone number you gave when booking or ordering",
  "find.phoneHint": "For example 138 0000 0000",
  "find.submit": "Send me the link",
  "find.sentTitle": "Watch for a text",
  "find.sent":
    "If the reference and the phone number match, that phone will get a text with the link within a few minutes.",
  "find.sentNone": "Nothing came? Check the details and try again, or call one of the numbers below.",
  "find.callTitle": "Please call us",
  "find.call":
    "This website cannot send texts yet. Please call the campsite or cooperative with your reference and phone number: staff will look it up for you.",
  "find.privacy": "To protect your privacy, this page says the same whether or not the details matched.",
  "find.phones": "Phone numbers",
  "find.again": "Fill in again",
  "dash.nav.messages": "Text messages",
  "dash.messages.title": "Text messages",
  "dash.messages.intro":
    "Every text to guests and buyers: sent, still to send, failed, and those where it is not known whether they went out.",
  "dash.messages.noProvider":
    "No SMS provider (Aliyun SMS) is configured, so no text goes out. Please call the people on the call list below.",
  "dash.messages.callList": "Call list",
  "dash.messages.callIntro":
    "These people are waiting for a text that did not go out. Call them, check who they are, and tell them about their booking or order.",
  "dash.messages.noCalls": "Nobody needs a call now.",
  "dash.messages.history": "All texts (newest first)",
  "dash.messages.empty": "No texts yet.",
  "dash.messages.showNumber": "Show the full number",
  "dash.messages.created": "Created",
  "dash.messages.sentAt": "Sent",
  "dash.messages.to": "To",
  "dash.messages.text": "Text",
  "dash.messages.about": "About",
  "dash.messages.attempts": "Attempts",
  "dash.messages.error": "Last error",
  "dash.messages.providerId": "Provider's receipt id",
  "dash.messages.tz": "(China Standard Time)",
  "dash.messages.status.pending": "To send",
  "dash.messages.status.unsent": "Not sent: no SMS provider",
  "dash.messages.status.sending": "Sending",
  "dash.messages.status.sent": "Sent",
  "dash.messages.status.failed": "Failed, given up",
  "dash.messages.status.uncertain": "Not known whether it went out (not resent: please check)",
  "dash.messages.booking": "Booking {ref}",
  "dash.messages.order": "Order {ref}",
};
