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
  "field.number": "请填写整数。",
  "bookings.phone": "请填写有效的电话号码，例如 13800000000。",
  "bookings.email": "请填写有效的电子邮箱，或留空。",
  "bookings.rangeOrder": "结束日期必须晚于开始日期。",
  "bookings.rangeTooLong": "一次最多查询 92 天。",
  "bookings.unknownUnit": "没有这种营位类型。",
  "bookings.unknownSlot": "没有这个活动场次。",
  "bookings.past": "入住日期已过，请选择今天或以后的日期。",
  "bookings.window": "最早只能提前 {days} 天预订：请选择 {last} 或之前的日期。",
  "bookings.minNights": "至少需要住 {n} 晚。",
  "bookings.maxNights": "最多可以住 {n} 晚。",
  "bookings.tooManyGuests": "{units} 个营位最多可住 {max} 人。",
  "bookings.slotPast": "这个活动场次已经结束。",
  "bookings.closed": "以下日期不开放：{nights}。",
  "bookings.full": "以下日期名额不足：{nights}。",
  "bookings.slotFull": "这个场次只剩 {remaining} 个名额。",
  "bookings.unavailable": "这个营位或场次刚刚停止预订或调整了价格，请刷新页面后重试。",
  "bookings.notFound": "没有找到这个预订。请检查预订号和凭证。",
  "bookings.notConfirmed": "这个预订当前状态为“{status}”，不能取消。",
  "bookings.cancelClosed": "免费取消的期限（{until}）已过。如需取消，请致电 {phone}。",
  "status.confirmed": "已确认",
  "status.cancelled": "已取消",
  "status.checked_in": "已入住",
  "status.no_show": "未到",
  "orders.items.empty": "请至少选择一件商品。",
  "orders.items.tooMany": "一次最多可订购 30 种商品。",
  "orders.items.duplicate": "同一商品请只填写一次，并合并数量。",
  "orders.product": "商品编号无效。",
  "orders.quantity": "数量须为 1 到 99 之间的整数。",
  "orders.method": "请选择自提或快递配送。",
  "orders.point": "请选择自提点。",
  "orders.point.unknown": "没有这个自提点，或它目前不开放。",
  "orders.point.wrongCooperative": "“{point}”只提供本合作社的商品。请选择游客中心等公共自提点，或分开下单。",
  "orders.text.tooLong": "内容过长，请精简。",
  "orders.postcode": "邮政编码为 6 位数字。",
  "orders.phone": "请填写有效的电话号码，例如 13800000000。",
  "orders.email": "电子邮箱格式不正确。",
  "orders.reference": "订单号为 8 位字母和数字，例如 7KQ2MZ4P。",
  "orders.token": "请填写下单时获得的查询码。",
  "orders.notFound": "没有找到与这个订单号和查询码对应的订单。",
  "orders.unavailable.detail": "部分商品无法按所需数量订购，所有订单均未提交。请修改后重试。",
  "orders.line.unknown": "没有这个商品。",
  "orders.line.short": "“{name}”只剩 {available} 件。",
  "orders.line.soldOut": "“{name}”已售完。",
  "orders.line.outOfSeason": "“{name}”现在不是销售季节。",
  "orders.line.unavailable": "“{name}”目前不可订购。",
  "orders.busy": "商品信息刚刚发生变化，订单没有提交。请重新提交。",
  "orders.cancel.confirmed": "合作社已确认这个订单，不能在线取消。请直接联系合作社。",
  "orders.cancel.already": "这个订单已经取消。",
  "orders.cancel.closed": "这个订单已经完成或发出，不能取消。",
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
  "field.number": "Enter a whole number.",
  "bookings.phone": "Enter a valid phone number, for example +86 138 0000 0000.",
  "bookings.email": "Enter a valid email address, or leave it empty.",
  "bookings.rangeOrder": "The end date must be after the start date.",
  "bookings.rangeTooLong": "Ask for at most 92 days at a time.",
  "bookings.unknownUnit": "There is no such unit type.",
  "bookings.unknownSlot": "There is no such activity session.",
  "bookings.past": "That date has passed: choose today or a later date.",
  "bookings.window": "Bookings open {days} days ahead: choose {last} or earlier.",
  "bookings.minNights": "The minimum stay is {n} nights.",
  "bookings.maxNights": "The maximum stay is {n} nights.",
  "bookings.tooManyGuests": "{units} unit(s) take at most {max} guests.",
  "bookings.slotPast": "This activity session has already taken place.",
  "bookings.closed": "Closed on: {nights}.",
  "bookings.full": "Not enough places left on: {nights}.",
  "bookings.slotFull": "Only {remaining} places are left in this session.",
  "bookings.unavailable":
    "This unit type or session has just stopped taking bookings or changed its price. Reload the page and try again.",
  "bookings.notFound": "No booking found. Check the booking reference and the token.",
  "bookings.notConfirmed": "This booking is {status} and cannot be cancelled.",
  "bookings.cancelClosed": "Free cancellation ended on {until}. To cancel now, please call {phone}.",
  "status.confirmed": "confirmed",
  "status.cancelled": "cancelled",
  "status.checked_in": "checked in",
  "status.no_show": "a no-show",
  "orders.items.empty": "Choose at least one product.",
  "orders.items.tooMany": "At most 30 different products can be ordered at once.",
  "orders.items.duplicate": "List each product once, with the total quantity.",
  "orders.product": "This is not a valid product.",
  "orders.quantity": "Quantity must be a whole number from 1 to 99.",
  "orders.method": "Choose pickup or delivery.",
  "orders.point": "Choose a pickup point.",
  "orders.point.unknown": "There is no such pickup point, or it is closed.",
  "orders.point.wrongCooperative":
    "“{point}” only hands out its own cooperative's products. Choose a shared point such as the visitor centre, or order separately.",
  "orders.text.tooLong": "This is too long; please shorten it.",
  "orders.postcode": "A postcode has 6 digits.",
  "orders.phone": "Enter a valid phone number, for example +86 138 0000 0000.",
  "orders.email": "Enter a valid email address.",
  "orders.reference": "An order reference has 8 letters and digits, for example 7KQ2MZ4P.",
  "orders.token": "Enter the token you were given when you ordered.",
  "orders.notFound": "No order matches this reference and token.",
  "orders.unavailable.detail":
    "Some items cannot be ordered as requested, so no order was placed. Please change them and try again.",
  "orders.line.unknown": "There is no such product.",
  "orders.line.short": "Only {available} left of “{name}”.",
  "orders.line.soldOut": "“{name}” is sold out.",
  "orders.line.outOfSeason": "“{name}” is out of season now.",
  "orders.line.unavailable": "“{name}” cannot be ordered at the moment.",
  "orders.busy": "Product details changed while we were placing your order; nothing was ordered. Please submit again.",
  "orders.cancel.confirmed":
    "The cooperative has already confirmed this order, so it can no longer be cancelled online. Please contact the cooperative.",
  "orders.cancel.already": "This order is already cancelled.",
  "orders.cancel.closed": "This order has been completed or sent and can no longer be cancelled.",
};

export const messages: Record<ApiLang, Record<MessageKey, string>> = { "zh-CN": zhCN, en };

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(zhCN, value);
}

export function message(lang: ApiLang, key: MessageKey, vars?: Record<string, string | number>): string {
  let text = messages[lang][key];
  for (const [name, value] of Object.entries(vars ?? {})) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}

/** A message with {placeholders} filled in, e.g. a product name in a per-line error. */
export function messageWith(lang: ApiLang, key: MessageKey, values: Record<string, string | number>): string {
  return message(lang, key).replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}
