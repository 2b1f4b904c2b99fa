import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/**
 * The only definition of the portal's tables. `npm run db:generate` turns
 * changes here into a new SQL file in migrations/; landed migrations are
 * never edited.
 *
 * Conventions: money is integer fen, dates are `YYYY-MM-DD` in the county's
 * time zone, timestamps are UTC ISO-8601 strings.
 */

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

const createdAt = () => text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

/** Operational side of a campsite; descriptions and photos live in content/campsites. */
export const campsites = sqliteTable("campsites", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  createdAt: createdAt(),
});

/** A kind of pitch or place at a campsite, e.g. bring-your-own-tent pitch. */
export const unitTypes = sqliteTable(
  "unit_types",
  {
    id: text("id").primaryKey(),
    campsiteId: integer("campsite_id")
      .notNull()
      .references(() => campsites.id),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    /** How many units of this type exist on a normal night. */
    capacity: integer("capacity").notNull(),
    maxGuests: integer("max_guests").notNull(),
    priceFen: integer("price_fen").notNull(),
    minNights: integer("min_nights").notNull().default(1),
    maxNights: integer("max_nights").notNull().default(7),
    /** Bookings open this many days ahead of the night. */
    bookingWindowDays: integer("booking_window_days").notNull().default(90),
    checkInTime: text("check_in_time").notNull().default("14:00"),
    checkOutTime: text("check_out_time").notNull().default("12:00"),
    /** Free cancellation until this many days before arrival. */
    freeCancelDays: integer("free_cancel_days").notNull().default(2),
    sortOrder: integer("sort_order").notNull().default(0),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
  },
  (t) => [
    index("unit_types_campsite").on(t.campsiteId),
    check("unit_types_capacity", sql`${t.capacity} >= 0`),
    check("unit_types_guests", sql`${t.maxGuests} >= 1`),
    check("unit_types_price", sql`${t.priceFen} >= 0`),
    check("unit_types_nights", sql`${t.minNights} >= 1 AND ${t.maxNights} >= ${t.minNights}`),
  ],
);

export type Campsite = typeof campsites.$inferSelect;
export type UnitType = typeof unitTypes.$inferSelect;

/**
 * One row per accepted public write. The primary key is what makes a replayed or
 * racing request unable to write twice (see functions/lib/idempotency.ts).
 */
export const idempotencyKeys = sqliteTable(
  "idempotency_keys",
  {
    scope: text("scope").notNull(),
    key: text("key").notNull(),
    fingerprint: text("fingerprint").notNull(),
    status: integer("status").notNull(),
    /** The first response, without secrets (tokens are re-derived on replay). */
    response: text("response").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index("idempotency_created").on(t.createdAt)],
);

/** Closed date ranges for a unit type (maintenance, weather, festival use). */
export const closures = sqliteTable(
  "closures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    unitTypeId: text("unit_type_id")
      .notNull()
      .references(() => unitTypes.id),
    /** First closed night, inclusive. */
    fromDate: text("from_date").notNull(),
    /** Last closed night, inclusive. */
    toDate: text("to_date").notNull(),
    reasonZh: text("reason_zh").notNull().default(""),
    reasonEn: text("reason_en").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    index("closures_unit").on(t.unitTypeId, t.fromDate),
    check("closures_range", sql`${t.toDate} >= ${t.fromDate}`),
  ],
);

/**
 * Places taken per unit type and night. A row appears with the first booking of
 * that night, copying the unit type's capacity; the CHECK is what refuses an
 * overbooking inside the booking's own D1 batch, however many requests race.
 */
export const nightInventory = sqliteTable(
  "night_inventory",
  {
    unitTypeId: text("unit_type_id")
      .notNull()
      .references(() => unitTypes.id),
    night: text("night").notNull(),
    capacity: integer("capacity").notNull(),
    booked: integer("booked").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.unitTypeId, t.night] }),
    check("night_inventory_capacity", sql`${t.booked} >= 0 AND ${t.booked} <= ${t.capacity}`),
  ],
);

/** Timed activities (orchard tours, picking sessions) with the same guarantee as pitches. */
export const activitySlots = sqliteTable(
  "activity_slots",
  {
    id: text("id").primaryKey(),
    /** The event in content/events this slot belongs to. */
    eventSlug: text("event_slug").notNull(),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    date: text("date").notNull(),
    startTime: text("start_time").notNull(),
    endTime: text("end_time").notNull(),
    capacity: integer("capacity").notNull(),
    booked: integer("booked").notNull().default(0),
    priceFen: integer("price_fen").notNull().default(0),
    freeCancelDays: integer("free_cancel_days").notNull().default(1),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
  },
  (t) => [
    index("activity_slots_date").on(t.date),
    check("activity_slots_capacity", sql`${t.booked} >= 0 AND ${t.booked} <= ${t.capacity}`),
    check("activity_slots_price", sql`${t.priceFen} >= 0`),
  ],
);

