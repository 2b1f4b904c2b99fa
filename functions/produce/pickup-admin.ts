import { z } from "zod";
import { conflictProblem, fieldProblem, notFoundProblem } from "../accounts/problems";
import { Slug } from "../accounts/schema";
import type { SessionAccount } from "../accounts/sessions";
import { auditedBatch } from "../db/audit";
import { GUARD, guard, violated } from "../lib/constraints";
import { Phone } from "../lib/fields";

/**
 * County staff keep the list of pickup points: where buyers collect orders,
 * when they are open and whom to call. A point is retired rather than deleted,
 * because orders placed for collection there must keep naming it.
 */
const text = (max: number) => z.string({ error: "field.required" }).trim().min(1, { error: "field.required" }).max(max);

/** ISO weekdays 1 (Monday) to 7 (Sunday). */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The days as a bit mask (bit 0 = Monday), the way pickup_points.open_days stores them. */
const daysMask = (days: number[]) => days.reduce((mask, d) => mask | (1 << (d - 1)), 0);
export const daysOf = (mask: number) => WEEKDAYS.filter((d) => mask & (1 << (d - 1)));

const Days = z
  .array(z.coerce.number({ error: "places.days" }).int().min(1, { error: "places.days" }).max(7), {
    error: "places.days",
  })
  .min(1, { error: "places.days" })
  .max(7)
  .transform(daysMask);

export const PickupPointFields = z.object({
  nameZh: text(80),
  nameEn: text(80),
  addressZh: text(200),
  addressEn: text(200),
  hoursZh: text(120),
  hoursEn: text(120),
  days: Days,
  phone: Phone.optional(),
  /** Only this cooperative's orders are collected here; left out, every cooperative's are. */
  cooperative: Slug.optional(),
  sortOrder: z.coerce.number({ error: "field.number" }).int({ error: "field.number" }).min(0).max(9999).default(0),
});
export const PickupPointCreate = PickupPointFields.extend({ id: Slug });

type Fields = z.output<typeof PickupPointFields>;

export interface PickupPointRow {
  id: string;
  cooperativeId: string | null;
  nameZh: string;
  nameEn: string;
  addressZh: string;
  addressEn: string;
  hoursZh: string;
  hoursEn: string;
  openDays: number;
  phone: string | null;
  active: number;
  sortOrder: number;
}

const COLUMNS = `id, cooperative_id AS cooperativeId, name_zh AS nameZh, name_en AS nameEn, address_zh AS addressZh,
  address_en AS addressEn, hours_zh AS hoursZh, hours_en AS hoursEn, open_days AS openDays, phone, active,
  sort_order AS sortOrder`;

/** Every point, open ones first. */
export async function allPickupPoints(d1: D1Database): Promise<PickupPointRow[]> {
  const { results } = await d1
    .prepare(`SELECT ${COLUMNS} FROM pickup_points ORDER BY active DESC, sort_order, id`)
    .all<PickupPointRow>();
  return results;
}

export async function pickupPoint(d1: D1Database, id: string): Promise<PickupPointRow | null> {
  return d1.prepare(`SELECT ${COLUMNS} FROM pickup_points WHERE id = ?`).bind(id).first<PickupPointRow>();
}

const rowJson = (id: string) => ({
  sql: `SELECT json_object('nameZh', name_zh, 'nameEn', name_en, 'addressZh', address_zh, 'addressEn', address_en,
    'hoursZh', hours_zh, 'hoursEn', hours_en, 'openDays', open_days, 'phone', phone, 'cooperative', cooperative_id,
    'active', active, 'sortOrder', sort_order) FROM pickup_points WHERE id = ?`,
  params: [id],
});

/** A cooperative named for the point must exist; the batch fails otherwise and nothing is written. */
function knownCooperative(d1: D1Database, cooperative: string | undefined) {
  return guard(
    d1,
    "? IS NOT NULL AND NOT EXISTS (SELECT 1 FROM cooperatives WHERE id = ?)",
    cooperative ?? null,
    cooperative ?? null,
  );
}

function refused(error: unknown, p: { cooperative?: string | undefined }): never {
  if (violated(error, GUARD)) throw fieldProblem("cooperative", "dash.unknownCooperative", { id: p.cooperative ?? "" });
  if (violated(error, "pickup_points.id")) throw conflictProblem("pickup-point-taken", "places.taken");
  throw error;
}

const after = (p: Fields) => ({ ...p, phone: p.phone ?? null, cooperative: p.cooperative ?? null });

export async function createPickupPoint(d1: D1Database, admin: SessionAccount, p: z.output<typeof PickupPointCreate>) {
  try {
    await auditedBatch(
      d1,
      { actorId: admin.id, action: "pickup_point.create", targetType: "pickup_point", targetId: p.id, after: after(p) },
      [
        d1
          .prepare(
            `INSERT INTO pickup_points (id, cooperative_id, name_zh, name_en, address_zh, address_en, hours_zh, hours_en,
             open_days, phone, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .bind(
            p.id,
            p.cooperative ?? null,
            p.nameZh,
            p.nameEn,
            p.addressZh,
            p.addressEn,
            p.hoursZh,
            p.hoursEn,
            p.days,
            p.phone ?? null,
            p.sortOrder,
          ),
      ],
      [knownCooperative(d1, p.cooperative)],
    );
  } catch (error) {
    refused(error, p);
  }
  return { id: p.id };
}

export async function updatePickupPoint(d1: D1Database, admin: SessionAccount, id: string, p: Fields) {
  if (!(await pickupPoint(d1, id))) throw notFoundProblem();
  try {
    await auditedBatch(
      d1,
      {
        actorId: admin.id,
        action: "pickup_point.update",
        targetType: "pickup_point",
        targetId: id,
        beforeSql: rowJson(id),
        after: after(p),
      },
      [
        d1
          .prepare(
            `UPDATE pickup_points SET cooperative_id = ?, name_zh = ?, name_en = ?, address_zh = ?, address_en = ?,
             hours_zh = ?, hours_en = ?, open_days = ?, phone = ?, sort_order = ? WHERE id = ?`,
          )
          .bind(
            p.cooperative ?? null,
            p.nameZh,
            p.nameEn,
            p.addressZh,
            p.addressEn,
            p.hoursZh,
            p.hoursEn,
            p.days,
            p.phone ?? null,
            p.sortOrder,
            id,
          ),
      ],
      [knownCooperative(d1, p.cooperative)],
    );
  } catch (error) {
    refused(error, p);
  }
  return { id };
}

/** Retired: no longer offered at checkout or in GET /api/pickup-points. Reopening offers it again. */
export async function setPickupPointOpen(d1: D1Database, admin: SessionAccount, id: string, open: boolean) {
  if (!(await pickupPoint(d1, id))) throw notFoundProblem();
  await auditedBatch(
    d1,
    {
      actorId: admin.id,
      action: open ? "pickup_point.reopen" : "pickup_point.retire",
      targetType: "pickup_point",
      targetId: id,
      beforeSql: { sql: "SELECT json_object('active', active) FROM pickup_points WHERE id = ?", params: [id] },
      after: { active: open },
    },
    [d1.prepare("UPDATE pickup_points SET active = ? WHERE id = ?").bind(open ? 1 : 0, id)],
  );
  return { id, active: open };
}
