import { env } from "cloudflare:workers";
import { openApiDocument } from "@functions/lib/openapi";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createAccount, signIn } from "./accounts";
import { databaseDigest } from "./digest";
import { call, inDays, seedCampsites, seedSlot, stay } from "./helpers";
import { checkout, type PlacedBody, postOrder, seedProduce } from "./produce";
import { attacks } from "./tenant-routes";

/**
 * Property-based fuzzing of every route in the OpenAPI document (so routes added
 * later are fuzzed too): malformed bodies, queries, headers and Unicode edge
 * cases never produce a 500, every refusal is problem+json, and a refused
 * request leaves every table exactly as it was. Dashboard routes are fuzzed
 * signed in with the role they take, so the inputs reach their validation, and
 * a few runs each without a session. Seeded and bounded.
 */
const SEED = 20261128;
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SIGNED_OUT_RUNS = 10;
const SELF_ORIGIN = "http://localhost";

type Role = "admin" | "operator" | "cooperative";

/** Who may call each part of the dashboard API (functions/api/index.ts). */
function roleFor(path: string): Role | undefined {
  const part = /^\/api\/dashboard\/([^/]+)/.exec(path)?.[1];
  if (part === undefined) return undefined;
  if (part === "admin" || part === "letters" || part === "notices" || part === "events" || part === "event-editions")
    return "admin";
  if (["sites", "bookings", "closures", "units"].includes(part)) return "operator";
  if (["cooperatives", "products", "orders"].includes(part)) return "cooperative";
  throw new Error(`no role known for ${path}: add it here`);
}

const ACCOUNTS: Record<Role, [email: string, opts: Parameters<typeof createAccount>[2]]> = {
  admin: ["admin@example.cn", {}],
  operator: ["ops@example.cn", { campsites: ["gajian-lawn"] }],
  cooperative: ["coop@example.cn", { cooperativeId: "pear-coop" }],
};

/** Rows that exist in every fuzzed database, so path parameters can name something real. */
interface Rows {
  booking: string;
  order: string;
  closure: number;
  account: number;
  letter: string;
  edition: number;
  eventEdition: number;
}

async function seedRows(): Promise<Rows> {
  await seedCampsites();
  await seedSlot();
  // Every parameter of a path gets one value (realParam): for /events/{slug}/sessions/{id}
  // to reach a real session, one session's id is its event's slug.
  await env.DB.prepare(
    `INSERT INTO activity_slots (id, event_slug, name_zh, name_en, date, start_time, end_time, capacity, price_fen)
     VALUES ('pear-blossom', 'pear-blossom', '赏花', 'Blossom walk', ?, '14:00', '15:00', 10, 0)`,
  )
    .bind(inDays(21))
    .run();
  await seedProduce();
  const booked = await call("/api/bookings", {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": "fuzz-seed-booking" },
    body: JSON.stringify(stay({ checkIn: inDays(3) })),
  });
  expect(booked.status).toBe(201);
  const placed = await postOrder(checkout([{ product: "syrup", quantity: 1 }]));
  expect(placed.status).toBe(201);
  const closure = await env.DB.prepare(
    "INSERT INTO closures (unit_type_id, from_date, to_date) VALUES ('gajian-byo-tent', ?, ?) RETURNING id",
  )
    .bind(inDays(30), inDays(31))
    .first<{ id: number }>();
  const wrote = await call("/api/letters", {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": "fuzz-seed-letter" },
    body: JSON.stringify({
      type: "help",
      subject: "求助",
      message: "需要帮助的事情写在这里。",
      name: "甲",
      phone: "13600000001",
      publish: true,
    }),
  });
  expect(wrote.status).toBe(201);
  const author = await createAccount("author@example.cn", "editor", { agencies: ["agriculture-bureau"] });
  const edition = await env.DB.batch([
    env.DB.prepare("INSERT INTO notice_slugs (slug, agency) VALUES ('fuzz-notice', 'agriculture-bureau')"),
    env.DB.prepare(
      "INSERT INTO notice_editions (slug, lang, status, data, body, author_id) VALUES ('fuzz-notice', 'zh-CN', 'submitted', ?, '正文', ?) RETURNING id",
    ).bind(
      JSON.stringify({
        title: "t",
        summary: "s",
        language: "zh-CN",
        agency: "agriculture-bureau",
        topic: "agriculture",
        written: "2026-11-01",
        validity: { status: "in-force", effective: "2026-11-01" },
      }),
      author,
    ),
  ]);
  const eventEdition = await env.DB.prepare(
    "INSERT INTO event_editions (slug, status, versions, author_id) VALUES ('fuzz-fair-2099', 'submitted', ?, ?) RETURNING id",
  )
    .bind(
      JSON.stringify({
        "zh-CN": {
          frontMatter: {
            title: "t",
            summary: "s",
            start: "2099-01-01",
            end: "2099-01-02",
            updated: "2026-12-01",
            place: "gajian-lawn",
            organizer: { name: "o" },
            price: "free",
          },
          body: "正文",
        },
      }),
      author,
    )
    .first<{ id: number }>();
  // Another account for the admin routes to act on (never the one signed in).
  const account = await createAccount("spare@example.cn", "operator", { campsites: ["gajian-lawn"], password: null });
  return {
    booking: (await booked.json<{ reference: string }>()).reference,
    order: (await placed.json<PlacedBody>()).orders[0]?.reference ?? "",
    closure: closure?.id ?? 0,
    account,
    letter: (await wrote.json<{ reference: string }>()).reference,
    edition: (edition[1]?.results?.[0] as { id: number } | undefined)?.id ?? 0,
    eventEdition: eventEdition?.id ?? 0,
  };
}

