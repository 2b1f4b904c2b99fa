#!/usr/bin/env node
// Load test for produce orders against a running portal (e.g. `npm start`):
//   node bench/orders.mjs [--url http://localhost:8787] [--requests 300] [--concurrency 20]
// 1. baseline: GET /api/health at the same concurrency, in this same run;
// 2. orders: POST /api/orders racing for the seeded pear syrup and wine, one or
//    two cooperatives per checkout, each with its own Idempotency-Key;
// 3. invariant: units sold == stock taken, stock never below zero, no 5xx;
// 4. cleanup: every placed order is cancelled, and the stock must be back exactly.
// Prints throughput, p50/p99 latency and the orders/baseline throughput ratio;
// writes the numbers to bench/results/tmp/ (not committed).
import { mkdirSync, writeFileSync } from "node:fs";

const args = {};
process.argv.slice(2).forEach((arg, i, all) => {
  if (arg.startsWith("--")) args[arg.slice(2)] = all[i + 1];
});
const BASE = args.url ?? "http://localhost:8787";
const REQUESTS = Number(args.requests ?? 300);
const CONCURRENCY = Number(args.concurrency ?? 20);
const PRODUCTS = ["pear-syrup-250g", "pear-wine-dry-500ml"];

async function run(count, task) {
  const latencies = [];
  const results = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        results[i] = await task(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return { results, perSecond: count / seconds, p50: pct(50), p99: pct(99) };
}

async function stock(id) {
  const res = await fetch(`${BASE}/api/products/${id}`);
  if (!res.ok) throw new Error(`GET /api/products/${id}: ${res.status} (is the portal running and seeded?)`);
  return (await res.json()).stock;
}

const post = (path, key, body) =>
  fetch(`${BASE}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify(body),
  });

const run_id = Date.now().toString(36);
const before = Object.fromEntries(await Promise.all(PRODUCTS.map(async (p) => [p, await stock(p)])));

const baseline = await run(REQUESTS, async () => (await fetch(`${BASE}/api/health`)).status);

const orders = await run(REQUESTS, async (i) => {
  // Every third checkout spans both cooperatives: those are all-or-nothing.
  const items =
    i % 3 === 0 ? PRODUCTS.map((product) => ({ product, quantity: 1 })) : [{ product: PRODUCTS[i % 2], quantity: 1 }];
  const res = await post("/api/orders", `bench-${run_id}-${i}`, {
    items,
    fulfilment: { method: "pickup", point: "gajian-visitor-centre" },
    contact: { name: "Bench", phone: "13800000000" },
  });
  return { status: res.status, items, body: res.status === 201 ? await res.json() : null };
});

const after = Object.fromEntries(await Promise.all(PRODUCTS.map(async (p) => [p, await stock(p)])));
const sold = Object.fromEntries(PRODUCTS.map((p) => [p, 0]));
for (const r of orders.results) if (r.status === 201) for (const item of r.items) sold[item.product] += item.quantity;
const statuses = {};
for (const r of orders.results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;

const placed = orders.results.flatMap((r) => r.body?.orders ?? []);
const cancels = await run(placed.length, async (i) => {
  const o = placed[i];
  return (await post(`/api/orders/${o.reference}/cancel`, `bench-${run_id}-c${i}`, { token: o.token })).status;
});
const restored = Object.fromEntries(await Promise.all(PRODUCTS.map(async (p) => [p, await stock(p)])));

const failures = [
  ...PRODUCTS.filter((p) => before[p] - after[p] !== sold[p]).map(
    (p) => `${p}: sold ${sold[p]} but stock fell ${before[p] - after[p]}`,
  ),
  ...PRODUCTS.filter((p) => after[p] < 0).map((p) => `${p}: stock ${after[p]} below zero`),
  ...PRODUCTS.filter((p) => restored[p] !== before[p]).map(
    (p) => `${p}: stock ${restored[p]} after cancelling all, expected ${before[p]}`,
  ),
  ...Object.keys(statuses)
    .filter((s) => Number(s) >= 500)
    .map((s) => `${statuses[s]} responses with status ${s}`),
  ...cancels.results.filter((s) => s !== 200).map((s) => `a cancellation answered ${s}`),
];

const round = (n) => Math.round(n * 10) / 10;
const summary = {
  url: BASE,
  requests: REQUESTS,
  concurrency: CONCURRENCY,
  baseline: { perSecond: round(baseline.perSecond), p50ms: round(baseline.p50), p99ms: round(baseline.p99) },
  orders: { perSecond: round(orders.perSecond), p50ms: round(orders.p50), p99ms: round(orders.p99), statuses },
  cancellations: {
    count: placed.length,
    perSecond: round(cancels.perSecond),
    p50ms: round(cancels.p50),
    p99ms: round(cancels.p99),
  },
  ratioToBaseline: round((orders.perSecond / baseline.perSecond) * 100) / 100,
  stock: { before, after, sold, restored },
  invariant: failures.length ? failures : "ok",
};
console.log(JSON.stringify(summary, null, 2));
mkdirSync("bench/results/tmp", { recursive: true });
writeFileSync(`bench/results/tmp/orders-${run_id}.json`, `${JSON.stringify(summary, null, 2)}\n`);
process.exit(failures.length ? 1 : 0);
