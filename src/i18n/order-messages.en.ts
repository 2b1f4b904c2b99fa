import type { orderMessagesZhCN } from "./order-messages.zh-CN";

/** The messages listed on a buyer's order page, and the e-mails on the admins' outbox page, English. */
export const orderMessagesEn: Record<keyof typeof orderMessagesZhCN, string> = {
  "msglist.title": "Messages sent to you",
  "msglist.empty": "No message has been sent yet.",
  "msglist.sms": "Text message",
  "msglist.email": "E-mail",
  "msglist.status.sent": "Sent",
  "msglist.status.failed": "Could not be sent",
  "msglist.status.waiting": "Waiting to be sent",
  "msglist.status.uncertain": "Being checked",
  "msglist.tz": "(China Standard Time)",
  "msglist.kind.other": "Message",
  "msglist.kind.order-confirmed": "Order confirmed",
  "msglist.kind.order-ready": "Ready for pickup",
  "msglist.kind.order-shipped": "Shipped",
  "msglist.kind.order-cancelled": "Cancelled by the cooperative",
  "msglist.kind.order-cancelled-buyer": "Cancelled by you",
  "msglist.kind.order-cancelled-county": "Cancelled by the portal",
  "msglist.kind.order-expired": "Not confirmed in time, cancelled",
  "msglist.kind.recovery": "Link to your order",
  "dash.messages.orderMail": "New-order e-mail (order {ref}) to the cooperative's members",
  "dash.messages.status.unmailed": "Not sent: no e-mail sending configured",
};
