import type { z } from "zod";
import { conflictProblem, fieldProblem, notFoundProblem } from "../accounts/problems";
import type { SessionAccount } from "../accounts/sessions";
import { auditedBatch, auditStatement } from "../db/audit";
import { GUARD, guard, violated } from "../lib/constraints";
import { daysBetween, todayInCounty } from "../lib/dates";
import {
  bookedNightsProblem,
  bookingsOnNights,
  type ClosureRange,
  cancelForClosure,
  noOtherBookings,
} from "./closure-bookings";
import { closureInScope, unitInScope } from "./site-ops";
import type { CapacityRequest, ClosureRequest } from "./staff-schema";

/** Closures and capacity changes: each with its audit entry in one batch. */

const MAX_RANGE_DAYS = 366;

function checkRange(from: string, to: string, today: string) {
  if (to < today) throw fieldProblem("to", "dash.rangePast");
  if (from < today) throw fieldProblem("from", "dash.rangePast");
  if (daysBetween(from, to) >= MAX_RANGE_DAYS) throw fieldProblem("to", "dash.rangeTooLong");
}

/**
 * `siteSlug` is the campsite in the request's path: the unit type must belong to it.
 * Nights with bookings are closed only with `cancelAffected`: then the closure, the
 * cancelled bookings, their released nights, audit entries and guests' texts are ONE batch.
 */
export async function addClosure(
  d1: D1Database,
  account: SessionAccount,
  siteSlug: string,
  input: z.output<typeof ClosureRequest>,
  today = todayInCounty(),
) {
  const unit = await unitInScope(d1, account, input.unit);
  if (!unit || unit.siteSlug !== siteSlug) throw notFoundProblem();
  checkRange(input.from, input.to, today);
  const range = { unit: unit.id, from: input.from, to: input.to };
  const booked = await bookingsOnNights(d1, range);
  if (booked.length && !input.cancelAffected) throw bookedNightsProblem(booked);
  let results: D1Result<{ id?: number }>[];
  try {
    results = await auditedBatch<{ id?: number }>(
      d1,
      {
        actorId: account.id,
        action: "closure.create",
        targetType: "unit_type",
        targetId: unit.id,
        after: {
          from: input.from,
          to: input.to,
          reasonZh: input.reasonZh,
          reasonEn: input.reasonEn,
          cancelled: booked.map((b) => b.reference),
        },
      },
      [
        d1
          .prepare(
            "INSERT INTO closures (unit_type_id, from_date, to_date, reason_zh, reason_en) VALUES (?, ?, ?, ?, ?) RETURNING id",
          )
          .bind(unit.id, input.from, input.to, input.reasonZh, input.reasonEn),
        ...cancelForClosure(d1, account, booked, input),
      ],
      // A second closure over nights already closed would only have to be removed twice: the
      // database refuses it in the same batch, so two operators closing at once cannot both pass.
      [
        guard(
          d1,
          "EXISTS (SELECT 1 FROM closures WHERE unit_type_id = ? AND from_date <= ? AND to_date >= ?)",
          unit.id,
          input.to,
          input.from,
        ),
        noOtherBookings(d1, range, booked),
      ],
    );
  } catch (error) {
    if (violated(error, GUARD)) throw await refusedClosure(d1, range);
    throw error;
  }
  const [, , , inserted] = results;
  return {
    id: Number(inserted?.results[0]?.id),
    unit: unit.id,
    site: unit.siteSlug,
    from: input.from,
    to: input.to,
    cancelledBookings: booked.map((b) => b.reference),
  };
}

/** Why the closure's batch was refused: nights closed meanwhile, or bookings that changed since they were read. */
async function refusedClosure(d1: D1Database, r: ClosureRange) {
  const closed = await d1
    .prepare("SELECT 1 FROM closures WHERE unit_type_id = ? AND from_date <= ? AND to_date >= ?")
    .bind(r.unit, r.to, r.from)
    .first();
  if (closed) return overlapping(d1, r.unit, r.from, r.to);
  return bookedNightsProblem(await bookingsOnNights(d1, r));
}

/** The 409 for a closure over nights already closed, naming the closure in the way. */
async function overlapping(d1: D1Database, unitId: string, from: string, to: string) {
  const row = await d1
    .prepare(
      `SELECT from_date AS "from", to_date AS "to" FROM closures WHERE unit_type_id = ? AND from_date <= ? AND to_date >= ?
       ORDER BY from_date LIMIT 1`,
    )
    .bind(unitId, to, from)
    .first<{ from: string; to: string }>();
  return conflictProblem(
    "closure-overlap",
    "dash.closureOverlap",
    { from: row?.from ?? from, to: row?.to ?? to },
    { closed: row ? { from: row.from, to: row.to } : null },
  );
}

