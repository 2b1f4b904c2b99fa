/*
 * The work of the check a busy source must pass: find a number whose SHA-256, after the
 * check's token, starts with `difficulty` zero bits. Shared by the Worker, which verifies
 * one hash, and the page's script (src/scripts/challenge.ts), which searches for it.
 */

const encoder = new TextEncoder();

/** What is hashed for one try: the token and the number, so no answer fits another check. */
export function workInput(token: string, solution: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(`${token}:${solution}`);
}

/** Whether a digest starts with at least `bits` zero bits. */
export function hasZeroBits(digest: ArrayBuffer, bits: number): boolean {
  const bytes = new Uint8Array(digest);
  let left = bits;
  for (const byte of bytes) {
    if (left <= 0) return true;
    if (left >= 8) {
      if (byte !== 0) return false;
      left -= 8;
    } else {
      return byte >> (8 - left) === 0;
    }
  }
  return left <= 0;
}

/** Whether `solution` answers the check `token` at `difficulty`. */
export async function solves(token: string, solution: string, difficulty: number): Promise<boolean> {
  if (!/^\d{1,12}$/.test(solution)) return false;
  return hasZeroBits(await crypto.subtle.digest("SHA-256", workInput(token, solution)), difficulty);
}
