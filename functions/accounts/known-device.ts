import type { TokenKeys } from "../lib/tokens";
import { signText, verifySignedText } from "../lib/tokens";

/**
 * A browser that signed in to an account before keeps a signed cookie saying so for
 * 90 days. With it, the account-wide lock that anyone knowing the e-mail could trip
 * (throttle.ts) does not apply: its owner can still sign in while someone else
 * guesses. It names no account and holds nothing secret: the signature covers the
 * e-mail the person types, so it is worth nothing for another account.
 */
const DEVICE_COOKIE = "__Host-portal_device";
const DEVICE_DAYS = 90;

const signedPart = (email: string, expires: number) => `known-device:${email}:${expires}`;

export async function deviceCookie(secret: string, email: string, now: Date = new Date()): Promise<string> {
  const expires = Math.floor(now.getTime() / 1000) + DEVICE_DAYS * 86_400;
  const value = `${expires}.${await signText(secret, signedPart(email, expires))}`;
  return `${DEVICE_COOKIE}=${value}; Path=/; Max-Age=${DEVICE_DAYS * 86_400}; HttpOnly; Secure; SameSite=Strict`;
}

function cookieValue(header: string | null | undefined): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === DEVICE_COOKIE) return value.join("=");
  }
  return undefined;
}

/** Whether the request carries a valid, unexpired known-device cookie for this e-mail. */
export async function isKnownDevice(
  keys: TokenKeys | null,
  email: string,
  cookieHeader: string | null | undefined,
  now: Date = new Date(),
): Promise<boolean> {
  const value = cookieValue(cookieHeader);
  if (!keys || !value || value.length > 200) return false;
  const [expires, ...signature] = value.split(".");
  const at = Number(expires);
  if (!Number.isSafeInteger(at) || at * 1000 <= now.getTime()) return false;
  return verifySignedText(keys, signedPart(email, at), signature.join("."));
}