/** `held`: a large booking awaiting the campsite's confirmation; its places are taken meanwhile. */
export const BOOKING_STATUSES = ["confirmed", "held", "cancelled", "checked_in", "no_show"] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const bookings = sqliteTable(
  "bookings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reference: text("reference").notNull().unique(),
    tokenHash: text("token_hash").notNull(),
    unitTypeId: text("unit_type_id").references(() => unitTypes.id),
    slotId: text("slot_id").references(() => activitySlots.id),
    /** Arrival date (stays) or activity date. */
    checkIn: text("check_in").notNull(),
    nights: integer("nights").notNull().default(0),
    /** Units (pitches) for a stay; places for an activity. */
    units: integer("units").notNull(),
    adults: integer("adults").notNull(),
    children: integer("children").notNull().default(0),
    contactName: text("contact_name").notNull(),
    contactPhone: text("contact_phone").notNull(),
    contactEmail: text("contact_email"),
    notes: text("notes"),
    lang: text("lang").notNull().default("zh-CN"),
    status: text("status", { enum: BOOKING_STATUSES }).notNull().default("confirmed"),
    totalFen: integer("total_fen").notNull(),
    createdAt: createdAt(),
    updatedAt: text("updated_at"),
    cancelledAt: text("cancelled_at"),
    /** When the cron erased the guest's contact details (county.config.ts privacy); the rest stays for statistics. */
    erasedAt: text("erased_at"),
    /** Who cancelled: the guest, the campsite (staff) or housekeeping (a hold that ran out). */
    cancelledBy: text("cancelled_by", { enum: ["guest", "campsite", "housekeeping"] }),
    /** The campsite's (or the event organiser's) reason, shown to the guest on their booking page. */
    cancelReason: text("cancel_reason"),
    /**
     * When its session was moved: the guest may cancel free of charge up to this day
     * (the new session day), whatever the usual deadline says.
     */
    freeCancelUntil: text("free_cancel_until"),
    /** Until when a `held` booking keeps its places without the campsite's confirmation (UTC). */
    holdUntil: text("hold_until"),
    /**
     * Salted hashes (functions/lib/client-address.ts) of the normalised phone, the
     * request's address and its User-Agent: how staff find a flood, and the keys of
     * the booking's rows in booking_holds.
     */
    phoneHash: text("phone_hash"),
    addressHash: text("address_hash"),
    agentHash: text("agent_hash"),
  },
  (t) => [
    index("bookings_unit_checkin").on(t.unitTypeId, t.checkIn),
    index("bookings_slot").on(t.slotId),
    index("bookings_phone").on(t.phoneHash),
    index("bookings_address").on(t.addressHash, t.createdAt),
    index("bookings_held").on(t.status, t.holdUntil),
    check("bookings_target", sql`(${t.unitTypeId} IS NULL) <> (${t.slotId} IS NULL)`),
    check("bookings_units", sql`${t.units} >= 1`),
    check("bookings_status", sql`${t.status} IN (${inList(BOOKING_STATUSES)})`),
    check(
      "bookings_cancelled_by",
      sql`${t.cancelledBy} IS NULL OR ${t.cancelledBy} IN ('guest', 'campsite', 'housekeeping')`,
    ),
  ],
);

/**
 * Never holds a row. Inserting 0 here inside a batch aborts the whole batch: the
 * way a D1 batch refuses a write whose precondition (e.g. "booking still
 * confirmed") no longer holds, since an UPDATE matching no rows does not fail.
 */
export const writeGuards = sqliteTable(
  "write_guards",
  {
    ok: integer("ok").notNull(),
  },
  (t) => [check("write_guard", sql`${t.ok} = 1`)],
);

/**
 * What one holder (a phone, or a request address) has booked per night of stays
 * ("stay:2026-10-03") or per activity session ("slot:<id>"), counting confirmed,
 * held, checked-in and no-show bookings. `cap` is the county's limit
 * (county.config.ts bookingLimits), written with every booking: the CHECK refuses
 * the booking's whole batch when it would take a holder past it, however many
 * requests race.
 */
export const bookingHolds = sqliteTable(
  "booking_holds",
  {
    holder: text("holder").notNull(),
    what: text("what").notNull(),
    cap: integer("cap").notNull(),
    held: integer("held").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.holder, t.what] }),
    check("booking_holds_cap", sql`${t.held} >= 0 AND ${t.held} <= ${t.cap}`),
  ],
);

export type Booking = typeof bookings.$inferSelect;
export type ActivitySlot = typeof activitySlots.$inferSelect;

/* ---------------------------------------------------------------------------
 * Local produce: cooperatives, their products, pickup points and orders.
 * The rules that must hold under racing requests live here as constraints, so
 * the write batch in functions/produce/orders.ts fails as a whole when one breaks.
 * ------------------------------------------------------------------------- */

