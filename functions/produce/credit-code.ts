/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters
 * from an alphabet without I, O, Z, S and V, the last one a check character
 * computed modulo 31 over the first 17. A cooperative's code is checked before
 * the county marks it verified, so a mistyped licence number is caught early.
 */
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/** 3^i mod 31, for positions 1..17. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character for the first 17 characters, or null if one is outside the alphabet. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17[i] ?? "");
    if (value < 0) return null;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return ALPHABET[(31 - (sum % 31)) % 31] ?? null;
}

export function isValidCreditCode(code: string): boolean {
  const upper = code.trim().toUpperCase();
  if (!SHAPE.test(upper)) return false;
  return creditCodeCheckChar(upper.slice(0, 17)) === upper[17];
}

/** Registration authority 9 (market regulation), type 3: a farmers' specialised cooperative. */
export function isCooperativeCode(code: string): boolean {
  return isValidCreditCode(code) && code.toUpperCase().startsWith("93");
}
