/**
 * A refused "find my booking" form goes back to the form with what was typed and
 * why, without putting the phone number in an address: in a cookie the page reads
 * once and clears.
 */
export const RECOVERY_COOKIE = "portal_find";

export interface RecoveryFormState {
  reference: string;
  phone: string;
  /** Message per field ("reference", "phone") or for the whole form ("form"). */
  errors: Record<string, string>;
}

const text = (v: unknown) => (typeof v === "string" ? v.slice(0, 40) : "");

export function recoveryCookie(state: { reference: unknown; phone: unknown; errors: Record<string, string> }): string {
  const json = JSON.stringify({ reference: text(state.reference), phone: text(state.phone), errors: state.errors });
  const value = btoa(String.fromCharCode(...new TextEncoder().encode(json)));
  return `${RECOVERY_COOKIE}=${encodeURIComponent(value)}; Path=/; Max-Age=300; HttpOnly; Secure; SameSite=Lax`;
}

export function readRecoveryCookie(value: string | undefined): RecoveryFormState | null {
  if (!value) return null;
  try {
    const bytes = Uint8Array.from(atob(decodeURIComponent(value)), (ch) => ch.charCodeAt(0));
    const parsed = JSON.parse(new TextDecoder().decode(bytes)) as Partial<RecoveryFormState>;
    const errors: Record<string, string> = {};
    for (const [k, v] of Object.entries(parsed.errors ?? {})) if (typeof v === "string") errors[k] = v.slice(0, 300);
    return { reference: text(parsed.reference), phone: text(parsed.phone), errors };
  } catch {
    return null;
  }
}
