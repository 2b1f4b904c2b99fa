import { z } from "zod";
import { countyCancelStatements } from "./county-cancel";

/**
 * Where recent orders came from, for county staff facing a flood: orders grouped by
 * the salted hash of their source address (functions/lib/client-address.ts), never by
 * the address itself, with how many phones and units each source used. Staff can then
 * cancel what one source still has open, in one audited batch that returns the stock.
 */
export const SourceWindow = z.object({
  hours: z.coerce.number({ error: "orders.sources.hours" }).int("orders.sources.hours").min(1).max(168).default(24),
});
export const SourceParam = z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/, "orders.sources.hash") });

export interface OrderSource {
  addressHash: string;
  orders: number;
  openOrders: number;
  units: number;
  phones: number;
  agents: number;
  firstAt: string;
  lastAt: string;
}

const since = (now: Date, hours: number) => new Date(now.getTime() - hours * 3_600_000).toISOString();
const OPEN = "orders.status IN ('placed', 'confirmed')";

/** Sources of the last `hours`, busiest first. */
export async function orderSources(d1: D1Database, hours: number, now = new Date()): Promise<OrderSource[]> {
  const { results } = await d1
    .prepare(
      `SELECT source_address_hash AS addressHash, count(*) AS orders,
         sum(CASE WHEN ${OPEN} THEN 1 ELSE 0 END) AS openOrders,
         coalesce(sum((SELECT sum(quantity) FROM order_lines WHERE order_id = orders.id)), 0) AS units,
         count(DISTINCT phone_key) AS phones, count(DISTINCT source_agent_hash) AS agents,
         min(created_at) AS firstAt, max(created_at) AS lastAt
       FROM orders WHERE source_address_hash IS NOT NULL AND created_at >= ?
       GROUP BY source_address_hash ORDER BY orders DESC, lastAt DESC LIMIT 50`,
    )
    .bind(since(now, hours))
    .all<OrderSource>();
  return results;
}

/**
 * Cancels the open (placed or confirmed, nothing handed over yet) orders one source
 * placed in the last `hours`. Returns how many were cancelled.
 */
export async function cancelSourceOrders(
  d1: D1Database,
  actorId: number,
  addressHash: string,
  hours: number,
  now = new Date(),
): Promise<number> {
  const at = now.toISOString();
  const results = await d1.batch(
    countyCancelStatements(
      d1,
      {
        where: `${OPEN} AND orders.source_address_hash = ? AND orders.created_at >= ?`,
        params: [addressHash, since(now, hours)],
      },
      { code: "flood", at, actorId },
    ),
  );
  return results[1]?.meta.changes ?? 0;
}
