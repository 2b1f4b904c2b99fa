// POST /api/orders at rising concurrency against the baseline's one-INSERT write.
// A third of the checkouts span two cooperatives (two orders in one all-or-nothing batch).
// After each level: units the clients were told they bought == units taken from stock.
// At the end: 100 racing checkouts for 7 jars sell exactly 7, then a sample of orders
// is cancelled and every unit must be back in stock.
import { compareLevels, load } from "../lib/load.mjs";

const BIG = 1_000_000;
const SMALL = 7;
// Bench-only products sold all year (season mask 4095) by two seeded cooperatives.
export const ordersSql = `INSERT INTO products (id, cooperative_id, category, name_zh, name_en, unit_zh, unit_en, price_fen, stock, season_months) VALUES
  ('bench-syrup', 'anning-pear-processing', 'pear-syrup', '压测梨膏', 'Bench syrup', '瓶', 'jar', 3000, ${BIG}, 4095),
  ('bench-pears', 'shaer-snow-pear', 'fresh-fruit', '压测雪梨', 'Bench pears', '箱', 'box', 6800, ${BIG}, 4095),
  ('bench-scarce', 'anning-pear-processing', 'pear-syrup', '压测限量梨膏', 'Bench scarce syrup', '瓶', 'jar', 3000, ${SMALL}, 4095);`;
const START = { "bench-syrup": BIG, "bench-pears": BIG, "bench-scarce": SMALL };
const CANCELLATIONS = 300;

const STOCK = `SELECT p.id, p.stock, (SELECT coalesce(sum(l.quantity), 0) FROM order_lines l JOIN orders o ON o.id = l.order_id
    WHERE l.product_id = p.id AND o.status <> 'cancelled') AS sold
  FROM products p WHERE p.id LIKE 'bench-%'`;

export async function benchOrders({ portal, baseline, levels, runs, total }) {
  let seq = 0;
  const placed = [];
  const told = Object.fromEntries(Object.keys(START).map((id) => [id, 0]));
  const checkout = (items) => async () => {
    const res = await fetch(`${portal.url}/api/orders`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": `bench-order-${process.pid}-${++seq}` },
      body: JSON.stringify({
        items,
        fulfilment: { method: "pickup", point: "gajian-visitor-centre" },
        // One buyer per checkout: one phone may hold only a few open orders (county.config.ts orderLimits).
        contact: { name: "Bench", phone: `13${String(seq).padStart(9, "0")}` },
      }),
    });
    if (res.status === 201) {
      placed.push(...(await res.clone().json()).orders);
      for (const item of items) told[item.product] += item.quantity;
    }
    return res;
  };
  const mixed = (i) =>
    checkout(
      i % 3 === 0
        ? [
            { product: "bench-syrup", quantity: 1 },
            { product: "bench-pears", quantity: 1 },
          ]
        : [{ product: i % 2 ? "bench-syrup" : "bench-pears", quantity: 1 }],
    )();
  const write = () => fetch(`${baseline.url}/`, { method: "POST", body: `order ${++seq}` });

  // Stock in the database, what it says was sold, and what clients were told they bought.
  const check = () => {
    const rows = portal.query(STOCK);
    const wrong = rows.filter((r) => r.stock < 0 || r.stock + r.sold !== START[r.id] || r.sold !== told[r.id]);
    return { ok: wrong.length === 0 && rows.length === 3, stock: Object.fromEntries(rows.map((r) => [r.id, r.stock])) };
  };

  const rows = await compareLevels({ levels, runs, total, portal: mixed, baseline: write, after: check });
  const race = await load({
    total: 100,
    concurrency: 32,
    request: checkout([{ product: "bench-scarce", quantity: 1 }]),
  });
  const accepted = race.statuses[201] ?? 0;
  const refused = race.statuses[409] ?? 0;
  const afterRace = check();

  // Cancelling is a write too: timed at one level on an even sample (cancelling all of
  // the thousands placed would add a minute and prove nothing more), then the books must
  // still balance with those units back in stock.
  const step = Math.max(1, Math.floor(placed.length / CANCELLATIONS));
  const orders = placed.filter((_, i) => i % step === 0).slice(0, CANCELLATIONS);
  const cancelled = await load({
    total: orders.length,
    concurrency: 16,
    request: (i) =>
      fetch(`${portal.url}/api/orders/${orders[i].reference}/cancel`, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": `bench-cancel-${process.pid}-${i}` },
        body: JSON.stringify({ token: orders[i].token }),
      }),
  });
  for (const order of orders) for (const line of order.lines) told[line.product] -= line.quantity;
  const restored = check();
  const fiveHundreds = rows.some((r) => Object.keys(r.statuses).some((s) => Number(s) >= 500));
  return {
    rows,
    race: { requests: 100, concurrency: 32, stock: SMALL, accepted, refused },
    cancellations: { ...cancelled, allAnswered200: cancelled.statuses[200] === orders.length },
    invariant: {
      ok:
        rows.every((r) => r.invariant.ok) &&
        afterRace.ok &&
        accepted === SMALL &&
        refused === 100 - SMALL &&
        restored.ok &&
        cancelled.statuses[200] === orders.length &&
        !fiveHundreds,
      stockAfterCancelling: restored.stock,
      cancelled: orders.length,
      no5xx: !fiveHundreds,
    },
  };
}
