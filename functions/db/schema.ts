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
