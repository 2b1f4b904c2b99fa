/** The privacy notice (/privacy/) and the links to it from forms that ask for personal details. */
export const privacyZhCN = {
  "privacy.title": "隐私说明",
  "privacy.link": "我们如何处理您的个人信息",
  "privacy.intro":
    "{authority}对本网站处理的个人信息负责。本页说明我们收集哪些信息、为什么收集、谁能看到、保存多久，以及您如何查询、更正或要求删除。",
  "privacy.collect.heading": "我们收集什么",
  "privacy.collect.booking": "预订营地或活动：姓名、手机号码，以及您自愿填写的电子邮箱和备注。",
  "privacy.collect.order": "购买农产品：姓名、手机号码、可选的电子邮箱和备注；选择配送时，还有收货地址。",
  "privacy.collect.find": "找回预订或订单：只保存手机号码和网络地址的摘要（无法还原），用于限制重复请求。",
  "privacy.collect.source":
    "每笔预订和订单保存网络地址和浏览器标识的加盐摘要（不是原值），只用于发现和清除批量抢占名额的请求。",
  "privacy.collect.letter":
    "给县里写信：来信内容、姓名、手机号码，以及您自愿填写的乡镇、电子邮箱和照片（照片中的位置和拍摄设备信息会被删除）。",
  "privacy.collect.staff": "工作人员账号：电子邮箱、姓名和登录记录。",
  "privacy.collect.none": "游客和买家无需注册账号。本网站不使用统计分析、广告或任何第三方脚本。",
  "privacy.why.heading": "为什么收集",
  "privacy.why.body":
    "为了替您保留名额或备货，在营地关闭、活动取消或订单有变化时通知您，以及发送您要求的短信。这是履行您申请的预订或订单所必需的（《个人信息保护法》第十三条）。我们不把这些信息用于其他目的。",
  "privacy.who.heading": "谁能看到",
  "privacy.who.operators": "营地的工作人员只能看到本营地的预订；合作社只能看到本社的订单，配送地址只用于发货。",
  "privacy.who.admins": "县里的系统管理员为处理问题和投诉可以查看，他们所做的每项改动都有记录。",
  "privacy.who.sms": "发送短信时，短信服务商会收到您的手机号码和短信内容，仅用于投递。",
  "privacy.who.letters":
    "来信由县政府办公室分办，承办部门的工作人员只能看到本部门的来信。您同意公开时，只公开来信和答复的内容，姓名、电话、电子邮箱、证件号码和照片都不公开，正文中出现的号码和姓名也会被隐去。",
  "privacy.who.never": "我们不出售、不出租，也不向其他单位提供您的个人信息，法律另有规定的除外。",
  "privacy.keep.heading": "保存多久",
  "privacy.keep.contact":
    "住宿或活动结束（或预订取消）{days}天后，订单完成或取消{days}天后，姓名、手机号码、电子邮箱、备注和详细地址会被自动删除，发给您的短信记录也删除收件号码。",
  "privacy.keep.letters":
    "来信答复或不予受理{days}天后，来信人的姓名、手机号码、电子邮箱和照片会被自动删除；来信、答复和日期作为政府工作记录保留，用于统计。",
  "privacy.keep.record": "之后只保留不含个人信息的记录（日期、人数、金额、收货的省市），用于统计。",
  "privacy.keep.throttle": "找回链接的请求记录和登录失败记录在一天内删除。",
  "privacy.device.heading": "保存在您设备上的信息",
  "privacy.device.prefs": "语言和适老模式的选择、购物车内容保存在您的浏览器中（购物车最多{cartDays}天）。",
  "privacy.device.links": "打开预订或订单链接后，浏览器保存一个{hours}小时有效的 Cookie，让您不必再次使用链接。",
  "privacy.device.staff": "工作人员登录时使用一个登录 Cookie，最长{sessionHours}小时。本网站不使用跟踪 Cookie。",
  "privacy.rights.heading": "您的权利",
  "privacy.rights.body":
    "您可以查询、复制、更正您的个人信息，或要求提前删除，也可以在网上取消预订。请联系{authority}，并提供预订号或订单号，我们在十五个工作日内答复。",
  "privacy.updated": "最近更新：",
} as const;
