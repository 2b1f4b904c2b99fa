// API load: one portal (production build, demo seed plus bench-only units and products)
// and the baseline Worker, each on its own loopback port and D1 state folder.
import { startBaseline, startPortal } from "../lib/servers.mjs";
import { benchBookings, bookingsSql } from "./bookings.mjs";
import { benchOrders, ordersSql } from "./orders.mjs";
import { benchReads } from "./reads.mjs";

export async function apiLoad({ levels, runs, total, log = console.log }) {
  const portal = await startPortal(8801, "bench/.state/portal", `${bookingsSql}\n${ordersSql}`);
  const baseline = await startBaseline(8802, "bench/.state/baseline");
  try {
    const options = { portal, baseline, levels, runs, total };
    log("api: bookings");
    const bookings = await benchBookings(options);
    log("api: orders");
    const orders = await benchOrders(options);
    log("api: reads");
    const reads = await benchReads(options);
    return { levels, runs, requestsPerRun: total, bookings, orders, reads };
  } finally {
    portal.stop();
    baseline.stop();
  }
}
