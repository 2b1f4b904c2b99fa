/** Month grids for server-rendered calendars: weeks start on Monday, as on Chinese calendars. */
export interface MonthGrid {
  year: number;
  month: number;
  weeks: Array<Array<string | null>>;
}

export function monthGrid(year: number, month: number): MonthGrid {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const offset = (first.getUTCDay() + 6) % 7;
  const cells: Array<string | null> = Array.from({ length: offset }, () => null);
  for (let d = 1; d <= days; d++) {
    cells.push(`${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
  }
  while (cells.length % 7) cells.push(null);
  const weeks: Array<Array<string | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return { year, month, weeks };
}

/** The month of `date` and the `count - 1` months after it. */
export function monthsFrom(date: string, count: number): Array<{ year: number; month: number }> {
  let year = Number(date.slice(0, 4));
  let month = Number(date.slice(5, 7));
  const out: Array<{ year: number; month: number }> = [];
  for (let i = 0; i < count; i++) {
    out.push({ year, month });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}

export function monthStart(m: { year: number; month: number }): string {
  return `${m.year}-${String(m.month).padStart(2, "0")}-01`;
}
