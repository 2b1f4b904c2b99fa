// The public read endpoints at rising concurrency against the baseline's one-SELECT read.
import { compareLevels } from "../lib/load.mjs";
import { day } from "./bookings.mjs";

export async function benchReads({ portal, baseline, levels, runs, total }) {
  // A month of nights: what the campsite page's calendar asks for.
  const availability = `/api/campsites/gajian-lawn/availability?from=${day(1)}&to=${day(31)}`;
  const endpoints = { availability, products: "/api/products" };
  const read = () => fetch(`${baseline.url}/`);
  const result = {};
  for (const [name, path] of Object.entries(endpoints)) {
    const rows = await compareLevels({
      levels,
      runs,
      total,
      portal: () => fetch(`${portal.url}${path}`),
      baseline: read,
    });
    result[name] = { path, rows, ok: rows.every((r) => Object.keys(r.statuses).join() === "200") };
  }
  return result;
}
