import { env } from "cloudflare:workers";
import { ALL_YEAR, countyMonth } from "@functions/produce/season";
import { call } from "./helpers";

/** Every month except the county's current one: an out-of-season product whenever the test runs. */
export const OFF_SEASON = ALL_YEAR & ~(1 << (countyMonth() - 1));

/**
 * A small catalogue: two verified cooperatives and one not yet verified,
 * products at known stock, pickup points shared, cooperative-only and closed.
 */
export async function seedProduce(): Promise<void> {
  const coop = (id: string, code: string, verified: number) =>
    env.DB.prepare(
      `INSERT INTO cooperatives (id, name_zh, name_en, credit_code, township_zh, township_en, village_zh, village_en, contact_name, contact_phone, verified)
       VALUES (?, ?, ?, ?, '沙耳乡', 'Shaer', '沙耳村', 'Shaer Village', '杨', '13800000000', ?)`,
    ).bind(id, `${id}合作社`, `${id} cooperative`, code, verified);
  const product = (id: string, coopId: string, price: number, stock: number, season = ALL_YEAR, active = 1) =>
    env.DB.prepare(
      `INSERT INTO products (id, cooperative_id, category, name_zh, name_en, unit_zh, unit_en, price_fen, stock, season_months, active)
       VALUES (?, ?, 'pear-syrup', ?, ?, '瓶', 'jar', ?, ?, ?, ?)`,
    ).bind(id, coopId, `${id}（中文）`, `${id} (English)`, price, stock, season, active);
  const point = (id: string, coopId: string | null, active = 1) =>
    env.DB.prepare(
      `INSERT INTO pickup_points (id, cooperative_id, name_zh, name_en, address_zh, address_en, hours_zh, hours_en, active)
       VALUES (?, ?, ?, ?, '地址', 'Address', '每天', 'Daily', ?)`,
    ).bind(id, coopId, `${id}自提点`, `${id} point`, active);
  await env.DB.batch([
    coop("pear-coop", "93513221MA6CK1B780", 1),
    coop("wine-coop", "93513221MA6D0F4H5X", 1),
    coop("pending-coop", "93513221MA6DA27K8R", 0),
    product("syrup", "pear-coop", 4800, 5),
    product("slices", "pear-coop", 2600, 10),
    product("wine", "wine-coop", 6800, 3),
    product("juice", "wine-coop", 5600, 10),
    product("hidden", "pear-coop", 3000, 10, ALL_YEAR, 0),
    product("spring-tea", "wine-coop", 3800, 10, OFF_SEASON),
    product("walnuts", "pending-coop", 4000, 10),
    point("visitor-centre", null),
    point("pear-shop", "pear-coop"),
    point("closed-point", null, 0),
  ]);
}

export const CONTACT = { name: "张三", phone: "13800000000" };

export function checkout(items: Array<{ product: string; quantity: number }>, extra: Record<string, unknown> = {}) {
  return { items, fulfilment: { method: "pickup", point: "visitor-centre" }, contact: CONTACT, ...extra };
}

let keys = 0;
export const newKey = () => `test-key-${Date.now()}-${++keys}`;

export function postOrder(body: unknown, key: string | null = newKey(), headers: Record<string, string> = {}) {
  return call("/api/orders", {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { "idempotency-key": key } : {}), ...headers },
    body: JSON.stringify(body),
  });
}

export function cancelOrder(reference: string, token: string, key: string = newKey()) {
  return call(`/api/orders/${reference}/cancel`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify({ token }),
  });
}

export async function stockOf(id: string): Promise<number> {
  const row = await env.DB.prepare("SELECT stock FROM products WHERE id = ?").bind(id).first<{ stock: number }>();
  return row?.stock ?? Number.NaN;
}

export async function countRows(table: "orders" | "order_lines" | "order_events" | "idempotency_keys") {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>();
  return row?.n ?? 0;
}

export interface PlacedBody {
  orders: Array<{ reference: string; token: string; cooperative: string; total: number; status: string }>;
  total: number;
}
