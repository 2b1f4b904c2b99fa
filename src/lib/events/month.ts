import { addDays, weekdayIndex } from "./time";

/** Months as "2027-03": the month calendar's unit and address. */

export function monthOf(day: string): string {
  return day.slice(0, 7);
}

function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Every month from first to last, inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let m = first; m <= last; m = addMonths(m, 1)) months.push(m);
  return months;
}

/** Weeks (Monday first) of a month; days outside it are null. */
export function monthWeeks(month: string): Array<Array<string | null>> {
  const first = `${month}-01`;
  const weeks: Array<Array<string | null>> = [];
  let week: Array<string | null> = Array.from({ length: weekdayIndex(first) }, () => null);
  for (let day = first; monthOf(day) === month; day = addDays(day, 1)) {
    week.push(day);
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
  return weeks;
}

/** Events with at least one day in the month. */
export function eventsInMonth<E extends { firstDay: string; lastDay: string }>(events: E[], month: string): E[] {
  return events.filter((e) => monthOf(e.firstDay) <= month && month <= monthOf(e.lastDay));
}