export const ORDER_STATUSES = ["placed", "confirmed", "ready", "shipped", "completed", "cancelled"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
/** Why the county (not the buyer or the cooperative) cancelled an order: nobody confirmed it in time, or staff removed a flood. */
export const ORDER_CANCEL_CODES = ["expired", "flood"] as const;
export type OrderCancelCode = (typeof ORDER_CANCEL_CODES)[number];

export interface Certification {
  "zh-CN": string;
  en: string;
}

/** A farmers' cooperative (农民专业合作社); the slug is its public id. */
export const cooperatives = sqliteTable(
  "cooperatives",
  {
    id: text("id").primaryKey(),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    /** Unified social credit code (GB 32100-2015); the check digit is validated before insert. */
    creditCode: text("credit_code").notNull().unique(),
    townshipZh: text("township_zh").notNull(),
    townshipEn: text("township_en").notNull(),
    villageZh: text("village_zh").notNull(),
    villageEn: text("village_en").notNull(),
    descriptionZh: text("description_zh").notNull().default(""),
    descriptionEn: text("description_en").notNull().default(""),
    contactName: text("contact_name").notNull(),
    contactPhone: text("contact_phone").notNull(),
    /** Checked by county staff against the business licence; only verified cooperatives sell. */
    verified: integer("verified", { mode: "boolean" }).notNull().default(false),
    /**
     * Set by county staff to stop a cooperative (licence withdrawn, dispute): it is
     * unverified at the same time, so nothing of it sells, and its members cannot
     * sign in until it is enabled again.
     */
    disabledAt: text("disabled_at"),
    certifications: text("certifications", { mode: "json" }).$type<Certification[]>().notNull().default(sql`'[]'`),
    createdAt: createdAt(),
  },
  (t) => [check("cooperatives_credit_code", sql`length(${t.creditCode}) = 18`)],
);

export const products = sqliteTable(
  "products",
  {
    id: text("id").primaryKey(),
    cooperativeId: text("cooperative_id")
      .notNull()
      .references(() => cooperatives.id),
    /** A key of content/taxonomy/categories.json: the API checks it, so a county adds categories without a migration. */
    category: text("category").notNull(),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    /** Markdown, rendered by src/lib/markdown.ts (no raw HTML). */
    descriptionZh: text("description_zh").notNull().default(""),
    descriptionEn: text("description_en").notNull().default(""),
    unitZh: text("unit_zh").notNull(),
    unitEn: text("unit_en").notNull(),
    priceFen: integer("price_fen").notNull(),
    /** Units on hand. The CHECK is the oversell guard: a decrement below 0 fails the whole order batch. */
    stock: integer("stock").notNull().default(0),
    /** Months on sale as a bit mask: bit 0 = January ... bit 11 = December; 4095 = all year. */
    seasonMonths: integer("season_months").notNull().default(4095),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    /** Path under public/, e.g. /images/products/pear-syrup.svg */
    image: text("image"),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index("products_cooperative").on(t.cooperativeId),
    index("products_category").on(t.category),
    check("products_stock", sql`${t.stock} >= 0`),
    check("products_price", sql`${t.priceFen} > 0`),
    check("products_season", sql`${t.seasonMonths} BETWEEN 1 AND 4095`),
  ],
);

/** Where buyers collect orders. A point without a cooperative serves every cooperative. */
export const pickupPoints = sqliteTable(
  "pickup_points",
  {
    id: text("id").primaryKey(),
    cooperativeId: text("cooperative_id").references(() => cooperatives.id),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    addressZh: text("address_zh").notNull(),
    addressEn: text("address_en").notNull(),
    hoursZh: text("hours_zh").notNull(),
    hoursEn: text("hours_en").notNull(),
    /** False once county staff retire the point: no longer offered, but orders that name it keep showing it. */
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    sortOrder: integer("sort_order").notNull().default(0),
    /** Days open as a bit mask: bit 0 = Monday ... bit 6 = Sunday; 127 = every day. */
    openDays: integer("open_days").notNull().default(127),
    /** Who buyers call about collecting; empty when the point has no phone of its own. */
    phone: text("phone"),
  },
  // No CHECK on open_days: adding one would make drizzle-kit rebuild the table; the request schema keeps it 1..127.
  (t) => [index("pickup_points_cooperative").on(t.cooperativeId)],
);

/**
 * A certificate a cooperative holds (green food, organic, geographical
 * indication...). Any change by the cooperative clears `verifiedAt`: the public
 * page says "awaiting verification" until county staff check it again.
 */
export const cooperativeCertificates = sqliteTable(
  "cooperative_certificates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    cooperativeId: text("cooperative_id")
      .notNull()
      .references(() => cooperatives.id),
    nameZh: text("name_zh").notNull(),
    nameEn: text("name_en").notNull(),
    number: text("number").notNull(),
    issuer: text("issuer").notNull(),
    /** `YYYY-MM-DD`, the last day the certificate is valid (county time). */
    validUntil: text("valid_until").notNull(),
    /** /media/... path of the certificate's picture. */
    image: text("image"),
    verifiedAt: text("verified_at"),
    verifiedBy: integer("verified_by"),
    createdAt: createdAt(),
  },
  (t) => [
    index("cooperative_certificates_cooperative").on(t.cooperativeId),
    check("cooperative_certificates_valid_until", sql`length(${t.validUntil}) = 10`),
  ],
);

/** Pictures a cooperative shows on its public page (orchards, workshop, products). */
export const cooperativePhotos = sqliteTable(
  "cooperative_photos",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    cooperativeId: text("cooperative_id")
      .notNull()
      .references(() => cooperatives.id),
    /** /media/... path. */
    image: text("image").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("cooperative_photos_cooperative").on(t.cooperativeId)],
);

