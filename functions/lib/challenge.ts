import { county } from "../../county.config";
import { solves } from "./challenge-work";

/**
 * The check a source over its budget passes before its write is taken
 * (functions/lib/source-limits.ts). Self-hosted, no third-party captcha: a signed
 * token the Worker can verify without storing it (HMAC over nonce, scope, source,
 * difficulty and times), answered either by the browser's proof of work or, on a
 * plain HTML form, by a person pressing the button again after `waitSeconds`. Each
 * answered token is recorded (used_challenges) so it buys one write only.
 */
interface ChallengeClaims {
  nonce: string;
  /** The route it was issued for: bookings, orders or recover. */
  scope: string;
  /** A short hash of the address it was issued to, so an answer cannot be passed around. */
  source: string;
  difficulty: number;
  /** Milliseconds: from when the no-JavaScript answer counts, and until when any does. */
  notBefore: number;
  expiresAt: number;
}

/** What a client is given: the token and what it needs to answer it. */
export interface IssuedChallenge {
  token: string;
  algorithm: "SHA-256";
  difficulty: number;
  waitSeconds: number;
  expiresAt: string;
}

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function key(secret: string): Promise<CryptoKey> {
  let k = keys.get(secret);
  if (!k) {
    const material = encoder.encode(`challenge:${secret}`);
    k = crypto.subtle.importKey("raw", material, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
    keys.set(secret, k);
  }
  return k;
}

function toBase64url(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[\w-]*$/.test(text)) return null;
  try {
    return Uint8Array.from(atob(text.replaceAll("-", "+").replaceAll("_", "/")), (ch) => ch.charCodeAt(0));
  } catch {
    return null;
  }
}

export async function issueChallenge(
  secret: string,
  scope: string,
  source: string,
  now = Date.now(),
): Promise<IssuedChallenge> {
  const { difficulty, waitSeconds, validSeconds } = county.challenge;
  const claims: ChallengeClaims = {
    nonce: crypto.randomUUID(),
    scope,
    source,
    difficulty,
    notBefore: now + waitSeconds * 1000,
    expiresAt: now + validSeconds * 1000,
  };
  const body = toBase64url(encoder.encode(JSON.stringify(claims)));
  const sig = new Uint8Array(await crypto.subtle.sign("HMAC", await key(secret), encoder.encode(body)));
  return {
    token: `${body}.${toBase64url(sig)}`,
    algorithm: "SHA-256",
    difficulty,
    waitSeconds,
    expiresAt: new Date(claims.expiresAt).toISOString(),
  };
}

/** The claims of a token this Worker signed for this scope and source, still valid; otherwise null. */
async function readChallenge(
  secret: string,
  token: string,
  scope: string,
  source: string,
  now = Date.now(),
): Promise<ChallengeClaims | null> {
  if (token.length > 1000) return null;
  const [body = "", sig = "", ...rest] = token.split(".");
  const sigBytes = fromBase64url(sig);
  if (rest.length || !sigBytes) return null;
  const signed = await crypto.subtle.verify("HMAC", await key(secret), sigBytes, encoder.encode(body));
  if (!signed) return null;
  const json = fromBase64url(body);
  let claims: ChallengeClaims;
  try {
    claims = JSON.parse(new TextDecoder().decode(json ?? new Uint8Array())) as ChallengeClaims;
  } catch {
    return null;
  }
  if (claims.scope !== scope || claims.source !== source || !(now < claims.expiresAt)) return null;
  return claims;
}

/** What a request offers as its answer: the token, and the number the browser found (if it ran). */
export interface ChallengeAnswer {
  token?: string | undefined;
  solution?: string | undefined;
}

/**
 * Whether the answer passes: a valid token, and either the proof of work or, for an
 * HTML form (a person without JavaScript), the wait. Passing records the nonce, so
 * the same answer is refused the second time, even by two racing requests.
 */
export async function answerPasses(
  d1: D1Database,
  secret: string,
  answer: ChallengeAnswer,
  expected: { scope: string; source: string; isForm: boolean },
  now = Date.now(),
): Promise<boolean> {
  if (!answer.token) return false;
  const claims = await readChallenge(secret, answer.token, expected.scope, expected.source, now);
  if (!claims) return false;
  const worked = answer.solution ? await solves(answer.token, answer.solution, claims.difficulty) : false;
  const waited = expected.isForm && now >= claims.notBefore;
  if (!worked && !waited) return false;
  const first = await d1
    .prepare("INSERT INTO used_challenges (nonce, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING nonce")
    .bind(claims.nonce, claims.expiresAt)
    .first();
  return first !== null;
}

/** Answered checks are kept until they expire; after that the signature refuses them anyway. */
export function usedChallengeHousekeeping(d1: D1Database, now: Date): D1PreparedStatement {
  return d1.prepare("DELETE FROM used_challenges WHERE expires_at < ?").bind(now.getTime());
}
