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
 * while the database keeps only its hash. The token starts with the id of the key
 * that made it (see keyId), so TOKEN_SECRET can be replaced while the previous key
 * still re-derives the links of older records (derivedToken).
 */
export async function secretToken(
  secret: string,
  kind: "booking" | "order" | "letter",
  reference: string,
): Promise<string> {
  return `${await keyId(secret)}.${await legacyToken(secret, kind, reference)}`;
}

/** Tokens issued before key ids existed: the signature alone. They still open their records. */
async function legacyToken(secret: string, kind: string, reference: string): Promise<string> {
  const sig = await crypto.subtle.sign("HMAC", await hmacKey(secret), encoder.encode(`${kind}:${reference}`));
  return base64url(sig).slice(0, 32);
}

/** Four characters naming a key without revealing it. */
export async function keyId(secret: string): Promise<string> {
  return base64url(await crypto.subtle.digest("SHA-256", encoder.encode(`key-id:${secret}`))).slice(0, 4);
}

/**
 * The token a record was issued with, re-derived for a new message or a replay: the
 * one among the current and previous keys (with or without key id) whose hash is the
 * stored one. Without a stored hash, the current key's token.
 */
export async function derivedToken(
  keys: TokenKeys,
  kind: "booking" | "order" | "letter",
  reference: string,
  storedHash?: string | null,
): Promise<string> {
  const fresh = await secretToken(keys.current, kind, reference);
  if (!storedHash) return fresh;
  for (const secret of [keys.current, ...keys.previous]) {
    for (const candidate of [await secretToken(secret, kind, reference), await legacyToken(secret, kind, reference)]) {
      if (sameDigest(await sha256Hex(candidate), storedHash)) return candidate;
    }
  }
  return fresh;
}

/** A random token (256 bits, base64url) for one-time links and cookies; only its hash is stored. */
export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** Signs a short text with the current key: `<key id>.<signature>`. */
export async function signText(secret: string, text: string): Promise<string> {
  const sig = await crypto.subtle.sign("HMAC", await hmacKey(secret), encoder.encode(`signed:${text}`));
  return `${await keyId(secret)}.${base64url(sig).slice(0, 43)}`;
}

/** Checks a signature made by signText with the current or a previous key. */
export async function verifySignedText(keys: TokenKeys, text: string, signature: string): Promise<boolean> {
  for (const secret of [keys.current, ...keys.previous]) {
    const expected = await signText(secret, text);
    if (expected.length === signature.length && sameDigest(expected, signature)) return true;
  }
  return false;
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

export interface TokenKeys {
  current: string;
  /** TOKEN_SECRET_PREVIOUS: still accepted and used to re-derive older links, never to make new ones. */
  previous: string[];
}
