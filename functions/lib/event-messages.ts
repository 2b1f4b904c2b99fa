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
  "eventEdition.slug": "活动地址只能用小写字母、数字和连字符，最多 80 个字符，例如 pear-blossom-2028。",
  "eventEdition.slugTaken": "这个地址已经有活动了：要修改它，请在活动列表中打开它并选择“修改”。",
  "eventEdition.openEdition": "这个活动已有一个未完成的版本（草稿、待审核、退回修改或定时发布）。请先完成它。",
  "eventEdition.ownEdition": "不能审核自己起草的版本：请由另一位审核人审核。",
  "eventEdition.notEditor": "只有编辑和县政府办公室的管理员可以起草活动。",
  "eventEdition.notReviewer": "只有审核人和县政府办公室的管理员可以审核活动。",
  "eventEdition.changeNote": "请写明本次修改了什么（2 至 300 字），审核人会看到。",
  "eventEdition.programmeLine":
    "第 {line} 行看不懂：请写成“2027-03-20 10:00-11:00 开幕式 @ 主会场舞台”（结束时间和地点可以不写）。",
  "eventEdition.sessionLine":
    "第 {line} 行看不懂：请写成“2027-03-21 09:30-11:00 25 30 梨园导览 / Orchard tour”（日期、时间、名额、每人价格（元）、中文名 / 英文名）。",
  "eventEdition.programmeCount": "英文版的节目单须与中文版一一对应：同样多的项目，同样的日期和时间。",
  "eventEdition.price": "请填写入场价格（元，可带两位小数），免费请填 0 或留空。",
  "eventEdition.coordinates": "请填写活动地点的纬度和经度（数字，例如 31.37 和 102.08），或选择一个营地。",
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
  "eventEdition.slug":
    "The address may use lower-case letters, digits and dashes, at most 80 characters, e.g. pear-blossom-2028.",
  "eventEdition.slugTaken":
    "An event already has this address: to change it, open it from the list of events and choose Amend.",
  "eventEdition.openEdition":
    "This event already has an unfinished edition (draft, waiting for review, returned or scheduled). Finish that one first.",
  "eventEdition.ownEdition": "You cannot review an edition you drafted: another reviewer must review it.",
  "eventEdition.notEditor": "Only editors and the county office's administrators draft events.",
  "eventEdition.notReviewer": "Only reviewers and the county office's administrators review events.",
  "eventEdition.changeNote": "Say what this edition changes (2 to 300 characters); the reviewer reads it.",
  "eventEdition.programmeLine":
    'Line {line} cannot be read: write it as "2027-03-20 10:00-11:00 Opening ceremony @ Main stage" (the end time and the place may be left out).',
  "eventEdition.sessionLine":
    'Line {line} cannot be read: write it as "2027-03-21 09:30-11:00 25 30 梨园导览 / Orchard tour" (date, times, places, price per person in yuan, Chinese name / English name).',
  "eventEdition.programmeCount":
    "The English programme must match the Chinese one item by item: as many items, on the same days and times.",
  "eventEdition.price": "Give the entry price in yuan (up to two decimals); 0 or empty for free.",
  "eventEdition.coordinates":
    "Give the place's latitude and longitude (numbers such as 31.37 and 102.08), or choose a campsite.",
};
