import { z } from "zod";
import { isRealDate } from "./dates";
import { LANGS } from "./lang";
import { parseYuan } from "./money";

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

const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
// A landline needs its area code: 0837 2345678 at home, +86 837 2345678 from abroad.
const LANDLINE = /^(?:0[1-9]\d{1,2}|\+86[1-9]\d{1,2})[2-9]\d{6,7}$/;
// Foreign visitors give their own number in international form.
const INTERNATIONAL = /^\+(?!86)[1-9]\d{7,14}$/;

/**
 * A phone number the campsite or cooperative can call back: a mainland mobile,
 * a landline with its area code, or an international number. Spaces, hyphens
 * and brackets people type are allowed; "123456" is not a number anyone can call.
 */
export function isPhoneNumber(value: string): boolean {
  const digits = value.replace(/[\s().-]/g, "");
  return MOBILE.test(digits) || LANDLINE.test(digits) || INTERNATIONAL.test(digits);
}

/** The contact phone of bookings, orders and cooperatives: one rule for the API and every form. */
export const Phone = z
  .string({ error: "field.phone" })
  .trim()
  .max(24, { error: "field.phone" })
  .refine(isPhoneNumber, { error: "field.phone" });

/**
 * A phone number as the portal compares it: digits only, without the country
 * code of a mainland number (+86 / 0086 / 86 before 11 digits), so
 * "+86 138-0000-0000" and "13800000000" are the same phone.
 */
export function normalisePhone(input: string): string {
  const digits = input.replace(/\D/g, "");
  const mainland = /^(?:0086|86)(1\d{10})$/.exec(digits);
  return mainland?.[1] ?? digits;
}

/** A phone number for a screen others may see: 138****0000. */
export function maskPhone(input: string): string {
  const p = normalisePhone(input);
  if (p.length < 7) return "****";
  return `${p.slice(0, 3)}${"*".repeat(p.length - 7)}${p.slice(-4)}`;
}
