/**
 * Everything that makes this portal Jinchuan's rather than another county's.
 * A county adopting the portal edits this file and `content/`, not the code.
 */
interface Localized {
  "zh-CN": string;
  en: string;
}

export interface CountyConfig {
  /** Public origin of the portal, used for canonical links, feeds and sitemaps. */
  siteUrl: string;
  name: Localized;
  /** Short name for narrow screens and the browser tab. */
  shortName: Localized;
  /** Administrative position, e.g. prefecture and province. */
  region: Localized;
  tagline: Localized;
  authority: {
    /** The body legally responsible for the site's content (主办单位). */
    name: Localized;
    /** The office that runs the site day to day (承办单位). */
    operator: Localized;
    address: Localized;
    postcode: string;
    phone: string;
    email: string;
    hours: Localized;
  };
  /** Identification line required of government sites (网站标识码, ICP and PSB records). */
  identification: {
    siteCode: string;
    icp: string;
    publicSecurity: string;
  };
  coordinates: { latitude: number; longitude: number };
  /** IANA zone of the county's dates and clocks; it must keep one UTC offset all year (no daylight saving time). */
  timeZone: string;
  /** The zone's abbreviation that calendar files carry (TZNAME). */
  timeZoneAbbreviation: string;
  currency: string;
  /** Brand colour; must keep 4.5:1 contrast against white for text and buttons. */
  themeColor: string;
  /** The county at a glance: shown on the home page. */
  facts: Array<{ value: Localized; label: Localized }>;
  /**
   * Sender of the e-mails that tell a cooperative about a new order. The address
   * must be on a domain onboarded to Cloudflare Email Sending and listed in the
   * MAIL binding's allowed_sender_addresses in wrangler.toml.
   */
  orderMail: { from: string; name: Localized };
  /**
   * How long the portal keeps what guests and buyers typed about themselves (name, phone,
   * e-mail, address, notes) once it is no longer needed: days after a stay ended or was
   * cancelled, or after an order was completed or cancelled. The cron then erases it and
   * keeps the anonymous record (dates, numbers, totals) for statistics. /privacy/ states it.
   */
  privacy: { contactRetentionDays: number };
  /**
   * Limits on public bookings, which need no account and no payment: set where a real
   * family never meets them and a script always does (README "Booking limits").
   */
  bookingLimits: {
    /** The most one request may ask for: nights of a stay, units of one type, places on a session. */
    perRequest: { nights: number; units: number; places: number };
    /** Units held by one phone on one night (all campsites), and places on one session. */
    perPhone: { unitsPerNight: number; placesPerSession: number };
    /** The same, for one request address (IPv6 by /64); mobile networks share addresses, so higher. */
    perAddress: { unitsPerNight: number; placesPerSession: number };
    /** Bookings above these wait for the campsite's confirmation, places held meanwhile. */
    confirmAbove: { units: number; places: number };
    /** Hours a booking awaiting confirmation keeps its places before housekeeping releases them. */
    holdHours: number;
    /** How many days back the staff's list of booking sources looks. */
    sourceDays: number;
  };
  /**
   * Limits on orders, which need no account and no payment: set where a real buyer
   * never meets them and a script always does (functions/produce/order-limits.ts).
   */
  orderLimits: {
    /** Different products in one checkout. */
    maxLines: number;
    /** Units of one product in one checkout. */
    maxUnitsPerLine: number;
    /** Units of all products together in one checkout. */
    maxUnitsPerCheckout: number;
    /** Share (0-1) of a product's current stock one checkout may take; never less than minUnitsAllowed. */
    maxShareOfStock: number;
    minUnitsAllowed: number;
    /** Open orders (placed to shipped) one phone may hold at once. */
    maxOpenOrdersPerPhone: number;
    /** Units of one product one phone may hold across its open orders. */
    maxUnitsPerProductPerPhone: number;
    /** An order of at least this many units, or this total in fen, is held for the cooperative to confirm by phone. */
    holdFromUnits: number;
    holdFromFen: number;
    /** Hours a placed order waits for the cooperative before it is cancelled and its stock returned. */
    expireAfterHours: number;
    /** The same for a held (large) order. */
    expireHeldAfterHours: number;
  };
  /**
   * What the public pages say about this county. The strings in src/i18n are true
   * for every county; each sentence that names this county, its places or its
   * products lives here.
   */
  pageTexts: {
    /** Home page: the sentence under the tagline. */
    homeLead: Localized;
    /** Home page: what tourists and buyers find here (festivals, campsites, products by name). */
    audiences: { tourists: Localized; farmers: Localized };
    /** Home page: the paragraph above the facts. */
    glanceIntro: Localized;
    /** Lead paragraph and meta description of the campsite list. */
    visitLead: Localized;
    /** Lead paragraph and meta description of the product list. */
    productsLead: Localized;
    /** Lead paragraph and meta description of the events list. */
    eventsLead: Localized;
    /** Example words for the notice search, separated as the language separates a list. */
    searchExamples: Localized;
  };
  /**
   * Hourly budgets of public writes per source (functions/lib/source-limits.ts), per
   * route: past `challenge` requests in a clock hour a request must pass the check of
   * `challenge` below; past `refuse` it is refused with 429 until the hour ends. The
   * one-minute bursts are the [[ratelimits]] bindings of wrangler.toml. See README.
   */
  sourceLimits: Record<"bookings" | "orders" | "recover", SourceBudget>;
  /** The check a source over its budget passes (functions/lib/challenge.ts). */
  challenge: {
    /** Leading zero bits of SHA-256 the browser must find: 16 takes a phone about a second. */
    difficulty: number;
    /** Without JavaScript: how long a person waits before pressing the button again. */
    waitSeconds: number;
    /** How long an issued check can be answered. */
    validSeconds: number;
  };
}

interface HourlyBudget {
  challenge: number;
  refuse: number;
}

interface SourceBudget {
  /** Per client address (IPv6 by its /64). */
  perAddress: HourlyBudget;
  /** Per phone number given in the request. */
  perPhone: HourlyBudget;
  /**
   * Whether the one-minute bindings of wrangler.toml also ask for the check. Off for
   * find my booking: it has its own throttle, and a person retyping a number asks often.
   */
  perMinute: boolean;
}

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
  },
  challenge: { difficulty: 16, waitSeconds: 15, validSeconds: 600 },
};
