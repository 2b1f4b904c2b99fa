import { z } from "zod";
import { conflictProblem, notFoundProblem } from "../accounts/problems";
import { Slug } from "../accounts/schema";
import type { SessionAccount } from "../accounts/sessions";
import { auditedBatch } from "../db/audit";
import { violated } from "../lib/constraints";
import { todayInCounty } from "../lib/dates";
import { FormFlag, priceYuan, singleLine } from "../lib/fields";
import { belowBooked, capacityStatements } from "./site-writes";

/**
 * County staff create and edit campsites and their unit types. Descriptions and
 * photos stay in content/campsites (editors' Markdown); this is the bookable side.
 */

const name = singleLine({ error: "field.required" }).min(1, { error: "field.required" }).max(80);
const int = (min: number, max: number) =>
  z.coerce.number({ error: "field.number" }).int({ error: "field.number" }).min(min).max(max);
const time = z.string({ error: "field.required" }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "dash.time" });

export const CampsiteCreate = z.object({ slug: Slug, nameZh: name, nameEn: name });
export const CampsiteUpdate = z.object({ nameZh: name, nameEn: name, active: FormFlag });

const unitFields = {
  nameZh: name,
  nameEn: name,
  capacity: int(0, 10_000),
  maxGuests: int(1, 50),
  priceYuan,
  minNights: int(1, 30),
  maxNights: int(1, 30),
  bookingWindowDays: int(1, 730),
  checkInTime: time.default("14:00"),
  checkOutTime: time.default("12:00"),
  freeCancelDays: int(0, 60),
  sortOrder: int(0, 1000).default(0),
};
const nightsOrder = { error: "dash.rangeOrder", path: ["maxNights"] };
export const UnitCreate = z.object({ id: Slug, ...unitFields }).refine((u) => u.maxNights >= u.minNights, nightsOrder);
export const UnitUpdate = z
  .object({ ...unitFields, active: FormFlag })
  .refine((u) => u.maxNights >= u.minNights, nightsOrder);

const siteJson = (slug: string) => ({
  sql: "SELECT json_object('nameZh', name_zh, 'nameEn', name_en, 'active', active) FROM campsites WHERE slug = ?",
  params: [slug],
});

export async function createCampsite(d1: D1Database, admin: SessionAccount, input: z.output<typeof CampsiteCreate>) {
  try {
    await auditedBatch(
      d1,
      { actorId: admin.id, action: "campsite.create", targetType: "campsite", targetId: input.slug, after: input },
      [
        d1
          .prepare("INSERT INTO campsites (slug, name_zh, name_en) VALUES (?, ?, ?)")
          .bind(input.slug, input.nameZh, input.nameEn),
      ],
    );
  } catch (error) {
    if (violated(error, "campsites.slug")) throw conflictProblem("slug-taken", "dash.slugTaken");
    throw error;
  }
  return { slug: input.slug };
}

export async function updateCampsite(
  d1: D1Database,
  admin: SessionAccount,
  slug: string,
  input: z.output<typeof CampsiteUpdate>,
) {
  const exists = await d1.prepare("SELECT active FROM campsites WHERE slug = ?").bind(slug).first<{ active: number }>();
  if (!exists) throw notFoundProblem();
  const active = input.active ?? exists.active === 1;
  await auditedBatch(
    d1,
    {
      actorId: admin.id,
      action: "campsite.update",
      targetType: "campsite",
      targetId: slug,
      beforeSql: siteJson(slug),
      after: { ...input, active },
    },
    [
      d1
        .prepare("UPDATE campsites SET name_zh = ?, name_en = ?, active = ? WHERE slug = ?")
        .bind(input.nameZh, input.nameEn, active ? 1 : 0, slug),
    ],
  );
  return { slug };
}

export async function createUnit(d1: D1Database, admin: SessionAccount, slug: string, u: z.output<typeof UnitCreate>) {
  const site = await d1.prepare("SELECT id FROM campsites WHERE slug = ?").bind(slug).first<{ id: number }>();
  if (!site) throw notFoundProblem();
  try {
    await auditedBatch(
      d1,
      {
        actorId: admin.id,
        action: "unit_type.create",
        targetType: "unit_type",
        targetId: u.id,
        after: { site: slug, ...u },
      },
      [
        d1
          .prepare(
            `INSERT INTO unit_types (id, campsite_id, name_zh, name_en, capacity, max_guests, price_fen, min_nights, max_nights,
             booking_window_days, check_in_time, check_out_time, free_cancel_days, sort_order)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .bind(
            u.id,
            site.id,
            u.nameZh,
            u.nameEn,
            u.capacity,
            u.maxGuests,
            u.priceYuan,
            u.minNights,
            u.maxNights,
            u.bookingWindowDays,
            u.checkInTime,
            u.checkOutTime,
            u.freeCancelDays,
            u.sortOrder,
          ),
      ],
    );
  } catch (error) {
    if (violated(error, "unit_types.id")) throw conflictProblem("unit-taken", "dash.unitTaken");
    throw error;
  }
  return { id: u.id, site: slug };
}

/**
 * Everything but capacity is a plain update; capacity goes through the same
 * statements as the operator's change, so it can never drop below what is booked.
 */
export async function updateUnit(
  d1: D1Database,
  admin: SessionAccount,
  id: string,
  u: z.output<typeof UnitUpdate>,
  today = todayInCounty(),
) {
  const row = await d1
    .prepare(
      "SELECT u.capacity, u.active, c.slug FROM unit_types u JOIN campsites c ON c.id = u.campsite_id WHERE u.id = ?",
    )
    .bind(id)
    .first<{ capacity: number; active: number; slug: string }>();
  if (!row) throw notFoundProblem();
  const active = u.active ?? row.active === 1;
  const entry = {
    actorId: admin.id,
    action: "unit_type.update",
    targetType: "unit_type",
    targetId: id,
    beforeSql: {
      sql: `SELECT json_object('nameZh', name_zh, 'nameEn', name_en, 'maxGuests', max_guests, 'priceFen', price_fen,
                'minNights', min_nights, 'maxNights', max_nights, 'bookingWindowDays', booking_window_days,
                'checkInTime', check_in_time, 'checkOutTime', check_out_time, 'freeCancelDays', free_cancel_days,
                'sortOrder', sort_order, 'active', active) FROM unit_types WHERE id = ?`,
      params: [id],
    },
    after: { ...u, capacity: undefined, active },
  };
  const change = [
    d1
      .prepare(
        `UPDATE unit_types SET name_zh = ?, name_en = ?, max_guests = ?, price_fen = ?, min_nights = ?, max_nights = ?,
           booking_window_days = ?, check_in_time = ?, check_out_time = ?, free_cancel_days = ?, sort_order = ?, active = ?
         WHERE id = ?`,
      )
      .bind(
        u.nameZh,
        u.nameEn,
        u.maxGuests,
        u.priceYuan,
        u.minNights,
        u.maxNights,
        u.bookingWindowDays,
        u.checkInTime,
        u.checkOutTime,
        u.freeCancelDays,
        u.sortOrder,
        active ? 1 : 0,
        id,
      ),
    ...(u.capacity !== row.capacity ? capacityStatements(d1, admin, id, u.capacity, today, undefined) : []),
  ];
  try {
    await auditedBatch(d1, entry, change);
  } catch (error) {
    throw await belowBooked(d1, error, id, u.capacity, today);
  }
  return { id, site: row.slug };
}