/** A real value for the path's parameter, by the resource it follows. */
function realParam(path: string, rows: Rows): string {
  const resource = /\/([^/]+)\/\{[^}]+\}/.exec(path)?.[1];
  switch (resource) {
    case "bookings":
      return rows.booking;
    case "orders":
      return rows.order;
    case "closures":
      return String(rows.closure);
    case "accounts":
      return String(rows.account);
    case "letters":
      return rows.letter;
    case "notices":
      return String(rows.edition);
    case "event-editions":
      return String(rows.eventEdition);
    case "events":
      return "pear-blossom";
    case "products":
      return "syrup";
    case "cooperatives":
      return "pear-coop";
    case "units":
      return "gajian-byo-tent";
    default:
      return "gajian-lawn";
  }
}

/** The well-formed body tenant-routes.ts sends to a dashboard route, if any. */
function dashboardBody(method: string, path: string): Record<string, unknown> | undefined {
  const key = `${method} ${path.slice("/api/dashboard".length).replace(/\{(\w+)\}/g, ":$1")}`;
  const none = { booking: "", closure: 0, operator: 0, order: "", certificate: 0, photo: 0, letter: "", edition: 0 };
  return attacks(none)[key]?.body as Record<string, unknown> | undefined;
}

const weird = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "\uFEFF",
    "\uD800",
    "梨".repeat(600),
    "../../etc/passwd",
    "<script>",
    "' OR 1=1 --",
    "NaN",
    "-1",
    "1e309",
    "2026-02-30",
    "0000-00-00",
  ),
);
/** Header values as a client can send them: printable ASCII (workerd warns about anything else). */
const headerValue = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 200 }),
  fc.constantFrom("", "a", "x".repeat(129), "valid-key-0001", "../../", "' OR 1=1 --"),
);
const anyJson = fc.oneof(fc.jsonValue(), fc.anything(), weird);

const BOOKING_KEYS = ["unit", "checkIn", "nights", "units", "guests", "contact", "slot", "token", "notes"];

/** Form keys that fight over one name, index into objects, name prototypes or nest too deep. */
const NASTY_KEYS = [
  "contact",
  "contact[name]",
  "contact[name][first]",
  "contact[]",
  "items",
  "items[0]",
  "items[0][product]",
  "items[0][quantity]",
  "items[x]",
  "items[99999999999]",
  "items[-1]",
  "guests[adults]",
  "__proto__[polluted]",
  "a[__proto__][polluted]",
  "constructor[prototype][polluted]",
  "a[b][c][d][e][f][g]",
  "[]",
  "",
  "email",
  "email[x]",
  "next",
];

/** A form body: base fields as a browser sends them, mixed with crafted keys and repeats. */
function formBodies(base: Record<string, unknown>) {
  const plain = Object.entries(base)
    .filter(([, v]) => typeof v !== "object")
    .map(([k]) => k);
  return fc
    .array(fc.tuple(fc.constantFrom(...NASTY_KEYS, ...plain), weird), { minLength: 1, maxLength: 12 })
    .map((pairs) => {
      const params = new URLSearchParams();
      for (const [k, v] of pairs) params.append(k, v);
      return params.toString();
    });
}

/** Valid-looking bodies (`base`) with one part broken, and wholly random ones. */
function bodies(base: Record<string, unknown>, keys: string[]) {
  return fc.oneof(
    formBodies(base),
    anyJson.map((v) => JSON.stringify(v)),
    fc
      .record({ key: fc.constantFrom(...keys), value: anyJson })
      .map(({ key, value }) => JSON.stringify({ ...base, [key]: value })),
    weird,
    fc.constantFrom("{", '{"a":', "[1,2", "\u0000", '{"__proto__":{"x":1}}'),
  );
}

/** Mostly what a browser on the portal's own pages sends; sometimes nothing or another site. */
const origin = fc.oneof(
  { weight: 4, arbitrary: fc.constant(SELF_ORIGIN) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, "null", "https://elsewhere.example") },
);

