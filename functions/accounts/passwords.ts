/**
 * Password hashing: PBKDF2-SHA256 with a per-password random salt. The stored
 * string carries its own parameters (`pbkdf2-sha256$<iterations>$<salt>$<hash>`)
 * so the work factor can be raised later and old hashes still verify.
 *
 * Deliberately free of imports: scripts/admin-create.mjs and
 * scripts/hash-password.mjs load this file directly with Node.
 */

/**
 * Cloudflare Workers refuse PBKDF2 above 100,000 iterations in production while
 * local workerd accepts more, so a higher count would pass every test and then
 * lock everyone out after deploy. Never produce or accept more than this.
 */
export const MAX_ITERATIONS = 100_000;
const ITERATIONS = MAX_ITERATIONS;
const SALT_BYTES = 16;
const HASH_BITS = 256;
const SCHEME = "pbkdf2-sha256";

/** Length rules follow ASVS 2.1: at least 12 characters, up to 128, no composition rules. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

const encoder = new TextEncoder();

function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  // NFC so the same password typed on two keyboards (composed or not) matches.
  const key = await crypto.subtle.importKey("raw", encoder.encode(password.normalize("NFC")), "PBKDF2", false, [
    "deriveBits",
  ]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

export async function hashPassword(password: string, iterations: number = ITERATIONS): Promise<string> {
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new RangeError(`PBKDF2 iterations must be 1..${MAX_ITERATIONS} (the Workers limit), not ${iterations}`);
  }
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, iterations);
  return `${SCHEME}$${iterations}$${toBase64(salt)}$${toBase64(hash)}`;
}

interface Parsed {
  iterations: number;
  salt: Uint8Array<ArrayBuffer>;
  hash: Uint8Array;
}

function parse(stored: string): Parsed | null {
  const [scheme, count, salt, hash, ...rest] = stored.split("$");
  if (scheme !== SCHEME || rest.length > 0 || !count || !salt || !hash) return null;
  const iterations = Number(count);
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) return null;
  try {
    return { iterations, salt: fromBase64(salt), hash: fromBase64(hash) };
  } catch {
    return null;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/**
 * Whether `password` matches `stored`. A malformed hash, or one whose iteration
 * count production could not compute, never matches.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  return sameBytes(await derive(password, parsed.salt, parsed.iterations), parsed.hash);
}

/** True when a hash was made with fewer iterations than today's: re-hash it at the next sign-in. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  return !parsed || parsed.iterations < ITERATIONS;
}

let dummy: Promise<string> | undefined;

/**
 * Spends the same time as a real check, for unknown accounts and accounts with
 * no password yet, so a sign-in's timing does not reveal which e-mails exist.
 */
export async function verifyDummy(password: string): Promise<false> {
  dummy ??= hashPassword("dummy password that matches nothing");
  await verifyPassword(password, await dummy);
  return false;
}
