/**
 * References people read aloud on the phone and secret tokens they keep.
 * The alphabet drops 0/O, 1/I/L and U so a reference survives being written
 * down or spoken.
 */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

export function newReference(length = 8): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let out = "";
  // 256 is not a multiple of 30: re-draw the few biased bytes.
  for (let i = 0; i < length; i++) {
    let b = bytes[i] ?? 0;
    while (b >= 240) b = crypto.getRandomValues(new Uint8Array(1))[0] ?? 0;
    out += ALPHABET[b % ALPHABET.length];
  }
  return out;
}

/** Normalises what a person typed: case, spaces and dashes don't matter. */
export function normaliseReference(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}

export const REFERENCE_PATTERN = new RegExp(`^[${ALPHABET}]{8}$`);

function base64url(bytes: ArrayBuffer): string {
  let s = "";
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    keys.set(secret, key);
  }
  return key;
}

/**
 * The secret token for a booking or order. It is derived from the reference with
 * the server's secret, so an idempotent replay can hand the same token back
 * while the database keeps only its hash.
 */
export async function secretToken(
  secret: string,
  kind: "booking" | "order" | "invite",
  reference: string,
): Promise<string> {
  const sig = await crypto.subtle.sign("HMAC", await hmacKey(secret), encoder.encode(`${kind}:${reference}`));
  return base64url(sig).slice(0, 32);
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", encoder.encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Compares two equal-length hex digests without an early exit. */
export function sameDigest(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** The token secret, or a clear refusal when a deployment forgot to set it. */
export function requireTokenSecret(env: { TOKEN_SECRET?: string | undefined }): string {
  const secret = env.TOKEN_SECRET;
  if (!secret || secret.length < 16) {
    throw new Error("TOKEN_SECRET is not set: run `wrangler secret put TOKEN_SECRET` (at least 16 characters)");
  }
  return secret;
}
