import { env } from "cloudflare:workers";
import { addDays, todayInCounty } from "@functions/lib/dates";
import { app } from "./entry";

/** Call the Worker (functions/api/index.ts, as functions/index.ts builds it) against this test's fresh D1. */
export function call(path: string, init?: RequestInit): Promise<Response> {
  return Promise.resolve(app.request(path, init, env));
}

let keyCounter = 0;
export const newKey = () => `test-key-${Date.now()}-${++keyCounter}`;

export function postJson(
  path: string,
  body: unknown,
  key: string | null = newKey(),
  headers: Record<string, string> = {},
) {
  return call(path, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { "idempotency-key": key } : {}), ...headers },
    body: JSON.stringify(body),
  });
}

export const inDays = (n: number) => addDays(todayInCounty(), n);

/** Gajian Lawn with one unit type of `capacity` pitches (max 4 guests, 80 yuan a night). */
export async function seedCampsites(capacity = 3): Promise<void> {
  await env.DB.batch([
    env.DB.prepare(
      "INSERT INTO campsites (slug, name_zh, name_en) VALUES ('gajian-lawn', '嘎尖草坪露营基地', 'Gajian Lawn')",
    ),
    env.DB.prepare(
      `INSERT INTO unit_types (id, campsite_id, name_zh, name_en, capacity, max_guests, price_fen, min_nights, max_nights, booking_window_days, free_cancel_days)
       SELECT 'gajian-byo-tent', id, '自带帐篷营位', 'Bring-your-own-tent pitch', ?, 4, 8000, 1, 7, 90, 2 FROM campsites WHERE slug = 'gajian-lawn'`,
    ).bind(capacity),
  ]);
}

export async function seedSlot(capacity = 10, date = inDays(20)): Promise<void> {
  await env.DB.prepare(
    `INSERT INTO activity_slots (id, event_slug, name_zh, name_en, date, start_time, end_time, capacity, price_fen)
     VALUES ('orchard-tour-1', 'pear-blossom', '梨园导览', 'Orchard tour', ?, '09:30', '11:00', ?, 3000)`,
  )
    .bind(date, capacity)
    .run();
}

export const stay = (overrides: Record<string, unknown> = {}) => ({
  unit: "gajian-byo-tent",
  checkIn: inDays(10),
  nights: 2,
  units: 1,
  guests: { adults: 2, children: 1 },
  contact: { name: "王芳", phone: "13800000000" },
  ...overrides,
});

export async function scalar<T = number>(sql: string, ...params: unknown[]): Promise<T> {
  const row = await env.DB.prepare(sql)
    .bind(...params)
    .first<Record<string, T>>();
  return Object.values(row ?? {})[0] as T;
}
