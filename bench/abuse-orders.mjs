// How much of a festival's stock one source can take through public orders, replaying
// the attack from the security review: no account, no payment, a script. Needs a build
// (`npm run build`). Run: node bench/abuse-orders.mjs
//
// Against 80 jars of one product it tries, in order:
//  1. one checkout asking for everything (30 lines x 99 units were once accepted);
//  2. one phone, 100 racing checkouts of the most one request may take;
//  3. one address cycling through 100 phones, 100 racing checkouts;
// and then a normal buyer from elsewhere. It prints the units each took and whether the
// normal buyer still got a jar. Per-address budgets are the source limits' job: step 3
// shows what is left for them to stop.
import { startPortal } from "./lib/servers.mjs";

const PORT = Number(process.env.BENCH_ABUSE_PORT ?? 8815);
const STOCK = 80;
const product = "abuse-syrup";
const setup = `INSERT INTO products (id, cooperative_id, category, name_zh, name_en, unit_zh, unit_en, price_fen, stock, season_months)
  VALUES ('${product}', 'anning-pear-processing', 'pear-syrup', '节庆梨膏', 'Festival syrup', '瓶', 'jar', 3000, ${STOCK}, 4095);`;

const portal = await startPortal(PORT, "bench/.state/abuse-orders", setup);
let seq = 0;
async function order(quantity, phone, address, lines = [{ product, quantity }]) {
  const res = await fetch(`${portal.url}/api/orders`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "idempotency-key": `abuse-${process.pid}-${++seq}`,
      "cf-connecting-ip": address,
      "user-agent": "abuse-script/1.0",
    },
    body: JSON.stringify({
      items: lines,
      fulfilment: { method: "pickup", point: "gajian-visitor-centre" },
      contact: { name: "Script", phone },
    }),
  });
  if (res.status !== 201) return { status: res.status, units: 0 };
  const body = await res.json();
  const units = body.orders.flatMap((o) => o.lines).reduce((n, l) => n + (l.product === product ? l.quantity : 0), 0);
  return { status: res.status, units };
}
const stock = () => portal.query(`SELECT stock FROM products WHERE id = '${product}'`)[0]?.stock;
const statuses = (results) =>
  Object.entries(Object.groupBy(results, (r) => r.status))
    .map(([s, rs]) => `${s}x${rs.length}`)
    .join(" ");

try {
  const rows = [];
  const greedy = await order(99, "13900000000", "203.0.113.1", [
    { product, quantity: 99 },
    ...Array.from({ length: 29 }, (_, i) => ({ product: `no-such-${i}`, quantity: 99 })),
  ]);
  rows.push({ scenario: "one checkout, 30 lines x 99", answers: statuses([greedy]), units: greedy.units });

  for (const quantity of [99, 20]) {
    const one = await order(quantity, "13900000001", "203.0.113.2");
    rows.push({ scenario: `one checkout of ${quantity}`, answers: statuses([one]), units: one.units });
  }

  const onePhone = await Promise.all(Array.from({ length: 100 }, () => order(5, "13900000002", "203.0.113.3")));
  rows.push({
    scenario: "one phone, 100 racing checkouts of 5",
    answers: statuses(onePhone),
    units: onePhone.reduce((n, r) => n + r.units, 0),
  });

  const manyPhones = await Promise.all(
    Array.from({ length: 100 }, (_, i) => order(5, `1370000${String(i).padStart(4, "0")}`, "203.0.113.4")),
  );
  rows.push({
    scenario: "one address, 100 phones, 100 racing checkouts of 5",
    answers: statuses(manyPhones),
    units: manyPhones.reduce((n, r) => n + r.units, 0),
  });

  const neighbour = await order(1, "13611112222", "198.51.100.7");
  rows.push({ scenario: "a normal buyer afterwards", answers: statuses([neighbour]), units: neighbour.units });
  console.table(rows);
  console.log(`stock of ${STOCK}: ${stock()} left (never below 0)`);
} finally {
  portal.stop();
}
