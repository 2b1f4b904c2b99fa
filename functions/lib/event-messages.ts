/** What the API says to county staff changing festival events' sessions and status (spread into messages.ts). */
export const eventMessagesZhCN = {
  "events.sessionNameZh": "请填写场次的中文名称，最多 60 个字，例如“上午导览”。",
  "events.sessionNameEn": "请填写场次的英文名称，最多 80 个字符，例如 Orchard tour。",
  "events.capacity": "请填写名额：1 至 10000 的整数。",
  "events.endBeforeStart": "结束时间必须晚于开始时间。",
  "events.datePast": "日期已过：请填写今天或以后的日期。",
  "events.reasonZh": "请用中文写明原因（2 至 200 字），客人会在短信和预订页面看到。",
  "events.reasonEn": "请用英文写明原因（2 至 200 个字符），外国客人会在短信和预订页面看到。",
  "events.status": "请选择活动状态：按期举行、日期待定、已延期、已改期或已取消。",
  "events.sessionsOnlyRescheduled": "只有选择“改期”时才能填写场次的新日期。",
  "events.unknownSession": "这个活动没有这个场次。",
  "events.sessionTwice": "同一个场次只能填写一次。",
  "events.belowBooked": "这个场次已有 {booked} 个名额被预订，名额不能少于 {booked}。没有保存任何修改。",
  "events.changedMeanwhile":
    "这个活动刚刚被其他工作人员改动过，或有预订发生了变化：没有保存。请刷新页面，核对后再提交。",
  "events.sessionIsCancelled": "这个场次已经取消，不能再修改或再次取消。",
};

export const eventMessagesEn: Record<keyof typeof eventMessagesZhCN, string> = {
  "events.sessionNameZh": "Give the session's Chinese name, at most 60 characters, e.g. 上午导览.",
  "events.sessionNameEn": "Give the session's English name, at most 80 characters, e.g. Orchard tour.",
  "events.capacity": "Give the number of places: a whole number from 1 to 10,000.",
  "events.endBeforeStart": "The end time must be later than the start time.",
  "events.datePast": "That day has passed: give today or a later date.",
  "events.reasonZh":
    "Give the reason in Chinese (2 to 200 characters): guests read it in their text and on their booking page.",
  "events.reasonEn":
    "Give the reason in English (2 to 200 characters): foreign guests read it in their text and on their booking page.",
  "events.status": "Choose the event's status: scheduled, dates not final, postponed, rescheduled or cancelled.",
  "events.sessionsOnlyRescheduled": "New dates for sessions can only be given when the event is rescheduled.",
  "events.unknownSession": "This event has no such session.",
  "events.sessionTwice": "Give each session only once.",
  "events.belowBooked":
    "{booked} places of this session are booked, so it cannot have fewer than {booked}. Nothing was changed.",
  "events.changedMeanwhile":
    "Someone else changed this event, or a booking of it changed, a moment ago: nothing was saved. Reload the page, check and send it again.",
  "events.sessionIsCancelled": "This session is cancelled: it cannot be changed or cancelled again.",
};
