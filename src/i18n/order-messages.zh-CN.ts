/** The e-mails on the admins' outbox page, Chinese. Spread into zh-CN.ts. */
export const orderMessagesZhCN = {
  "dash.messages.orderMail": "新订单邮件（订单 {ref}），发给合作社成员",
  "dash.messages.status.unmailed": "未发送：没有配置邮件发送",
};