/** One order per cooperative; a checkout covering several cooperatives shares `checkout`. */
export const orders = sqliteTable(
  "orders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reference: text("reference").notNull().unique(),
    /** SHA-256 of the secret token; the token itself is never stored. */
    tokenHash: text("token_hash").notNull(),
    checkout: text("checkout").notNull(),
    cooperativeId: text("cooperative_id")
      .notNull()
      .references(() => cooperatives.id),
    status: text("status", { enum: ORDER_STATUSES }).notNull().default("placed"),
    totalFen: integer("total_fen").notNull(),
    fulfilment: text("fulfilment", { enum: ["pickup", "delivery"] }).notNull(),
    pickupPointId: text("pickup_point_id").references(() => pickupPoints.id),
    province: text("province"),
    city: text("city"),
    district: text("district"),
    addressLine: text("address_line"),
    postcode: text("postcode"),
    contactName: text("contact_name").notNull(),
    contactPhone: text("contact_phone").notNull(),
    contactEmail: text("contact_email"),
    notes: text("notes"),
    cancelReason: text("cancel_reason"),
    cancelCode: text("cancel_code", { enum: ORDER_CANCEL_CODES }),
    /** The phone as limits compare it (functions/lib/phone.ts normalisePhone): per-phone limits are counted in SQL on it. */
    phoneKey: text("phone_key").notNull().default(""),
    /** A large order: accepted and its stock held, but marked for the cooperative to confirm by phone first. */
    held: integer("held", { mode: "boolean" }).notNull().default(false),
    /** A placed order nobody has confirmed by then is cancelled by the hourly housekeeping, its stock returned. */
    expiresAt: text("expires_at"),
    /** Salted hashes of where the order came from (functions/lib/client-address.ts requestSource), to find a flood. */
    sourceAddressHash: text("source_address_hash"),
    sourceAgentHash: text("source_agent_hash"),
    lang: text("lang", { enum: ["zh-CN", "en"] })
      .notNull()
      .default("zh-CN"),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    /** When the cron erased the buyer's contact details and street address (county.config.ts privacy). */
    erasedAt: text("erased_at"),
  },
  (t) => [
    index("orders_checkout").on(t.checkout),
    index("orders_cooperative_status").on(t.cooperativeId, t.status),
    index("orders_phone_status").on(t.phoneKey, t.status),
    index("orders_status_expires").on(t.status, t.expiresAt),
    index("orders_source_address").on(t.sourceAddressHash, t.createdAt),
    check("orders_status_known", sql`${t.status} IN (${inList(ORDER_STATUSES)})`),
    check("orders_total", sql`${t.totalFen} >= 0`),
    // The pickup point is looked up inside the write batch; NULL here means it was
    // unknown, closed or not serving this cooperative, and the batch fails.
    check(
      "orders_fulfilment",
      sql`(${t.fulfilment} = 'pickup' AND ${t.pickupPointId} IS NOT NULL AND ${t.addressLine} IS NULL)
        OR (${t.fulfilment} = 'delivery' AND ${t.pickupPointId} IS NULL AND ${t.addressLine} IS NOT NULL)`,
    ),
  ],
);

export const orderLines = sqliteTable(
  "order_lines",
  {
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    productId: text("product_id")
      .notNull()
      .references(() => products.id),
    quantity: integer("quantity").notNull(),
    /**
     * Price per unit when ordered, read from products inside the write batch.
     * NOT NULL is a guard: the read yields NULL for a product that cannot be
     * ordered (inactive, out of season, unverified cooperative, price changed).
     */
    unitPriceFen: integer("unit_price_fen").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orderId, t.productId] }),
    index("order_lines_product").on(t.productId),
    check("order_lines_quantity", sql`${t.quantity} BETWEEN 1 AND 99`),
  ],
);

/** Every status change of an order, with its time: the order's history. */
export const orderEvents = sqliteTable(
  "order_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orderId: integer("order_id")
      .notNull()
      .references(() => orders.id),
    status: text("status", { enum: ORDER_STATUSES }).notNull(),
    actor: text("actor", { enum: ["buyer", "cooperative", "county"] }).notNull(),
    note: text("note"),
    at: text("at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (t) => [
    index("order_events_order").on(t.orderId),
    check("order_events_status_known", sql`${t.status} IN (${inList(ORDER_STATUSES)})`),
  ],
);

export type Cooperative = typeof cooperatives.$inferSelect;
export type Product = typeof products.$inferSelect;
export type PickupPoint = typeof pickupPoints.$inferSelect;
export type CooperativeCertificate = typeof cooperativeCertificates.$inferSelect;
export type CooperativePhoto = typeof cooperativePhotos.$inferSelect;
export type Order = typeof orders.$inferSelect;
export type OrderLine = typeof orderLines.$inferSelect;
export type OrderEvent = typeof orderEvents.$inferSelect;
/*
 * Accounts for the people who keep the portal running (never for guests or
 * buyers). See functions/accounts/ for the rules these tables serve.
 */
/**
 * editor and reviewer work for one or more agencies (account_agencies): editors draft
 * and answer for their agencies, reviewers approve what is published in their name.
 */
export const ACCOUNT_ROLES = ["admin", "operator", "cooperative", "editor", "reviewer"] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export const accounts = sqliteTable(
  "accounts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Lower-cased and trimmed before it is stored or compared. */
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    role: text("role", { enum: ACCOUNT_ROLES }).notNull(),
    /** The one cooperative a cooperative member works for. */
    cooperativeId: text("cooperative_id").references(() => cooperatives.id),
    /**
     * `pbkdf2-sha256$<iterations>$<salt>$<hash>`: the parameters travel with the
     * hash so they can be raised later. NULL until an invited person sets one.
     */
    passwordHash: text("password_hash"),
    disabledAt: text("disabled_at"),
    createdAt: createdAt(),
    /**
     * Second factor (RFC 6238, base32). The secret must be readable to check a code,
     * so it is not hashed; recovery codes are. NULL while not enrolled.
     */
    totpSecret: text("totp_secret"),
    /** A secret shown on the enrol page and not yet confirmed with a code. */
    totpPending: text("totp_pending"),
    /** The last 30-second step a code was accepted for: a code works once. */
    totpLastStep: integer("totp_last_step"),
  },
  (t) => [
    check("accounts_role", sql`${t.role} IN (${inList(ACCOUNT_ROLES)})`),
    check("accounts_cooperative", sql`(${t.role} = 'cooperative') = (${t.cooperativeId} IS NOT NULL)`),
  ],
);

