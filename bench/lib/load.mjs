// A bounded closed-loop load generator: `concurrency` workers send `total` requests in all.
export async function load({ total, concurrency, request }) {
  const latencies = [];
  const statuses = new Map();
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (next < total) {
      const i = next++;
      const t0 = performance.now();
      const res = await request(i);
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  return {
    total,
    concurrency,
    rps: total / seconds,
    p50: pct(50),
    p99: pct(99),
    statuses: Object.fromEntries(statuses),
  };
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The same load on the portal and on the baseline at each concurrency level, in turns
 * (baseline run, portal run, ...) so both see the same machine noise; medians over runs.
 * `after(level)` runs once a level's runs are done (an invariant check): it costs a
 * `wrangler d1 execute` of about 3 s, so once per level keeps a full run under 15 minutes.
 */
export async function compareLevels({ levels, runs, total, portal, baseline, after }) {
  const rows = [];
  for (const concurrency of levels) {
    const p = [];
    const b = [];
    for (let run = 0; run < runs; run++) {
      b.push(await load({ total, concurrency, request: baseline }));
      p.push(await load({ total, concurrency, request: portal }));
    }
    const statuses = {};
    for (const r of p) for (const [s, n] of Object.entries(r.statuses)) statuses[s] = (statuses[s] ?? 0) + n;
    const row = {
      concurrency,
      perSecond: median(p.map((r) => r.rps)),
      p50: median(p.map((r) => r.p50)),
      p99: median(p.map((r) => r.p99)),
      baselinePerSecond: median(b.map((r) => r.rps)),
      baselineP50: median(b.map((r) => r.p50)),
      baselineP99: median(b.map((r) => r.p99)),
      statuses,
    };
    row.ratio = row.perSecond / row.baselinePerSecond;
    if (after) row.invariant = await after(concurrency);
    rows.push(row);
  }
  return rows;
}
