/**
 * Strings of the campsite's decisions about bookings (cancel with a reason, held
 * bookings, floods) and of what the guest then sees, Chinese. Spread into zh-CN.ts;
 * every key must exist in booking-staff.en.ts.
 */
export const bookingStaffZhCN = {
  "booking.held.heading": "等待营地确认",
  "booking.held.body": "这是一笔较大的预订，营地确认后才生效。名额为您保留到 {until}，营地会用短信通知您结果。",
  "booking.cancelledByCampsite": "营地已取消这个预订：{reason}",
  "booking.holdExpired": "营地未在期限内确认这个预订，名额已释放。如仍需预订，请致电营地。",
  "dash.cancel.heading": "取消这个预订",
  "dash.cancel.open": "取消预订…",
  "dash.cancel.intro": "客人会在预订页面看到原因，并收到短信。名额会立即释放。",
  "dash.cancel.reason": "取消原因（客人可见）",
  "dash.cancel.submit": "确认取消",
  "dash.cancel.keep": "不取消，返回",
  "dash.cancel.shown": "取消原因",
  "dash.held.heading": "待确认的大额预订",
  "dash.held.body": "名额保留到 {until}，如未处理将自动释放。",
  "dash.held.confirm": "确认预订",
  "dash.held.declineReason": "拒绝原因（客人可见）",
  "dash.held.decline": "拒绝并释放名额",
  "dash.samePhone.link": "这个电话的全部预订",
  "dash.done.cancelled": "预订已取消，名额已释放。",
  "dash.done.declined": "已拒绝，名额已释放。",
  "dash.done.confirmed": "预订已确认。",
  "dash.done.cancelled_by_phone": "这个电话仍有效的预订已全部取消。",
  "dash.phone.title": "同一电话的预订",
  "dash.phone.intro": "电话 {phone} 名下仍有效的预订（最多显示 {max} 条）：",
  "dash.phone.none": "这个电话没有仍有效的预订。",
  "dash.phone.checkIn": "入住日期",
  "dash.phone.cancelAll": "全部取消",
  "dash.phone.cancelHint": "用于清除刷单。不会给这个号码发短信（号码可能被他人冒用）。",
  "dash.sources.title": "预订来源",
  "dash.sources.intro":
    "最近 {days} 天的预订按来源网络分组。只保存加密摘要，不保存网络地址。某个来源占用大量营位晚数时，可以按电话全部取消。",
  "dash.sources.source": "来源",
  "dash.sources.bookings": "预订数",
  "dash.sources.held": "占用营位晚数",
  "dash.sources.phones": "电话（点开可全部取消）",
  "dash.sources.phone": "{phone}：{n} 笔",
  "dash.sources.none": "最近没有预订。",
};
export type BookingStaffKey = keyof typeof bookingStaffZhCN;
