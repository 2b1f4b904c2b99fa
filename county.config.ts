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
  sourceLimits: {
    bookings: { perAddress: { challenge: 12, refuse: 60 }, perPhone: { challenge: 6, refuse: 20 }, perMinute: true },
    orders: { perAddress: { challenge: 12, refuse: 60 }, perPhone: { challenge: 6, refuse: 20 }, perMinute: true },
    recover: { perAddress: { challenge: 40, refuse: 120 }, perPhone: { challenge: 10, refuse: 30 }, perMinute: false },
  },
  challenge: { difficulty: 16, waitSeconds: 15, validSeconds: 600 },
};
