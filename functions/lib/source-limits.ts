import type { Context, MiddlewareHandler } from "hono";
import { county } from "../../county.config";
import { answerPasses, issueChallenge } from "./challenge";
import { clientAddress } from "./client-address";
import { readLimitedBytes } from "./forms";
import { message } from "./messages";
import { normalisePhone } from "./phone";
import { ProblemError } from "./problem";
import { requireTokenSecret } from "./token-secret";
import { sha256Hex } from "./tokens";

/**
 * Budgets of public writes per source, in front of the routes that need no account:
 * POST /api/bookings, /api/orders and /api/recover (JSON and HTML form posts alike).
 *
 * Two layers. Bursts within a minute go to the Workers Rate Limiting bindings
 * (wrangler.toml [[ratelimits]]), which are cheap but approximate and counted per
 * Cloudflare location. Hours, which those bindings cannot count, and the hard limit,
 * which racing requests must not pass, are counted in D1 (source_counts) by one
 * conditional upsert per source in the request itself.
 *
 * Past a source's `challenge` budget, or in a burst, a request must answer the check
 * of functions/lib/challenge.ts; past `refuse` it is refused with 429 and Retry-After
 * until the clock hour ends. Numbers: county.config.ts `sourceLimits` (see README).
 */
export type PublicWrite = keyof typeof county.sourceLimits;

/** What this needs of the Worker's bindings. */
interface SourceBindings {
  DB: D1Database;
  TOKEN_SECRET?: string;
  PORTAL_ENV?: string;
  TRUST_CLIENT_ADDRESS_HEADER?: string;
  /** [[ratelimits]] per address, per minute; optional: without it only D1 counts. */
  ADDRESS_BURST?: RateLimit;
  /** [[ratelimits]] per phone, per minute. */
  PHONE_BURST?: RateLimit;
}

type SourceContext = Context<{ Bindings: SourceBindings }>;

const HOUR_MS = 3_600_000;
const MAX_BODY = 64 * 1024;

/** The hidden fields (or JSON members) that carry an answer; the request schemas ignore them. */
export const CHALLENGE_FIELD = "challenge";
export const SOLUTION_FIELD = "challengeSolution";

interface BodyFields {
  isForm: boolean;
  phone?: string | undefined;
  token?: string | undefined;
  solution?: string | undefined;
}

/** What the guard reads of a body: the phone, and an answer to a check. Never throws: the route reports bad input. */
async function bodyFields(c: SourceContext): Promise<BodyFields> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  // The route's readBody gets the same bytes again (the stream is read once); a body over
  // the limit reads as empty here and is refused by the route.
  const text = await readLimitedBytes(c, MAX_BODY).then(
    (bytes) => new TextDecoder().decode(bytes),
    () => "",
  );
  const isForm = type.startsWith("application/x-www-form-urlencoded");
  if (text.length > MAX_BODY) return { isForm };
  const pick = (v: unknown) => (typeof v === "string" && v.length <= 1000 ? v : undefined);
  if (isForm) {
    const params = new URLSearchParams(text);
    return {
      isForm,
      phone: pick(params.get("contact[phone]") ?? params.get("phone")),
      token: pick(params.get(CHALLENGE_FIELD)),
      solution: pick(params.get(SOLUTION_FIELD)),
    };
  }
  try {
    const value = JSON.parse(text) as Record<string, unknown> | null;
    const contact = value?.contact as Record<string, unknown> | undefined;
    return {
      isForm,
      phone: pick(contact?.phone ?? value?.phone),
      token: pick(value?.[CHALLENGE_FIELD]),
      solution: pick(value?.[SOLUTION_FIELD]),
    };
  } catch {
    return { isForm };
  }
}

/**
 * The address a check is bound to, as a short hash (also used by the form pages,
 * which issue the check they show).
 */
export async function challengeSource(
  c: { env?: SourceBindings; req: { header(name: string): string | undefined } },
  secret: string,
): Promise<string> {
  return (await sha256Hex(`${secret}:challenge-source:${clientAddress(c)}`)).slice(0, 24);
}

/**
 * Without a known address (the demo on one machine, or a test that names none) every
 * request would share one budget; the layer counts only where the address is known,
 * which on Cloudflare is always.
 */
