/**
 * The shape of county.config.ts: what a county states about itself. The values live in
 * county.config.ts at the top of the repository (one file per county, see README
 * "Another county"); this file is the code's side of it, the same for every county.
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
  sourceLimits: Record<"bookings" | "orders" | "recover" | "letters", SourceBudget>;
  /**
   * Residents' letters to the county (functions/letters/): how many working days each
   * type of letter has for its reply (the time limits the county publishes), and the
   * limits that keep one phone or address from flooding the mailbox.
   */
  letters: {
    /** Working days from receipt to the reply, per letter type. */
    replyDays: { consultation: number; suggestion: number; complaint: number; help: number };
    /** The most working days one extension may add to a letter's deadline (extended once). */
    maxExtensionWorkingDays: number;
    /** Letters accepted per county day from one phone number, and from one request address (IPv6 by /64). */
    perPhonePerDay: number;
    perAddressPerDay: number;
  };
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
