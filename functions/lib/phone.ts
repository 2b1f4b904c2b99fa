/*
 * Phone numbers without zod, so the booking form's script can check one in the
 * browser with the server's own rule (zod would add some 80 KiB to the page).
 */

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
