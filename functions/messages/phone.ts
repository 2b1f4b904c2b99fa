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
