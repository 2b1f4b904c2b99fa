import { addDays, todayInCounty } from "../lib/dates";
import { type WeekSales, weeklySales } from "./coop-ops";

/** Monday of the week of a county date. */
function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

/** The last `weeks` weeks up to this one, oldest first, weeks without sales as zero. */
export async function salesByWeek(
  d1: D1Database,
  coopId: string,
  weeks = 12,
  today = todayInCounty(),
): Promise<WeekSales[]> {
  const first = addDays(mondayOf(today), -7 * (weeks - 1));
  const rows = new Map((await weeklySales(d1, coopId, first)).map((r) => [r.week, r]));
  return Array.from({ length: weeks }, (_, i) => {
    const week = addDays(first, 7 * i);
    return rows.get(week) ?? { week, orders: 0, totalFen: 0 };
  });
}
