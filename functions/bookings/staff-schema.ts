import { z } from "zod";
import { FormFlag, IsoDate, singleLine } from "../lib/fields";

/** Request shapes for the site operator's dashboard (JSON API and no-JS forms alike). */

const date = IsoDate;
/** An empty form field means "not given". */
const optionalDate = z.preprocess((v) => (v === "" ? undefined : v), date.optional());
const reason = singleLine().max(200).default("");

export const ClosureRequest = z
  .object({
    unit: z.string({ error: "field.required" }).min(1).max(64),
    from: date,
    to: date,
    reasonZh: reason,
    reasonEn: reason,
    /** Cancel the bookings on these nights (and text their guests); without it a closure over them is refused. */
    cancelAffected: FormFlag,
  })
  .refine((r) => r.to >= r.from, { error: "dash.rangeOrder", path: ["to"] });

export const CapacityRequest = z
  .object({
    capacity: z.coerce.number({ error: "field.number" }).int({ error: "field.number" }).min(0).max(10_000),
    /** Both or neither: without dates the unit type's standard capacity changes from today on. */
    from: optionalDate,
    to: optionalDate,
  })
  .refine((r) => (r.from === undefined) === (r.to === undefined), { error: "dash.bothDates", path: ["to"] })
  .refine((r) => !r.from || !r.to || r.to >= r.from, { error: "dash.rangeOrder", path: ["to"] });

export const SiteParam = z.object({ slug: z.string().min(1).max(64) });
export const UnitParam = z.object({ unit: z.string().min(1).max(64) });
export const BookingParam = z.object({ reference: z.string().min(1).max(32) });
export const ClosureParam = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** Why staff cancel or decline a booking: the guest reads it on their booking page. */
export const ReasonRequest = z.object({
  reason: z
    .string({ error: "bookings.reason" })
    .trim()
    .min(1, { error: "bookings.reason" })
    .max(200, { error: "bookings.reason" }),
});