const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "text/plain",
  "",
  "application/problem+json",
);

function concretePath(path: string, param: string): string {
  return path.replace(/\{[^}]+\}/g, encodeURIComponent(param));
}

interface Op {
  path: string;
  method: string;
}

/** One route fuzzed as one caller: signed in with `cookie`, or without a session. */
async function fuzz(op: Op, rows: Rows, cookie: string | undefined, numRuns: number): Promise<void> {
  const role = roleFor(op.path);
  const base = role ? (dashboardBody(op.method, op.path) ?? {}) : stay();
  const keys = role ? [...Object.keys(base), "x"] : BOOKING_KEYS;
  const real = realParam(op.path, rows);
  // The tables as they are now: a success may write, so it moves this on; a refusal must not.
  let current = await databaseDigest();
  await fc.assert(
    fc.asyncProperty(
      fc.option(weird, { nil: undefined, freq: 2 }),
      fc.dictionary(fc.constantFrom("from", "to", "token", "lang", "x"), weird, { maxKeys: 4 }),
      bodies(base, keys),
      contentType,
      fc.option(headerValue, { nil: undefined }),
      fc.option(fc.constantFrom("en", "zh-CN", "*", "xx;q=abc", "en;q=0,zh;q=2", ";;;", "q=1"), { nil: undefined }),
      origin,
      async (param, query, payload, type, key, language, from) => {
        let path: string;
        try {
          path = concretePath(op.path, param ?? real);
        } catch {
          return; // a lone surrogate cannot be put in a URL by any client
        }
        const url = `${path}?${new URLSearchParams(query)}`;
        const headers: Record<string, string> = {};
        if (type) headers["content-type"] = type;
        if (key !== undefined) headers["idempotency-key"] = key;
        if (language !== undefined) headers["accept-language"] = language;
        if (from !== undefined) headers.origin = from;
        if (cookie) headers.cookie = cookie;
        let res: Response;
        try {
          res = await call(url, {
            method: op.method,
            headers,
            ...(op.method === "GET" ? {} : { body: payload }),
          });
        } catch (error) {
          // Header values the Fetch API itself refuses never reach the Worker.
          if (error instanceof TypeError) return;
          throw error;
        }
        const text = await res.text();
        const said = `${op.method} ${url} ${payload.slice(0, 80)} -> ${res.status} ${text.slice(0, 200)}`;
        expect(res.status, said).toBeLessThan(500);
        // Without a session a dashboard route goes no further: sign in (401, or 303 to the form), or cross-site (403).
        if (role && !cookie) expect([303, 401, 403], said).toContain(res.status);
        if (res.status >= 400) {
          // People posting an HTML form get a readable page; everyone else gets problem+json.
          const isForm = op.method === "POST" && type === "application/x-www-form-urlencoded";
          const received = res.headers.get("content-type") ?? "";
          expect(received, url).toMatch(
            isForm ? /^(text\/html|application\/problem\+json)/ : /^application\/problem\+json/,
          );
          if (received.startsWith("application/problem+json")) expect(() => JSON.parse(text)).not.toThrow();
          const before = current;
          current = await databaseDigest();
          expect(current, `${op.method} ${url} wrote on ${res.status}`).toBe(before);
        } else {
          current = await databaseDigest();
        }
      },
    ),
    { seed: SEED, numRuns },
  );
}

describe("fuzzing every API route", () => {
  const doc = openApiDocument({ title: "fuzz", version: "0" });
  const operations: Op[] = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => ({ path, method: method.toUpperCase() })),
  );

  it("knows the routes it fuzzes", () => {
    expect(operations.length).toBeGreaterThanOrEqual(5);
    expect(operations.filter((op) => roleFor(op.path)).length).toBeGreaterThanOrEqual(40);
  });

  for (const op of operations) {
    const role = roleFor(op.path);
    const as = role ? ` as ${role}, the other roles, and signed out` : ", signed out and as each role";
    it(`${op.method} ${op.path}${as}: never a 500, problems are problem+json, refusals write nothing`, async () => {
      const rows = await seedRows();
      // Every role signed in before any fuzzing (an admin route may disable the cooperative itself).
      const cookies: Array<[Role, string]> = [];
      for (const each of Object.keys(ACCOUNTS) as Role[]) {
        const [email, opts] = ACCOUNTS[each];
        await createAccount(email, each, opts);
        cookies.push([each, await signIn(email)]);
      }
      await fuzz(op, rows, undefined, role ? SIGNED_OUT_RUNS : RUNS);
      // The route's own role gets the full run, the others a few.
      for (const [each, cookie] of cookies) await fuzz(op, rows, cookie, each === role ? RUNS : SIGNED_OUT_RUNS);
    }, 240_000);
  }
});