/** Which campsites a site operator may see and change. */
export const accountCampsites = sqliteTable(
  "account_campsites",
  {
    accountId: integer("account_id")
      .notNull()
      .references(() => accounts.id),
    campsiteId: integer("campsite_id")
      .notNull()
      .references(() => campsites.id),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.campsiteId] }), index("account_campsites_site").on(t.campsiteId)],
);

/** Which agencies (content/taxonomy/agencies.json keys) an editor or reviewer works for. */
export const accountAgencies = sqliteTable(
  "account_agencies",
  {
    accountId: integer("account_id")
      .notNull()
      .references(() => accounts.id),
    agency: text("agency").notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.agency] }), index("account_agencies_agency").on(t.agency)],
);

/** Signed-in browsers. Only the SHA-256 of the cookie's token is stored. */
export const sessions = sqliteTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    accountId: integer("account_id")
      .notNull()
      .references(() => accounts.id),
    createdAt: createdAt(),
    /** Absolute end of the session, whatever the activity. */
    expiresAt: text("expires_at").notNull(),
    /** Moved forward at most every few minutes; an idle session ends. */
    lastSeenAt: text("last_seen_at").notNull(),
    /** When the password (and code) were last typed in this session: sign-in or re-authentication. */
    reauthAt: text("reauth_at"),
  },
  (t) => [index("sessions_account").on(t.accountId), index("sessions_expires").on(t.expiresAt)],
);

/**
 * Failed (and in-flight) sign-ins, per account and per address. Keys are hashes
 * so that addresses and mistyped e-mails are not kept in clear.
 */
export const loginFailures = sqliteTable(
  "login_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    keyHash: text("key_hash").notNull(),
    at: text("at").notNull(),
    /** Hash of the account key, on the account's own rows, so an admin can unlock it. */
    accountHash: text("account_hash"),
  },
  (t) => [index("login_failures_key").on(t.keyHash, t.at), index("login_failures_account").on(t.accountHash)],
);

/** One-time recovery codes of an admin's second factor; only their SHA-256 is stored. */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    accountId: integer("account_id")
      .notNull()
      .references(() => accounts.id),
    codeHash: text("code_hash").notNull().unique(),
    usedAt: text("used_at"),
  },
  (t) => [index("recovery_codes_account").on(t.accountId)],
);

/** One-time links with which invited people set their first password. */
export const invites = sqliteTable(
  "invites",
  {
    reference: text("reference").primaryKey(),
    tokenHash: text("token_hash").notNull(),
    accountId: integer("account_id")
      .notNull()
      .references(() => accounts.id),
    createdBy: integer("created_by")
      .notNull()
      .references(() => accounts.id),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("invites_account").on(t.accountId)],
);

/**
 * Append-only: the code only ever INSERTs here (test/unit/audit-append-only.test.ts checks
 * the source), in the same batch as the write it records.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    /** NULL for the command line (`npm run admin:create`). */
    actorId: integer("actor_id").references(() => accounts.id),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id").notNull(),
    /** JSON of the changed fields before and after; NULL where there was no before/after. */
    before: text("before"),
    after: text("after"),
  },
  (t) => [index("audit_log_target").on(t.targetType, t.targetId), index("audit_log_actor").on(t.actorId)],
);

export type Account = typeof accounts.$inferSelect;

/* ---------------------------------------------------------------------------
 * Messages to guests and buyers (functions/messages/): one outbox for every
 * message, written in the same D1 batch as the change that causes it and sent by
 * the one-minute cron. A row holds what the text is made of (kind, language,
 * parameters), never a secret: links are composed when the message is sent.
 * ------------------------------------------------------------------------- */

export const MESSAGE_CHANNELS = ["sms", "email"] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];
/**
 * pending: due at `due_at` (or waiting for a provider); sending: claimed by one run;
 * sent; failed: refused MAX_ATTEMPTS times, given up; uncertain: a run claimed it and
 * never learnt whether the provider took it, so it is not sent again (staff check).
 */
export const MESSAGE_STATUSES = ["pending", "sending", "sent", "failed", "uncertain"] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    channel: text("channel", { enum: MESSAGE_CHANNELS }).notNull(),
    /** A phone number (sms) or an e-mail address. */
    recipient: text("recipient").notNull(),
    /** What the message says, e.g. "recovery": the text comes from the message strings at send time. */
    kind: text("kind").notNull(),
    lang: text("lang", { enum: ["zh-CN", "en"] }).notNull(),
    /** JSON object of the text's values (a reference, a date); never a token. */
    params: text("params", { mode: "json" }).$type<Record<string, string>>().notNull().default(sql`'{}'`),
    bookingId: integer("booking_id").references(() => bookings.id),
    orderId: integer("order_id").references(() => orders.id),
    letterId: integer("letter_id").references(() => letters.id),
    status: text("status", { enum: MESSAGE_STATUSES }).notNull().default("pending"),
    dueAt: text("due_at").notNull(),
    attempts: integer("attempts").notNull().default(0),
    claimedAt: text("claimed_at"),
    sentAt: text("sent_at"),
    providerMessageId: text("provider_message_id"),
    lastError: text("last_error"),
    createdAt: createdAt(),
  },
  (t) => [
    index("outbox_due").on(t.status, t.dueAt),
    index("outbox_booking").on(t.bookingId),
    index("outbox_order").on(t.orderId),
    index("outbox_letter").on(t.letterId),
    check("outbox_channel", sql`${t.channel} IN (${inList(MESSAGE_CHANNELS)})`),
    check("outbox_status", sql`${t.status} IN (${inList(MESSAGE_STATUSES)})`),
    check("outbox_attempts", sql`${t.attempts} >= 0`),
  ],
);

