import type { Context } from "hono";
import { violated } from "./constraints";
import { message } from "./messages";
import { ProblemError } from "./problem";
import { sha256Hex } from "./tokens";
import { badRequest } from "./validate";

/**
 * Idempotency for public writes (bookings, orders, cancellations).
 *
 * The key row is inserted INSIDE the same D1 batch as the write, under a primary
 * key: of two racing requests with one key, exactly one batch commits; the other
 * fails on the key, then reads the winner's stored response and returns it.
 * Refused requests (4xx) write nothing, so they are not stored: repeating one
 * simply asks again.
 */
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;

export function idempotencyKey(c: Context, fromBody?: unknown): string {
  const raw = c.req.header("idempotency-key") ?? (typeof fromBody === "string" ? fromBody : undefined);
  if (raw === undefined || raw === "") {
    throw badRequest([{ field: "Idempotency-Key", message: message(langOf(c), "idempotency.missing") }]);
  }
  if (!KEY_PATTERN.test(raw)) {
    throw badRequest([{ field: "Idempotency-Key", message: message(langOf(c), "idempotency.invalid") }]);
  }
  return raw;
}

function langOf(c: Context) {
  const lang = new URL(c.req.url).searchParams.get("lang") ?? c.req.header("accept-language") ?? "";
  return lang.toLowerCase().startsWith("en") ? "en" : "zh-CN";
}

/** What identifies "the same request": route scope plus the validated body. */
export function fingerprint(scope: string, body: unknown): Promise<string> {
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

/** The statement that claims the key; put it FIRST in the write batch. */
export function claimKey(db: D1Database, scope: string, key: string, print: string, response: StoredResponse) {
  return db
    .prepare("INSERT INTO idempotency_keys (scope, key, fingerprint, status, response) VALUES (?, ?, ?, ?, ?)")
    .bind(scope, key, print, response.status, JSON.stringify(response.body));
}

/** The stored response for a key, or null. A different body under the same key is refused with 422. */
export async function storedResponse(
  db: D1Database,
  scope: string,
  key: string,
  print: string,
): Promise<StoredResponse | null> {
  const row = await db
    .prepare("SELECT fingerprint, status, response FROM idempotency_keys WHERE scope = ? AND key = ?")
    .bind(scope, key)
    .first<{ fingerprint: string; status: number; response: string }>();
  if (!row) return null;
  if (row.fingerprint !== print) {
    throw new ProblemError(422, "idempotency-mismatch", (lang) => ({
      detail: message(lang, "idempotency.mismatch"),
    }));
  }
  return { status: row.status, body: JSON.parse(row.response) };
}

export function isKeyConflict(error: unknown): boolean {
  return violated(error, "idempotency_keys");
}