function addressUnknown(c: SourceContext, address: string): boolean {
  return c.env.PORTAL_ENV !== "production" && (address === "local" || address === "unknown");
}

function refused(retryAfter: number) {
  return new ProblemError(
    429,
    "too-many-requests",
    (lang) => ({
      detail: message(lang, "sources.throttled", { minutes: Math.ceil(retryAfter / 60) }),
      retryAfter,
    }),
    { "retry-after": String(retryAfter) },
  );
}

async function challengeRequired(c: SourceContext, scope: PublicWrite, secret: string, failed: boolean) {
  const challenge = await issueChallenge(secret, scope, await challengeSource(c, secret));
  const key = failed ? "sources.challengeFailed" : "sources.challenge";
  return new ProblemError(429, "challenge-required", (lang) => {
    const text = message(lang, key, { seconds: challenge.waitSeconds });
    // The field lets a refused HTML form show the message where its page shows the check.
    return { detail: text, errors: [{ field: CHALLENGE_FIELD, message: text }], challenge };
  });
}

/** One line per route in functions/api/index.ts: `api.use("/bookings", sourceLimits("bookings"))`. */
export function sourceLimits(scope: PublicWrite): MiddlewareHandler<{ Bindings: SourceBindings }> {
  return async (c, next) => {
    if (c.req.method !== "POST") return next();
    const address = clientAddress(c);
    if (addressUnknown(c, address)) return next();
    const secret = requireTokenSecret(c.env);
    const fields = await bodyFields(c);
    const phone = fields.phone ? normalisePhone(fields.phone) : "";
    const budget = county.sourceLimits[scope];
    const sources = [{ key: `${scope}:address:${address}`, limit: budget.perAddress, burst: c.env.ADDRESS_BURST }];
    if (/^\d{6,15}$/.test(phone)) {
      sources.push({ key: `${scope}:phone:${phone}`, limit: budget.perPhone, burst: c.env.PHONE_BURST });
    }
    const keys = await Promise.all(sources.map((s) => sha256Hex(`${secret}:source:${s.key}`)));
    const now = Date.now();
    const hour = Math.floor(now / HOUR_MS);
    const d1 = c.env.DB;
    // Counted up to the hard limit and no further, each in one statement: racing requests cannot pass it.
    const counted = await d1.batch<{ count: number }>(
      sources.map((s, i) =>
        d1
          .prepare(
            `INSERT INTO source_counts (key, hour, count) VALUES (?1, ?2, 1)
             ON CONFLICT (key, hour) DO UPDATE SET count = count + 1 WHERE count < ?3 RETURNING count`,
          )
          .bind(keys[i], hour, s.limit.refuse),
      ),
    );
    if (counted.some((r) => r.results.length === 0)) {
      throw refused(Math.max(1, Math.ceil(((hour + 1) * HOUR_MS - now) / 1000)));
    }
    const overHour = counted.some((r, i) => (r.results[0]?.count ?? 0) > (sources[i]?.limit.challenge ?? 0));
    const bursts = await Promise.all(
      sources.map((s, i) =>
        budget.perMinute && s.burst ? s.burst.limit({ key: keys[i] ?? s.key }) : Promise.resolve({ success: true }),
      ),
    );
    if (!overHour && bursts.every((b) => b.success)) return next();
    const expected = { scope, source: await challengeSource(c, secret), isForm: fields.isForm };
    if (await answerPasses(d1, secret, fields, expected, now)) return next();
    throw await challengeRequired(c, scope, secret, Boolean(fields.token));
  };
}

/** Counts of hours gone are of no use: housekeeping deletes them. */
export function sourceCountHousekeeping(d1: D1Database, now: Date): D1PreparedStatement {
  return d1.prepare("DELETE FROM source_counts WHERE hour < ?").bind(Math.floor(now.getTime() / HOUR_MS) - 1);
}

/** The 429 of a route behind sourceLimits, for its OpenAPI entry. */
export const THROTTLED_RESPONSE = {
  description:
    "Too many writes from this address or phone: /api/problems/challenge-required carries a check to answer " +
    "(see the Problem schema's `challenge`); /api/problems/too-many-requests comes with Retry-After",
};
