/**
 * What a festival event's fields say when they are wrong: the build prints the English
 * for content/events, the dashboard's event editor the person's language
 * (functions/events/event-fields.ts is the one schema for both).
 */
export const eventFieldMessagesZhCN = {
  "eventField.date": "请按 2027-03-20 的格式填写日期。",
  "eventField.noSuchDay": "日历上没有这一天。",
  "eventField.dayOrTime": "请填写日期（如 2027-03-20），或日期和当地时间（如 2027-03-20T09:30）。",
  "eventField.noSuchTime": "没有这个时刻：小时为 00 至 23，分钟为 00 至 59。",
  "eventField.clock": "请按 09:30 的格式填写时间。",
  "eventField.empty": "此项不能为空。",
  "eventField.fen": "价格请填写整数（以分计：30 元为 3000），不能为负数。",
  "eventField.freeNotZero": "免费活动请选择“免费”，不要填 0。",
  "eventField.summaryLong": "摘要请控制在 300 字以内：它显示在活动列表和搜索结果中。",
  "eventField.status": "请选择活动状态：按期举行、日期待定、已延期、已改期或已取消。",
  "eventField.slotId": "场次编号只能使用小写字母、数字和连字符。",
  "eventField.place": "请选择营地，或填写其他活动地点。",
  "eventField.phone": "电话只能包含数字、空格、加号和连字符（5 至 20 位）。",
  "eventField.url": "请填写完整的网址，以 https:// 开头。",
  "eventField.latitude": "纬度是 -90 至 90 之间的数字，例如 31.37。",
  "eventField.longitude": "经度是 -180 至 180 之间的数字，例如 102.08。",
  "eventField.capacity": "名额请填写正整数。",
  "eventField.allDayMix": "开始和结束要么都只写日期（全天活动），要么都写日期和时间。",
  "eventField.endBeforeStart": "结束时间早于开始时间。",
  "eventField.placeOrVenue": "活动地点请二选一：选择一个营地，或填写其他地点的名称、地址、路线和坐标。",
  "eventField.needsPrevious": "改期的活动需要填写原定的开始日期。",
  "eventField.outsideEvent": "这一天不在活动的日期之内。",
  "eventField.itemEnds": "结束时间早于开始时间。",
  "eventField.slotTwice": "同一个场次编号用了两次。",
};

export const eventFieldMessagesEn: Record<keyof typeof eventFieldMessagesZhCN, string> = {
  "eventField.date": "expected a date written as 2027-03-20",
  "eventField.noSuchDay": "no such day in the calendar",
  "eventField.dayOrTime": 'expected "2027-03-20" or "2027-03-20T09:30" (local time)',
  "eventField.noSuchTime": "no such time of day",
  "eventField.clock": 'expected a time of day such as "09:30"',
  "eventField.empty": "must not be empty",
  "eventField.fen": "price is whole fen (30 yuan is 3000), never negative",
  "eventField.freeNotZero": "write free instead of 0",
  "eventField.summaryLong": "keep the summary under 300 characters: it is shown in lists and search results",
  "eventField.status": "choose a status: scheduled, tentative, postponed, rescheduled or cancelled",
  "eventField.slotId": "use lower-case letters, digits and dashes",
  "eventField.place": "the campsite's key: the name of its file in content/campsites/",
  "eventField.phone": "digits, spaces, plus and dashes only (5 to 20)",
  "eventField.url": "a full address starting with https://",
  "eventField.latitude": "a latitude from -90 to 90, e.g. 31.37",
  "eventField.longitude": "a longitude from -180 to 180, e.g. 102.08",
  "eventField.capacity": "a whole number of places above 0",
  "eventField.allDayMix": "start and end must both be dates (all-day) or both be date and time",
  "eventField.endBeforeStart": "the end is before the start",
  "eventField.placeOrVenue":
    "write either place (a campsite's key) or venue (any other place), not both and not neither",
  "eventField.needsPrevious": "a rescheduled event needs previousStart: the start it had before",
  "eventField.outsideEvent": "this day is outside the event's dates",
  "eventField.itemEnds": "ends before it starts",
  "eventField.slotTwice": "this session id is used twice",
};
