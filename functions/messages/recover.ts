import { type Context, Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../env";
import { clientAddress } from "../lib/client-address";
import { hasHiddenCharacters } from "../lib/fields";
import { readBody, seeOther } from "../lib/forms";
import { type Lang, localePath, requestLang } from "../lib/lang";
import { message } from "../lib/messages";
import { documented } from "../lib/openapi";
import { normalisePhone } from "../lib/phone";
import { ProblemError } from "../lib/problem";
import { THROTTLED_RESPONSE } from "../lib/source-limits";
import { requireTokenSecret } from "../lib/token-secret";
import { normaliseReference, REFERENCE_PATTERN, sha256Hex } from "../lib/tokens";
import { badRequest, parseInput } from "../lib/validate";
import { canSend } from "./aliyun-sms";
import { enqueue } from "./outbox";

/**
 * "Find my booking / order": someone who kept only the reference and the phone
 * number they gave asks for the link again. On a match one SMS with the link goes
 * to the phone on the record; the answer is the same whether anything matched or
 * not, so nobody learns which references exist or whose phone is whose.
 */

/** A booking or order that can be found by its reference (given by its domain). */
export interface Recoverable {
  about: "booking" | "order";
  find(d1: D1Database, reference: string): Promise<{ id: number; phone: string } | null>;
}

/** Requests per hour; the throttle counts every request, matching or not, so it tells nothing either. */
const PER_REFERENCE = 5;
const PER_PHONE = 5;
const PER_ADDRESS = 30;
const WINDOW_MINUTES = 60;
/** At most one text per booking or order in this time, however many requests match. */
const RESEND_MINUTES = 5;

const RecoverRequest = z.object({
  reference: z
    .string({ error: "recover.reference" })
    .max(40, { error: "recover.reference" })
    .refine((r) => !hasHiddenCharacters(r), { error: "field.hidden" })
    .transform(normaliseReference)
    .refine((r) => REFERENCE_PATTERN.test(r), { error: "recover.reference" }),
  phone: z
    .string({ error: "recover.phone" })
    .max(40, { error: "recover.phone" })
    .refine((p) => !hasHiddenCharacters(p), { error: "field.hidden" })
    .refine((p) => /^\d{6,15}$/.test(normalisePhone(p)) && /^\+?[\d\s()-]+$/.test(p.trim()), {
      error: "recover.phone",
    }),
});

const Accepted = z.object({
  status: z.literal("accepted"),
  /** "sms" when texts go out; "call" when no provider is configured and people should phone instead. */
  channel: z.enum(["sms", "call"]),
  detail: z.string(),
});

documented({
  method: "post",
  path: "/api/recover",
  summary: "Send the link of a booking or order again, to the phone number on it",
  tags: ["messages"],
  body: RecoverRequest,
  responses: {
    202: {
      description: "The same answer whether or not the reference and phone matched: on a match, one SMS is queued",
      schema: Accepted,
    },
    400: { description: "The reference or phone number is not well formed" },
    429: {
      description: `Too many requests for this reference, phone or address; see Retry-After. ${THROTTLED_RESPONSE.description}`,
    },
  },
});

function throttled(retryAfter: number) {
  return new ProblemError(
    429,
    "too-many-requests",
    (lang) => ({ detail: message(lang, "recover.throttled", { minutes: Math.ceil(retryAfter / 60) }), retryAfter }),
    { "retry-after": String(retryAfter) },
  );
}

interface Outcome {
  allowed: boolean;
  retryAfter: number;
}

async function request(
  c: Context<AppEnv>,
  lang: Lang,
  input: z.output<typeof RecoverRequest>,
  subjects: Recoverable[],
): Promise<Outcome> {
  const d1 = c.env.DB;
  const secret = requireTokenSecret(c.env);
  const phone = normalisePhone(input.phone);
  const [phoneHash, addressHash] = await Promise.all([
    sha256Hex(`${secret}:recover-phone:${phone}`),
    sha256Hex(`${secret}:recover-address:${clientAddress(c)}`),
  ]);
  let match: { about: Recoverable["about"]; id: number; phone: string } | null = null;
  for (const s of subjects) {
    const found = await s.find(d1, input.reference);
    if (found && normalisePhone(found.phone) === phone) match = { about: s.about, ...found };
  }
  const now = new Date();
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000).toISOString();
  const id = crypto.randomUUID();
  const statements = [
    d1
      .prepare(
        `INSERT INTO recovery_requests (id, reference, phone_hash, address_hash, at) SELECT ?1, ?2, ?3, ?4, ?5
         WHERE (SELECT count(*) FROM recovery_requests WHERE reference = ?2 AND at > ?6) < ${PER_REFERENCE}
           AND (SELECT count(*) FROM recovery_requests WHERE phone_hash = ?3 AND at > ?6) < ${PER_PHONE}
           AND (SELECT count(*) FROM recovery_requests WHERE address_hash = ?4 AND at > ?6) < ${PER_ADDRESS}
         RETURNING id`,
      )
      .bind(id, input.reference, phoneHash, addressHash, now.toISOString(), since),
  ];
  if (match) {
    const column = match.about === "booking" ? "booking_id" : "order_id";
    const resendSince = new Date(now.getTime() - RESEND_MINUTES * 60_000).toISOString();
    statements.push(
      ...enqueue(
        d1,
        {
          channel: "sms",
          // The phone on the record (not the one typed), in the digits the provider takes.
          recipient: normalisePhone(match.phone),
          kind: "recovery",
          lang,
          params: { reference: input.reference, about: match.about },
          [match.about === "booking" ? "bookingId" : "orderId"]: match.id,
          due: now,
        },
        {
          sql: `EXISTS (SELECT 1 FROM recovery_requests WHERE id = ?)
            AND NOT EXISTS (SELECT 1 FROM outbox WHERE kind = 'recovery' AND ${column} = ? AND created_at > ?)`,
          values: [id, match.id, resendSince],
        },
      ),
    );
  }
  const [written] = await d1.batch(statements);
  if ((written?.results.length ?? 0) > 0) return { allowed: true, retryAfter: 0 };
  const oldest = await d1
    .prepare(
      `SELECT min(at) AS at FROM recovery_requests WHERE at > ?4 AND (reference = ?1 OR phone_hash = ?2 OR address_hash = ?3)`,
    )
    .bind(input.reference, phoneHash, addressHash, since)
    .first<{ at: string | null }>();
  const until = Date.parse(oldest?.at ?? now.toISOString()) + WINDOW_MINUTES * 60_000;
  return { allowed: false, retryAfter: Math.max(60, Math.ceil((until - now.getTime()) / 1000)) };
}

