import { env } from "cloudflare:workers";
import { hashPassword } from "@functions/accounts/passwords";
import { call, inDays, postJson } from "./helpers";

/** Accounts, sign-in and a second campsite for the dashboard tests. */

export const PASSWORD = "correct horse battery staple";

/** Gajian Lawn (site A, 3 pitches) and Pear Valley (site B, 2 cabins). */
export async function seedTwoSites(): Promise<void> {
  await env.DB.batch([
    env.DB.prepare(
      "INSERT INTO campsites (slug, name_zh, name_en) VALUES ('gajian-lawn', '嘎尖草坪露营基地', 'Gajian Lawn'), ('pear-valley', '梨花谷河畔营地', 'Pear Valley')",
    ),
    env.DB.prepare(
      `INSERT INTO unit_types (id, campsite_id, name_zh, name_en, capacity, max_guests, price_fen, min_nights, max_nights, booking_window_days, free_cancel_days)
       SELECT 'gajian-byo-tent', id, '自带帐篷营位', 'Bring-your-own-tent pitch', 3, 4, 8000, 1, 7, 90, 2 FROM campsites WHERE slug = 'gajian-lawn'`,
    ),
    env.DB.prepare(
      `INSERT INTO unit_types (id, campsite_id, name_zh, name_en, capacity, max_guests, price_fen, min_nights, max_nights, booking_window_days, free_cancel_days)
       SELECT 'pear-valley-cabin', id, '梨园木屋', 'Orchard cabin', 2, 4, 48800, 1, 5, 90, 2 FROM campsites WHERE slug = 'pear-valley'`,
    ),
  ]);
}

/** Inserts an account directly (as the seed or admin:create would) and returns its id. */
export async function createAccount(
  email: string,
  role: "admin" | "operator" | "cooperative" | "editor" | "reviewer",
  opts: { campsites?: string[]; cooperativeId?: string; password?: string | null; agencies?: string[] } = {},
): Promise<number> {
  const hash = opts.password === null ? null : await hashPassword(opts.password ?? PASSWORD);
  const row = await env.DB.prepare(
    "INSERT INTO accounts (email, name, role, cooperative_id, password_hash) VALUES (?, ?, ?, ?, ?) RETURNING id",
  )
    .bind(email, email.split("@")[0], role, opts.cooperativeId ?? null, hash)
    .first<{ id: number }>();
  const id = row?.id ?? 0;
  for (const slug of opts.campsites ?? []) {
    await env.DB.prepare(
      "INSERT INTO account_campsites (account_id, campsite_id) SELECT ?, id FROM campsites WHERE slug = ?",
    )
      .bind(id, slug)
      .run();
  }
  for (const agency of opts.agencies ?? []) {
    await env.DB.prepare("INSERT INTO account_agencies (account_id, agency) VALUES (?, ?)").bind(id, agency).run();
  }
  return id;
}

/** Signs in through the API and returns the Cookie header value for later requests. */
export async function signIn(
  email: string,
  password = PASSWORD,
  headers: Record<string, string> = {},
): Promise<string> {
  const res = await postJson("/api/auth/login", { email, password }, null, headers);
  if (res.status !== 204) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get("set-cookie") ?? "";
  return cookie.split(";")[0] ?? "";
}

export function as(cookie: string, path: string, init: RequestInit = {}): Promise<Response> {
  return call(path, { ...init, headers: { ...(init.headers as Record<string, string>), cookie } });
}

export function postAs(cookie: string, path: string, body: unknown = {}, headers: Record<string, string> = {}) {
  return as(cookie, path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

/** A booking for `unit`, arriving `inDays(day)`, made through the public API. */
export async function book(unit: string, day: number, units = 1, nights = 1): Promise<string> {
  const res = await postJson("/api/bookings", {
    unit,
    checkIn: inDays(day),
    nights,
    units,
    guests: { adults: 2 },
    contact: { name: "王芳", phone: "13800000000" },
  });
  if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${await res.text()}`);
  return (await res.json<{ reference: string }>()).reference;
}

/** Everything in the tables a dashboard write could touch, for "nothing changed" assertions. */
export async function snapshot(): Promise<Record<string, unknown[]>> {
  const tables = [
    "bookings",
    "night_inventory",
    "closures",
    "unit_types",
    "campsites",
    "accounts",
    "account_campsites",
    "invites",
    "audit_log",
    "cooperatives",
    "pickup_points",
    "cooperative_certificates",
    "cooperative_photos",
    "letters",
    "account_agencies",
    "outbox",
  ];
  const out: Record<string, unknown[]> = {};
  for (const t of tables) out[t] = (await env.DB.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()).results;
  return out;
}
