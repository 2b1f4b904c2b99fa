import type { ApiLang } from "./lang";

/**
 * Messages the API speaks to people. Keys are also used as zod `error` values in
 * request schemas, so a field-specific message is written once per language here.
 */
const zhCN = {
  "problem.badRequest": "请求有误",
  "problem.badRequest.detail": "请检查下列字段后重试。",
  "problem.notFound": "未找到",
  "problem.notFound.detail": "没有这个地址对应的接口或记录。",
  "problem.methodNotAllowed": "不支持该请求方法",
  "problem.conflict": "与当前状态冲突",
  "problem.unprocessable": "无法处理",
  "problem.tooManyRequests": "请求过于频繁",
  "problem.internal": "服务器内部错误",
  "problem.internal.detail": "服务暂时出现问题，您的请求没有被记录。请稍后重试，或拨打页面底部的联系电话。",
  "problem.unsupportedMediaType": "不支持的内容类型",
  "problem.unsupportedMediaType.detail": "此接口只接受 application/json 请求体。",
  "problem.malformedJson": "请求体不是有效的 JSON。",
  "problem.forbidden": "不允许的操作",
  "problem.tooLarge": "请求内容过大。",
  "problem.unsupportedMediaType.detailForms": "此接口只接受 application/json 或网页表单提交。",
  "problem.crossSite": "表单只能从本网站的页面提交。请返回网站重新填写。",
  "form.back": "返回修改",
  "field.required": "此项必填。",
  "field.date": "请填写有效日期，格式为 YYYY-MM-DD。",
  "idempotency.missing": "缺少 Idempotency-Key 请求头：请为每次提交生成一个唯一编号，重试时使用同一个编号。",
  "idempotency.invalid": "Idempotency-Key 须为 8–128 位字母、数字或 _ . : -。",
  "idempotency.mismatch": "这个 Idempotency-Key 已用于另一份不同的请求内容。请为新的提交使用新的编号。",
} as const;

export type MessageKey = keyof typeof zhCN;

const en: Record<MessageKey, string> = {
  "problem.badRequest": "Bad request",
  "problem.badRequest.detail": "Please check the fields below and try again.",
  "problem.notFound": "Not found",
  "problem.notFound.detail": "There is no API route or record at this address.",
  "problem.methodNotAllowed": "Method not allowed",
  "problem.conflict": "Conflict with the current state",
  "problem.unprocessable": "Unprocessable request",
  "problem.tooManyRequests": "Too many requests",
  "problem.internal": "Internal server error",
  "problem.internal.detail":
    "Something went wrong on our side and nothing was recorded. Please try again later, or call the number at the foot of the page.",
  "problem.unsupportedMediaType": "Unsupported media type",
  "problem.unsupportedMediaType.detail": "This API accepts application/json request bodies only.",
  "problem.malformedJson": "The request body is not valid JSON.",
  "problem.forbidden": "Forbidden",
  "problem.tooLarge": "The request is too large.",
  "problem.unsupportedMediaType.detailForms": "This API accepts application/json or a web form submission.",
  "problem.crossSite": "Forms can only be submitted from this website's own pages. Please go back and try again.",
  "form.back": "Go back and correct",
  "field.required": "This field is required.",
  "field.date": "Enter a valid date as YYYY-MM-DD.",
  "idempotency.missing":
    "The Idempotency-Key header is missing: send a unique key with each submission and the same key when retrying it.",
  "idempotency.invalid": "Idempotency-Key must be 8-128 letters, digits or _ . : -",
  "idempotency.mismatch":
    "This Idempotency-Key was already used for a different request. Use a new key for a new submission.",
};

export const messages: Record<ApiLang, Record<MessageKey, string>> = { "zh-CN": zhCN, en };

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(zhCN, value);
}

export function message(lang: ApiLang, key: MessageKey): string {
  return messages[lang][key];
}
