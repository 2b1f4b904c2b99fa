import type { Context } from "hono";
import { violated } from "./constraints";
import type { Body } from "./forms";
import { requestLang } from "./lang";
import { message } from "./messages";
import { ProblemError } from "./problem";
import { sha256Hex } from "./tokens";
import { badRequest } from "./validate";

/**
 * Idempotency for public writes (bookings, orders, cancellations), all through
 * `once()`.
 *
 * The key row is inserted INSIDE the same D1 batch as the write, under a primary
 * key: of two racing requests with one key, exactly one batch commits; the other
 * fails on the key, then reads the winner's stored response and returns it.
 * Refused requests (4xx) write nothing, so they are not stored: repeating one
 * simply asks again.
 */
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;

/** The hidden field that carries the key in an HTML form, which cannot send the header. */
const KEY_FIELD = "idempotencyKey";

/**
 * The request's key: the Idempotency-Key header, or for a form post its
 * `idempotencyKey` field. Read once the body has validated, so a bad body is
 * reported as such before a missing key.
 */
function idempotencyKey(c: Context, body: Body): string {
  const field =
    body.isForm && body.value && typeof body.value === "object"
      ? (body.value as Record<string, unknown>)[KEY_FIELD]
      : undefined;
  const raw = c.req.header("idempotency-key") ?? (typeof field === "string" ? field : undefined);
  if (raw === undefined || raw === "") {
    throw badRequest([{ field: "Idempotency-Key", message: message(requestLang(c.req.raw), "idempotency.missing") }]);
  }
  if (!KEY_PATTERN.test(raw)) {
    throw badRequest([{ field: "Idempotency-Key", message: message(requestLang(c.req.raw), "idempotency.invalid") }]);
  }
  return raw;
}

/** One write's claim on a key: the scope (route), the key and the fingerprint of the request. */
export interface Claim {
  scope: string;
  key: string;
  print: string;
}

/** The claim of this request under `scope`; `request` is what makes it "the same request" (the validated input). */
export async function claimFor(c: Context, scope: string, body: Body, request: unknown): Promise<Claim> {
  return { scope, key: idempotencyKey(c, body), print: await fingerprint(scope, request) };
}

/** What identifies "the same request": route scope plus the validated body. */
function fingerprint(scope: string, body: unknown): Promise<string> {
  return sha256Hex(`${scope}\n${stableJson(body)}`);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export interface StoredResponse {
  status: number;
  body: unknown;
}

/** What `once()` answers: the response, and whether it is a stored one. */
export interface Outcome extends StoredResponse {
  replayed: boolean;
}

interface KeyRow {
  fingerprint: string;
  status: number;
  response: string;
}

const lookup = (d1: D1Database, claim: Claim) =>
  d1
    .prepare("SELECT fingerprint, status, response FROM idempotency_keys WHERE scope = ? AND key = ?")
    .bind(claim.scope, claim.key);

/** A stored response for the claim's key, or null. A different request under the same key is refused with 422. */
function replayOf(claim: Claim, row: KeyRow | null | undefined): StoredResponse | null {
  if (!row) return null;
  if (row.fingerprint !== claim.print) {
    throw new ProblemError(422, "idempotency-mismatch", (lang) => ({
      detail: message(lang, "idempotency.mismatch"),
    }));
  }
  return { status: row.status, body: JSON.parse(row.response) };
}

/** Whether a batch failed because another request claimed the same key first. */
export function isKeyConflict(error: unknown): boolean {
  return violated(error, "idempotency_keys");
}

export interface Write {
  /** The statement that claims the key, storing `response`: put it FIRST in the write batch. */
  claimKey(response: StoredResponse): D1PreparedStatement;
  /** The results of the `reads` passed to `once()`, in order. */
  reads: D1Result[];
}

/**
 * A public write, at most once per key. Looks the key up (in one batch with
 * `reads`, the write's own queries, so a first request costs no extra round
 * trip) and replays the stored response if there is one. Otherwise runs
 * `write`, whose batch must start with `claimKey(response)`; if a racing
 * request with the same key commits first, its response is the answer.
 */
export async function once(
  d1: D1Database,
  claim: Claim,
  write: (w: Write) => Promise<StoredResponse>,
  reads: D1PreparedStatement[] = [],
): Promise<Outcome> {
  let row: KeyRow | null | undefined;
  let results: D1Result[] = [];
  if (reads.length) {
    const [found, ...rest] = await d1.batch([lookup(d1, claim), ...reads]);
    row = found?.results[0] as KeyRow | undefined;
    results = rest;
  } else {
    row = await lookup(d1, claim).first<KeyRow>();
  }
  const earlier = replayOf(claim, row);
  if (earlier) return { ...earlier, replayed: true };
  const claimKey = (response: StoredResponse) =>
    d1
      .prepare("INSERT INTO idempotency_keys (scope, key, fingerprint, status, response) VALUES (?, ?, ?, ?, ?)")
      .bind(claim.scope, claim.key, claim.print, response.status, JSON.stringify(response.body));
  try {
    return { ...(await write({ claimKey, reads: results })), replayed: false };
  } catch (error) {
    if (!isKeyConflict(error)) throw error;
    const winner = replayOf(claim, await lookup(d1, claim).first<KeyRow>());
    if (!winner) throw error;
    return { ...winner, replayed: true };
  }
}
