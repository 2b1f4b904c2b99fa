import { COUNTY_SQL_OFFSET, COUNTY_UTC_OFFSET_MINUTES } from "../lib/dates";

/**
 * Seasons are month bit masks (bit 0 = January). "Now" is the county's month
 * (county.timeZone, one UTC offset all year) so a product goes on sale at local midnight.
 * The SQL fragment and the JS function must agree: orders are checked in SQL
 * inside the write batch, pages use the JS function.
 */
export const ALL_YEAR = 0b1111_1111_1111;

export function countyMonth(now: Date = new Date()): number {
  return new Date(now.getTime() + COUNTY_UTC_OFFSET_MINUTES * 60_000).getUTCMonth() + 1;
}

export function inSeason(mask: number, month: number = countyMonth()): boolean {
  return ((mask >> (month - 1)) & 1) === 1;
}

export function monthsOf(mask: number): number[] {
  return Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => inSeason(mask, m));
}

export function maskOf(months: number[]): number {
  return months.reduce((mask, m) => mask | (1 << (m - 1)), 0);
}

/** True in SQL when products.season_months includes the county's current month. */
export const IN_SEASON_SQL = `((products.season_months >> (CAST(strftime('%m', 'now', ${COUNTY_SQL_OFFSET}) AS INTEGER) - 1)) & 1) = 1`;