/**
 * Requests to have a booking's or order's link sent again (functions/messages/recover.ts),
 * kept to throttle them per reference, phone and address. Phone and address are
 * hashes; rows are pruned by housekeeping.
 */
export const recoveryRequests = sqliteTable(
  "recovery_requests",
  {
    id: text("id").primaryKey(),
    reference: text("reference").notNull(),
    phoneHash: text("phone_hash").notNull(),
    addressHash: text("address_hash").notNull(),
    at: text("at").notNull(),
  },
  (t) => [
    index("recovery_requests_reference").on(t.reference, t.at),
    index("recovery_requests_phone").on(t.phoneHash, t.at),
    index("recovery_requests_address").on(t.addressHash, t.at),
  ],
);

export type OutboxRow = typeof outbox.$inferSelect;

export const CRON_SCHEDULES = ["minute", "hourly"] as const;
export type CronSchedule = (typeof CRON_SCHEDULES)[number];

/**
 * One row per cron schedule, overwritten at the end of each run (functions/db/cron-heartbeat.ts):
 * how the admin dashboard and /api/health know the cron still runs, and whether its last run failed.
 */
export const cronHeartbeats = sqliteTable(
  "cron_heartbeats",
  {
    schedule: text("schedule", { enum: CRON_SCHEDULES }).primaryKey(),
    ranAt: text("ran_at").notNull(),
    ok: integer("ok", { mode: "boolean" }).notNull(),
  },
  (t) => [check("cron_heartbeats_schedule", sql`${t.schedule} IN (${inList(CRON_SCHEDULES)})`)],
);
/**
 * Public writes counted per source and clock hour (functions/lib/source-limits.ts). The
 * key is a salted hash of route, kind and address or phone, never the value itself; rows
 * are pruned by housekeeping.
 */
export const sourceCounts = sqliteTable(
  "source_counts",
  {
    key: text("key").notNull(),
    hour: integer("hour").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.hour] })],
);

/** Answered checks (functions/lib/challenge.ts): each is good for one write only. */
export const usedChallenges = sqliteTable("used_challenges", {
  nonce: text("nonce").primaryKey(),
  expiresAt: integer("expires_at").notNull(),
});

/* ---------------------------------------------------------------------------
 * Residents' letters to the county (functions/letters/): a reference and a token
 * like a booking, a deadline in working days, the agency's reply, and with the
 * writer's consent a published copy with every personal detail removed.
 * ------------------------------------------------------------------------- */

export const LETTER_TYPES = ["consultation", "suggestion", "complaint", "help"] as const;
export type LetterType = (typeof LETTER_TYPES)[number];
/** received 待审查 · accepted 办理中 (an agency has it) · answered 已办结 · rejected 不予受理 */
export const LETTER_STATUSES = ["received", "accepted", "answered", "rejected"] as const;
export type LetterStatus = (typeof LETTER_STATUSES)[number];
export const REJECT_REASONS = ["abusive", "not-government", "duplicate"] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const letters = sqliteTable(
  "letters",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reference: text("reference").notNull().unique(),
    tokenHash: text("token_hash").notNull(),
    type: text("type", { enum: LETTER_TYPES }).notNull(),
    subject: text("subject").notNull(),
    message: text("message").notNull(),
    /** content/taxonomy/townships.json key; NULL for writers who are not residents. */
    township: text("township"),
    /** The agency the writer named, if any (content/taxonomy/agencies.json key). */
    agencyAsked: text("agency_asked"),
    /** The agency the county office assigned the letter to. */
    agency: text("agency"),
    name: text("name").notNull(),
    phone: text("phone").notNull(),
    email: text("email"),
    /** The writer agreed that the letter and reply may be published without personal details. */
    publish: integer("publish", { mode: "boolean" }).notNull(),
    lang: text("lang", { enum: ["zh-CN", "en"] }).notNull(),
    status: text("status", { enum: LETTER_STATUSES }).notNull().default("received"),
    /** County dates (YYYY-MM-DD): the deadline is counted in working days from the day received. */
    receivedOn: text("received_on").notNull(),
    dueBy: text("due_by").notNull(),
    acceptedOn: text("accepted_on"),
    extendedTo: text("extended_to"),
    extensionReason: text("extension_reason"),
    answeredOn: text("answered_on"),
    reply: text("reply"),
    repliedBy: integer("replied_by").references(() => accounts.id),
    rejectReason: text("reject_reason", { enum: REJECT_REASONS }),
    rejectNote: text("reject_note"),
    /** The texts as published: edited by the reviewer, contact details masked. */
    publishedSubject: text("published_subject"),
    publishedMessage: text("published_message"),
    publishedReply: text("published_reply"),
    publishedOn: text("published_on"),
    /** R2 key of the writer's photo (metadata removed); staff only. */
    photoKey: text("photo_key"),
    /** Salted hashes: the duplicate check, and the per-phone and per-address daily limits. */
    bodyHash: text("body_hash").notNull(),
    phoneHash: text("phone_hash").notNull(),
    addressHash: text("address_hash").notNull(),
    createdAt: createdAt(),
    /** When housekeeping erased name, phone, e-mail and photo (county.config.ts privacy). */
    erasedAt: text("erased_at"),
  },
  (t) => [
    index("letters_status").on(t.status, t.dueBy),
    index("letters_agency").on(t.agency, t.status),
    index("letters_published").on(t.publishedOn),
    index("letters_received").on(t.receivedOn),
    index("letters_phone").on(t.phoneHash, t.receivedOn),
    index("letters_address").on(t.addressHash, t.receivedOn),
    index("letters_body").on(t.bodyHash),
    check("letters_type", sql`${t.type} IN (${inList(LETTER_TYPES)})`),
    check("letters_status", sql`${t.status} IN (${inList(LETTER_STATUSES)})`),
    check("letters_reject_reason", sql`${t.rejectReason} IS NULL OR ${t.rejectReason} IN (${inList(REJECT_REASONS)})`),
    check("letters_answered", sql`(${t.status} = 'answered') = (${t.reply} IS NOT NULL)`),
    check("letters_assigned", sql`${t.status} IN ('received', 'rejected') OR ${t.agency} IS NOT NULL`),
    check(
      "letters_published_consent",
      sql`${t.publishedOn} IS NULL OR (${t.publish} = 1 AND ${t.status} = 'answered')`,
    ),
  ],
);