export async function removeClosure(d1: D1Database, account: SessionAccount, id: number) {
  const closure = await closureInScope(d1, account, id);
  if (!closure) throw notFoundProblem();
  await auditedBatch(
    d1,
    {
      actorId: account.id,
      action: "closure.delete",
      targetType: "unit_type",
      targetId: closure.unitTypeId,
      beforeSql: {
        sql: `SELECT json_object('id', id, 'from', from_date, 'to', to_date, 'reasonZh', reason_zh, 'reasonEn', reason_en)
              FROM closures WHERE id = ?`,
        params: [id],
      },
    },
    [d1.prepare("DELETE FROM closures WHERE id = ?").bind(id)],
  );
  return { site: closure.siteSlug };
}

/**
 * Capacity never drops below what is booked: the nights' rows in
 * night_inventory carry CHECK (booked <= capacity), so lowering a night that
 * has more bookings aborts the whole batch, audit entry included. Without dates
 * the unit type's standard capacity changes, for every night from today on;
 * with dates only those nights change.
 */
export async function changeCapacity(
  d1: D1Database,
  account: SessionAccount,
  unitId: string,
  input: z.output<typeof CapacityRequest>,
  today = todayInCounty(),
) {
  const unit = await unitInScope(d1, account, unitId);
  if (!unit) throw notFoundProblem();
  if (input.from && input.to) checkRange(input.from, input.to, today);
  const from = input.from ?? today;
  try {
    await d1.batch(capacityStatements(d1, account, unit.id, input.capacity, from, input.to));
  } catch (error) {
    throw await belowBooked(d1, error, unit.id, input.capacity, from, input.to);
  }
  return { unit: unit.id, site: unit.siteSlug, capacity: input.capacity, from, to: input.to ?? null };
}

/** The 409 for a batch refused by the capacity CHECK (with the nights in question), or the error itself. */
export async function belowBooked(
  d1: D1Database,
  error: unknown,
  unitId: string,
  capacity: number,
  from: string,
  to?: string,
) {
  if (!violated(error, "night_inventory_capacity")) return error;
  const { results } = await d1
    .prepare(
      `SELECT night, booked FROM night_inventory WHERE unit_type_id = ? AND night >= ? AND night <= coalesce(?, night)
         AND booked > ? ORDER BY night LIMIT 31`,
    )
    .bind(unitId, from, to ?? null, capacity)
    .all<{ night: string; booked: number }>();
  return conflictProblem(
    "below-booked",
    "dash.capacityBelowBooked",
    { nights: results.map((r) => r.night).join(", ") },
    {
      nights: results.map((r) => ({ date: r.night, booked: r.booked })),
    },
  );
}

/** Shared with the admin's unit type edit, which changes standard capacity the same way. */
export function capacityStatements(
  d1: D1Database,
  account: SessionAccount,
  unitId: string,
  capacity: number,
  from: string,
  to: string | undefined,
): D1PreparedStatement[] {
  if (!to) {
    return [
      auditStatement(d1, {
        actorId: account.id,
        action: "unit_type.capacity",
        targetType: "unit_type",
        targetId: unitId,
        beforeSql: { sql: "SELECT json_object('capacity', capacity) FROM unit_types WHERE id = ?", params: [unitId] },
        after: { capacity, from },
      }),
      d1.prepare("UPDATE unit_types SET capacity = ? WHERE id = ?").bind(capacity, unitId),
      d1
        .prepare("UPDATE night_inventory SET capacity = ? WHERE unit_type_id = ? AND night >= ?")
        .bind(capacity, unitId, from),
    ];
  }
  return [
    auditStatement(d1, {
      actorId: account.id,
      action: "unit_type.capacity_nights",
      targetType: "unit_type",
      targetId: unitId,
      beforeSql: {
        sql: `SELECT json_object('standard', (SELECT capacity FROM unit_types WHERE id = ?), 'nights',
                (SELECT json_group_array(json_object('night', night, 'capacity', capacity)) FROM night_inventory
                 WHERE unit_type_id = ? AND night >= ? AND night <= ?))`,
        params: [unitId, unitId, from, to],
      },
      after: { capacity, from, to },
    }),
    // One row per night in the range: nights nobody has booked yet get a row
    // now, so a later booking finds this capacity rather than the standard one.
    d1
      .prepare(
        `WITH RECURSIVE d(night) AS (SELECT ? UNION ALL SELECT date(night, '+1 day') FROM d WHERE night < ?)
         INSERT INTO night_inventory (unit_type_id, night, capacity, booked)
         SELECT ?, night, ?, 0 FROM d WHERE true
         ON CONFLICT (unit_type_id, night) DO UPDATE SET capacity = excluded.capacity`,
      )
      .bind(from, to, unitId, capacity),
  ];
}
