import { z } from "zod";
import { isRealDate } from "./dates";
import { LANGS } from "./lang";
import { parseYuan } from "./money";
import { isPhoneNumber } from "./phone";

/* Request fields that more than one domain takes, with their messages. */

/** A calendar date as `YYYY-MM-DD` that exists (no 2027-02-30). */
export const IsoDate = z.string({ error: "field.required" }).refine(isRealDate, { error: "field.date" });

/** A yes/no from JSON or a form; forms send a hidden "0" before the checkbox's "1": the last one wins. */
export const FormFlag = z
  .union([z.boolean(), z.enum(["0", "1", "true", "false", "on"])])
  .transform((v) => v === true || v === "1" || v === "true" || v === "on")
  .optional();

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
  .refine((p) => !hasHiddenCharacters(p) && !/[\n\r\u2028\u2029]/.test(p), { error: "field.phone" })
  .max(24, { error: "field.phone" })
  .refine(isPhoneNumber, { error: "field.phone" });

/*
 * Text people type. Names, notes and addresses are shown to staff, put in CSV
 * files and e-mails, so characters that change how the text around them looks
 * are refused, with a message saying what to fix: control characters and NUL,
 * zero-width characters, and bidirectional overrides that make "Li Wei 13800000000"
 * display as something else. Text is stored in NFC, so the same name typed on two
 * phones is the same name.
 */

/** Controls (C0, DEL, C1), format characters (zero-width, bidi, BOM), lone surrogates. */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Cs}]/u;
const LINE_BREAKS = /[\n\r\v\f\u0085\u2028\u2029]/g;
/** A zero-width joiner between two emoji draws one picture (👨‍👩‍👧): allowed. */
const EMOJI_JOINER = /(?<=\p{Extended_Pictographic}\uFE0F?)\u200D(?=\p{Extended_Pictographic})/gu;

/** Whether `text` holds a character that cannot be seen or changes the text around it (line breaks aside). */
export function hasHiddenCharacters(text: string): boolean {
  return HIDDEN.test(text.replace(EMOJI_JOINER, "").replace(LINE_BREAKS, ""));
}

const hasLineBreak = (text: string) => text.search(LINE_BREAKS) !== -1;

type TextParams = Parameters<typeof z.string>[0];

/** One line of text (a name, a city, an address line, a reason): NFC, trimmed, no line breaks. */
export function singleLine(params?: TextParams) {
  return z
    .string(params)
    .normalize("NFC")
    .trim()
    .refine((s) => !hasLineBreak(s), { error: "field.oneLine" })
    .refine((s) => !hasHiddenCharacters(s), { error: "field.hidden" });
}

/** Several lines (notes, descriptions): NFC, trimmed, line breaks as \n only, nothing hidden. */
export function multiLine(params?: TextParams) {
  return z
    .string(params)
    .overwrite((s) => s.replace(/\r\n?/g, "\n"))
    .normalize("NFC")
    .trim()
    .refine((s) => !hasHiddenCharacters(s.replace(/[\v\f\u0085\u2028\u2029]/g, "\u0000")), {
      error: "field.hidden",
    });
}