export type Letter = typeof letters.$inferSelect;

/*
 * Publishing (functions/publishing/): notices written and reviewed in the dashboard.
 * Every change is a new edition; a published edition is never edited in place, only
 * superseded by the next one. The build reads the published editions next to
 * content/notices (src/collections/notices.ts).
 */
export const EDITION_STATUSES = ["draft", "submitted", "returned", "scheduled", "published", "superseded"] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];

/** One notice's address, its catalogue number once first published, and who started it. */
export const noticeSlugs = sqliteTable(
  "notice_slugs",
  {
    slug: text("slug").primaryKey(),
    agency: text("agency").notNull(),
    /** 索引号, assigned when first published if the editor left it empty; never reused. */
    indexNumber: text("index_number").unique(),
    createdBy: integer("created_by").references(() => accounts.id),
    createdAt: createdAt(),
  },
  (t) => [index("notice_slugs_agency").on(t.agency)],
);

/** The last serial given out per 索引号 prefix (the agency's credit code) and year. */
export const noticeIndexSerials = sqliteTable(
  "notice_index_serials",
  {
    prefix: text("prefix").notNull(),
    year: integer("year").notNull(),
    last: integer("last").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.prefix, t.year] }),
    check("notice_index_serials_range", sql`${t.last} BETWEEN 1 AND 99999`),
  ],
);

export const noticeEditions = sqliteTable(
  "notice_editions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug")
      .notNull()
      .references(() => noticeSlugs.slug),
    lang: text("lang", { enum: ["zh-CN", "en"] }).notNull(),
    status: text("status", { enum: EDITION_STATUSES }).notNull().default("draft"),
    /** The front matter (functions/publishing/notice-fields.ts storedNotice) as JSON. */
    data: text("data").notNull(),
    body: text("body").notNull(),
    /** What this edition changes, for the public change log (amendments). */
    changeNote: text("change_note"),
    /** The published edition this one replaces when it is published. */
    basedOn: integer("based_on"),
    authorId: integer("author_id")
      .notNull()
      .references(() => accounts.id),
    submittedAt: text("submitted_at"),
    reviewerId: integer("reviewer_id").references(() => accounts.id),
    reviewedAt: text("reviewed_at"),
    reviewComment: text("review_comment"),
    /** An admin's reason for publishing without a second person's review. */
    forceReason: text("force_reason"),
    /** UTC time a scheduled edition goes out (the minute cron publishes it). */
    publishAt: text("publish_at"),
    publishedAt: text("published_at"),
    /** Order of publication across all notices; the build records the last one it saw. */
    publishSeq: integer("publish_seq").unique(),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (t) => [
    uniqueIndex("notice_editions_one_published").on(t.slug, t.lang).where(sql`status = 'published'`),
    uniqueIndex("notice_editions_one_open")
      .on(t.slug, t.lang)
      .where(sql`status IN ('draft', 'submitted', 'returned', 'scheduled')`),
    index("notice_editions_status").on(t.status, t.publishAt),
    check("notice_editions_status", sql`${t.status} IN (${inList(EDITION_STATUSES)})`),
    check("notice_editions_lang", sql`${t.lang} IN ('zh-CN', 'en')`),
    // Nobody approves what they drafted, unless an admin publishes directly and says why.
    check(
      "notice_editions_second_person",
      sql`${t.reviewerId} IS NULL OR ${t.reviewerId} <> ${t.authorId} OR ${t.forceReason} IS NOT NULL`,
    ),
    check(
      "notice_editions_published_numbered",
      sql`(${t.status} IN ('published', 'superseded')) = (${t.publishSeq} IS NOT NULL)`,
    ),
    check("notice_editions_scheduled", sql`${t.status} <> 'scheduled' OR ${t.publishAt} IS NOT NULL`),
  ],
);

