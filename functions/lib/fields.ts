import { z } from "zod";
import { isRealDate } from "./dates";
import { LANGS } from "./lang";
import { parseYuan } from "./money";
import { isPhoneNumber } from "./phone";

/* Request fields that more than one domain takes, with their messages. */

/** A calendar date as `YYYY-MM-DD` that exists (no 2027-02-30). */
export const IsoDate = z.string({ error: "field.required" }).refine(isRealDate, { error: "field.date" });

/** The date range of a staff list or export (occupancy, arrivals, CSV): from, to, days or one date. */
export const RangeQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  days: z.coerce.number().int().min(1).max(92).optional(),
  date: IsoDate.optional(),
  lang: z.enum(LANGS).optional(),
});

/** Yuan as people write it ("80", "80.5", "80.50"), stored as integer fen. */
export const priceYuan = z
  .union([z.number(), z.string().trim()])
  .transform((v) => String(v))
  .refine((v) => parseYuan(v) !== null, { error: "dash.price" })
  .transform((v) => parseYuan(v) ?? 0);

/** The contact phone of bookings, orders and cooperatives: one rule for the API and every form. */
export const Phone = z
  .string({ error: "field.phone" })
  .trim()
  .max(24, { error: "field.phone" })
  .refine(isPhoneNumber, { error: "field.phone" });