/** Throttle records outlive their window by a day, then go. */
export function recoveryHousekeeping(d1: D1Database, now: Date): D1PreparedStatement {
  const before = new Date(now.getTime() - (WINDOW_MINUTES + 24 * 60) * 60_000).toISOString();
  return d1.prepare("DELETE FROM recovery_requests WHERE at < ?").bind(before);
}

/** POST /api/recover, given the domains whose references it looks up. */
export function recoverApi(subjects: Recoverable[]) {
  return new Hono<AppEnv>().post("/", async (c) => {
    const lang = requestLang(c.req.raw);
    const body = await readBody(c);
    c.header("cache-control", "no-store");
    // A refused form goes back to /find/ with what was typed, like every form (lib/forms.ts refusedForm).
    const parsed = parseInput(RecoverRequest, body.value, lang);
    if (!parsed.ok) throw badRequest(parsed.errors);
    const outcome = await request(c, lang, parsed.data, subjects);
    if (!outcome.allowed) throw throttled(outcome.retryAfter);
    if (body.isForm) return seeOther(c, `${localePath(lang, "/find/")}?sent=1`);
    const sms = canSend(c.env, "recovery", lang);
    return c.json(
      {
        status: "accepted" as const,
        channel: sms ? ("sms" as const) : ("call" as const),
        detail: message(lang, sms ? "recover.accepted" : "recover.acceptedCall"),
      },
      202,
    );
  });
}
