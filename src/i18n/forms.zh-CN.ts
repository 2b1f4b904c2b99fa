/** Strings of refused forms: the error summary and the form scripts' own messages. */
export const formsZhCN = {
  "form.summary": "请修改以下问题后再提交",
  "form.checkIn": "请选择入住日期：{min} 至 {max} 之间，例如 {min}。",
  "form.quantity": "数量请填 0 到 {max} 之间的整数（0 表示不要这件）。",
} as const;

export type FormsKey = keyof typeof formsZhCN;
