import type { orderMessagesZhCN } from "./order-messages.zh-CN";

/** The e-mails on the admins' outbox page, English. */
export const orderMessagesEn: Record<keyof typeof orderMessagesZhCN, string> = {
  "dash.messages.orderMail": "New-order e-mail (order {ref}) to the cooperative's members",
  "dash.messages.status.unmailed": "Not sent: no e-mail sending configured",
};