/** Files attached to a notice (R2 under notices/<slug>/), checked by their bytes. */
export const noticeAttachments = sqliteTable(
  "notice_attachments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug")
      .notNull()
      .references(() => noticeSlugs.slug),
    key: text("key").notNull().unique(),
    /** The label shown beside the link: PDF, DOCX, XLSX, WPS, CSV, JPEG ... */
    type: text("type").notNull(),
    bytes: integer("bytes").notNull(),
    uploadedBy: integer("uploaded_by")
      .notNull()
      .references(() => accounts.id),
    createdAt: createdAt(),
  },
  (t) => [index("notice_attachments_slug").on(t.slug)],
);

/** Each call of the Workers Builds deploy hook, so the dashboard can say whether a rebuild was asked for. */
export const deployRequests = sqliteTable("deploy_requests", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** The last publication the rebuild is to include. */
  seq: integer("seq").notNull(),
  status: text("status", { enum: ["sent", "failed", "not-configured"] }).notNull(),
  detail: text("detail"),
  createdAt: createdAt(),
});

export type NoticeEdition = typeof noticeEditions.$inferSelect;
/* ---------------------------------------------------------------------------
 * Festival events as the session import and the dashboard know them. The event
 * pages come from content/events; D1 keeps what the bookings of its sessions
 * depend on: the status and reason last applied to the sessions, and whether
 * county staff have taken the event's sessions over in the dashboard. Once they
 * have (managed_at set), the minute cron's import of the build's sessions leaves
 * the event alone, so a content file can never undo what staff changed.
 * ------------------------------------------------------------------------- */

export const EVENT_STATUSES = ["scheduled", "tentative", "postponed", "rescheduled", "cancelled"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const sessionEvents = sqliteTable(
  "session_events",
  {
    /** The event's folder in content/events, as activity_slots.event_slug names it. */
    slug: text("slug").primaryKey(),
    titleZh: text("title_zh").notNull().default(""),
    titleEn: text("title_en").notNull().default(""),
    status: text("status", { enum: EVENT_STATUSES }).notNull(),
    /** Why it was called off, put off or moved, in each language: what the guests were told. */
    reasonZh: text("reason_zh").notNull().default(""),
    reasonEn: text("reason_en").notNull().default(""),
    /** When staff first changed its sessions or status in the dashboard; NULL while content decides. */
    managedAt: text("managed_at"),
    managedBy: integer("managed_by").references(() => accounts.id),
    updatedAt: text("updated_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (t) => [
    check("session_events_status", sql`${t.status} IN (${inList(EVENT_STATUSES)})`),
    check("session_events_managed", sql`${t.managedAt} IS NOT NULL OR ${t.managedBy} IS NULL`),
  ],
);

/** A session called off on its own by staff (the event goes ahead): it takes no bookings again. */
export const sessionCancellations = sqliteTable("session_cancellations", {
  slotId: text("slot_id")
    .primaryKey()
    .references(() => activitySlots.id),
  reasonZh: text("reason_zh").notNull(),
  reasonEn: text("reason_en").notNull(),
  cancelledBy: integer("cancelled_by").references(() => accounts.id),
  cancelledAt: text("cancelled_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
});

/* ---------------------------------------------------------------------------
 * Festival events written in the dashboard (functions/events/editions.ts). One
 * edition holds both language versions (each the front matter of
 * content/events/<slug>/<lang>.md plus its body), so the facts they share are
 * typed once and always agree. Drafted, reviewed and published as notices are;
 * the build reads the published editions next to content/events.
 * ------------------------------------------------------------------------- */

export const eventEditions = sqliteTable(
  "event_editions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    status: text("status", { enum: EDITION_STATUSES }).notNull().default("draft"),
    /** { "zh-CN": { data, body }, "en"?: { data, body } }: front matter as content/events has it. */
    versions: text("versions").notNull(),
    changeNote: text("change_note"),
    /** The published edition this one replaces when it is published. */
    basedOn: integer("based_on"),
    authorId: integer("author_id")
      .notNull()
      .references(() => accounts.id),
    submittedAt: text("submitted_at"),
    reviewerId: integer("reviewer_id").references(() => accounts.id),
    reviewedAt: text("reviewed_at"),
    reviewComment: text("review_comment"),
    forceReason: text("force_reason"),
    publishAt: text("publish_at"),
    publishedAt: text("published_at"),
    /** Order of publication across all events; the build records the last one it saw. */
    publishSeq: integer("publish_seq").unique(),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (t) => [
    uniqueIndex("event_editions_one_published").on(t.slug).where(sql`status = 'published'`),
    uniqueIndex("event_editions_one_open")
      .on(t.slug)
      .where(sql`status IN ('draft', 'submitted', 'returned', 'scheduled')`),
    index("event_editions_status").on(t.status, t.publishAt),
    check("event_editions_status", sql`${t.status} IN (${inList(EDITION_STATUSES)})`),
    check(
      "event_editions_second_person",
      sql`${t.reviewerId} IS NULL OR ${t.reviewerId} <> ${t.authorId} OR ${t.forceReason} IS NOT NULL`,
    ),
    check(
      "event_editions_published_numbered",
      sql`(${t.status} IN ('published', 'superseded')) = (${t.publishSeq} IS NOT NULL)`,
    ),
    check("event_editions_scheduled", sql`${t.status} <> 'scheduled' OR ${t.publishAt} IS NOT NULL`),
  ],
);
