import { sql } from "drizzle-orm";
import { check, index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * The only definition of the portal's tables. `npm run db:generate` turns
 * changes here into a new SQL file in migrations/; landed migrations are
 * never edited.
 *
 * Conventions: money is integer fen, dates are `YYYY-MM-DD` in the county's
 * time zone, timestamps are UTC ISO-8601 strings.
 */

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

export const BOOKING_STATUSES = ["confirmed", "cancelled", "checked_in", "no_show"] as const;
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
  },
  (t) => [
    index("bookings_unit_checkin").on(t.unitTypeId, t.checkIn),
    index("bookings_slot").on(t.slotId),
    check("bookings_target", sql`(${t.unitTypeId} IS NULL) <> (${t.slotId} IS NULL)`),
    check("bookings_units", sql`${t.units} >= 1`),
    check("bookings_status", sql`${t.status} IN ('confirmed', 'cancelled', 'checked_in', 'no_show')`),
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

export type Booking = typeof bookings.$inferSelect;
export type ActivitySlot = typeof activitySlots.$inferSelect;

/*
 * Accounts for the people who keep the portal running (never for guests or
 * buyers). See functions/auth/ for the rules these tables serve.
 */
export const ACCOUNT_ROLES = ["admin", "operator", "cooperative"] as const;
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
    cooperativeId: integer("cooperative_id"),
    /**
     * `pbkdf2-sha256$<iterations>$<salt>$<hash>`: the parameters travel with the
     * hash so they can be raised later. NULL until an invited person sets one.
     */
    passwordHash: text("password_hash"),
    disabledAt: text("disabled_at"),
    createdAt: createdAt(),
  },
  (t) => [
    check("accounts_role", sql`${t.role} IN ('admin', 'operator', 'cooperative')`),
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
  },
  (t) => [index("login_failures_key").on(t.keyHash, t.at)],
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
 * Append-only: the code only ever INSERTs here (test/worker/audit.test.ts checks
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
