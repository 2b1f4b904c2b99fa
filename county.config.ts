/**
 * Everything that makes this portal Jinchuan's rather than another county's.
 * A county adopting the portal edits this file and `content/`, not the code.
 */
import type { CountyConfig } from "@functions/lib/county-config";

export const county: CountyConfig = {
  siteUrl: "https://www.jinchuan.gov.cn",
  name: { "zh-CN": "金川县人民政府", en: "Jinchuan County People's Government" },
  shortName: { "zh-CN": "金川县", en: "Jinchuan County" },
  region: { "zh-CN": "四川省阿坝藏族羌族自治州", en: "Ngawa Prefecture, Sichuan Province" },
  tagline: {
    "zh-CN": "梨乡金川：政策信息公开、节庆活动、露营预订与合作社农产品",
    en: "Jinchuan, home of the snow pear: public notices, festivals, camping and cooperative produce",
  },
  authority: {
    name: { "zh-CN": "金川县人民政府办公室", en: "General Office of the Jinchuan County People's Government" },
    operator: { "zh-CN": "金川县政务服务和大数据中心", en: "Jinchuan County Government Services and Data Centre" },
    address: { "zh-CN": "四川省阿坝州金川县金川镇", en: "Jinchuan Town, Jinchuan County, Ngawa Prefecture, Sichuan" },
    postcode: "624100",
    phone: "0837-2322000",
    email: "office@jinchuan.gov.cn",
    hours: {
      "zh-CN": "工作日 9:00–12:00，14:00–17:30",
      en: "Working days 9:00–12:00 and 14:00–17:30 (China Standard Time)",
    },
  },
  identification: {
    siteCode: "5132210001",
    icp: "蜀ICP备00000000号",
    publicSecurity: "川公网安备 51322102000001号",
  },
  coordinates: { latitude: 31.4763, longitude: 102.0636 },
  timeZone: "Asia/Shanghai",
  timeZoneAbbreviation: "CST",
  currency: "CNY",
  themeColor: "#1d5c3a",
  facts: [
    { value: { "zh-CN": "5524 平方千米", en: "5,524 km²" }, label: { "zh-CN": "县域面积", en: "Land area" } },
    {
      value: { "zh-CN": "1200 公顷", en: "1,200 ha" },
      label: { "zh-CN": "小水果基地（含雪梨）", en: "Small-fruit bases, snow pears among them" },
    },
    { value: { "zh-CN": "3333.3 公顷", en: "3,333.3 ha" }, label: { "zh-CN": "花椒种植面积", en: "Sichuan pepper" } },
    {
      value: { "zh-CN": "6 家", en: "6" },
      label: { "zh-CN": "梨产品加工龙头企业", en: "Leading pear-processing firms" },
    },
    {
      value: { "zh-CN": "94 万人次", en: "940,000" },
      label: { "zh-CN": "2023 年 3 月以来接待游客", en: "Visitors since March 2023" },
    },
  ],
  orderMail: {
    from: "orders@jinchuan.gov.cn",
    name: { "zh-CN": "金川县农特产品订单", en: "Jinchuan County produce orders" },
  },
  privacy: { contactRetentionDays: 90 },
  bookingLimits: {
    perRequest: { nights: 14, units: 4, places: 20 },
    perPhone: { unitsPerNight: 4, placesPerSession: 20 },
    perAddress: { unitsPerNight: 8, placesPerSession: 40 },
    confirmAbove: { units: 2, places: 10 },
    holdHours: 48,
    sourceDays: 14,
  },
  orderLimits: {
    maxLines: 10,
    maxUnitsPerLine: 20,
    maxUnitsPerCheckout: 40,
    maxShareOfStock: 0.25,
    minUnitsAllowed: 5,
    maxOpenOrdersPerPhone: 5,
    maxUnitsPerProductPerPhone: 24,
    holdFromUnits: 12,
    holdFromFen: 100_000,
    expireAfterHours: 48,
    expireHeldAfterHours: 24,
  },
  pageTexts: {
    homeLead: {
      "zh-CN": "这里是金川县的政务信息公开与乡村旅游服务入口。",
      en: "Public information and rural tourism services of Jinchuan County in one place.",
    },
    audiences: {
      tourists: {
        "zh-CN": "春季梨花节、秋季采摘节，以及嘎尖草坪等露营地的营位预订。",
        en: "The Pear Blossom Festival in spring, the Pear Picking Festival in autumn, and camping at Gajian Lawn and other sites.",
      },
      farmers: {
        "zh-CN": "雪梨膏、梨酒、鲜梨、花椒等，由经核实的农民专业合作社直接供货。",
        en: "Pear syrup, pear wine, fresh pears, Sichuan pepper and more, sold directly by verified farmers' cooperatives.",
      },
    },
    glanceIntro: {
      "zh-CN": "金川县位于大金川河两岸，是国家乡村振兴重点帮扶县，以雪梨闻名。",
      en: "Jinchuan lies on both banks of the Dajinchuan River. It is a national key county for rural revitalization, known for its snow pears.",
    },
    visitLead: {
      "zh-CN": "在金川的露营地过夜：查看营位类型、价格和可入住人数。",
      en: "Stay overnight at Jinchuan's campsites: unit types, prices and how many people each takes.",
    },
    productsLead: {
      "zh-CN": "金川县经核验的农民专业合作社直接销售的雪梨、梨膏、梨酒、花椒和高原蔬菜。",
      en: "Snow pears, pear syrup, pear wine, Sichuan pepper and highland vegetables sold directly by Jinchuan's verified farmers' cooperatives.",
    },
    eventsLead: {
      "zh-CN": "梨花节、采摘节、集市和民族文化活动：时间、地点、日程，以及可预约的活动。",
      en: "Pear blossom and pear picking festivals, markets and Jiarong Tibetan culture: dates, places, programmes and activities you can book.",
    },
    searchExamples: { "zh-CN": "梨、创业贷款、技能培训", en: "pears, loans, training" },
  },
  sourceLimits: {
    bookings: { perAddress: { challenge: 12, refuse: 60 }, perPhone: { challenge: 6, refuse: 20 }, perMinute: true },
    orders: { perAddress: { challenge: 12, refuse: 60 }, perPhone: { challenge: 6, refuse: 20 }, perMinute: true },
    recover: { perAddress: { challenge: 40, refuse: 120 }, perPhone: { challenge: 10, refuse: 30 }, perMinute: false },
    letters: { perAddress: { challenge: 6, refuse: 20 }, perPhone: { challenge: 3, refuse: 10 }, perMinute: true },
  },
  letters: {
    replyDays: { consultation: 3, suggestion: 10, complaint: 7, help: 15 },
    maxExtensionWorkingDays: 15,
    perPhonePerDay: 3,
    perAddressPerDay: 10,
  },
  challenge: { difficulty: 16, waitSeconds: 15, validSeconds: 600 },
};
