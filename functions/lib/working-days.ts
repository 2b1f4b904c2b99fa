import { z } from "zod";
import file from "../../content/taxonomy/working-days.json";
import { addDays, isRealDate } from "./dates";

/**
 * Working days (工作日), as the State Council's holiday schedule (放假安排) sets them each
 * year: Monday to Friday, except the public holidays, plus the Saturdays and Sundays that
 * are worked instead (调休). Deadlines that count working days (a reply to a resident's
 * letter) count them here. The schedule is content (content/taxonomy/working-days.json,
 * checked at build by src/collections/working-days.ts): a county adds next year's when it
 * is published, usually in November or December. A year not in the file counts weekends
 * only, so nothing stops; calendarCovers tells the dashboard to ask for the file.
 */
const day = z.string().refine(isRealDate, { error: "a date is written YYYY-MM-DD" });
const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
const isWeekend = (d: string) => weekday(d) === 0 || weekday(d) === 6;

const holiday = z
  .strictObject({
    name: z.strictObject({ "zh-CN": z.string().trim().min(1).max(40), en: z.string().trim().min(1).max(80) }),
    from: day,
    to: day,
  })
  .refine((h) => h.from <= h.to, { error: "a holiday ends (to) on or after its first day (from)", path: ["to"] });

const year = z.strictObject({
  holidays: z.array(holiday),
  /** Saturdays and Sundays worked in exchange for days off (调休上班). */
  workdays: z.array(day.refine(isWeekend, { error: "an adjusted working day is a Saturday or Sunday" })),
});

export const workingDayFile = z
  .record(z.string().regex(/^\d{4}$/, { error: "a year is four digits" }), year)
  .superRefine((years, ctx) => {
    for (const [y, { holidays, workdays }] of Object.entries(years)) {
      const off = new Set<string>();
      holidays.forEach((h, i) => {
        if (!h.from.startsWith(`${y}-`))
          ctx.addIssue({ code: "custom", message: `starts outside ${y}`, path: [y, "holidays", i, "from"] });
        for (let d = h.from; d <= h.to; d = addDays(d, 1)) {
          if (off.has(d))
            ctx.addIssue({ code: "custom", message: `${d} is in two holidays`, path: [y, "holidays", i] });
          off.add(d);
        }
      });
      workdays.forEach((d, i) => {
        if (!d.startsWith(`${y}-`))
          ctx.addIssue({ code: "custom", message: `is not in ${y}`, path: [y, "workdays", i] });
        if (off.has(d)) ctx.addIssue({ code: "custom", message: `${d} is also a holiday`, path: [y, "workdays", i] });
      });
    }
  });

export type WorkingDayCalendar = z.output<typeof workingDayFile>;

/** The clock over one calendar: the content file's by default, a crafted one in tests. */
export function workingDayClock(calendar: WorkingDayCalendar) {
  const off = new Set<string>();
  const worked = new Set<string>();
  for (const { holidays, workdays } of Object.values(calendar)) {
    for (const h of holidays) for (let d = h.from; d <= h.to; d = addDays(d, 1)) off.add(d);
    for (const d of workdays) worked.add(d);
  }
  const isWorkingDay = (d: string) => worked.has(d) || (!isWeekend(d) && !off.has(d));
  return {
    isWorkingDay,
    /** The n-th working day after `from` (n >= 1; `from` itself does not count). */
    addWorkingDays(from: string, n: number): string {
      let d = from;
      for (let left = Math.max(1, Math.floor(n)); left > 0; ) {
        d = addDays(d, 1);
        if (isWorkingDay(d)) left--;
      }
      return d;
    },
    /** Working days after `from` up to and including `to`; 0 when `to` is not after `from`. */
    workingDaysBetween(from: string, to: string): number {
      let n = 0;
      for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) n++;
      return n;
    },
    /** Whether the calendar holds the year of `d`: without it, only weekends are days off. */
    calendarCovers: (d: string) => Object.hasOwn(calendar, d.slice(0, 4)),
  };
}

function checkedFile(): WorkingDayCalendar {
  const parsed = workingDayFile.safeParse(file);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`);
  throw new Error(`content/taxonomy/working-days.json: ${problems.join("; ")}`);
}

const clock = workingDayClock(checkedFile());
export const { isWorkingDay, addWorkingDays, workingDaysBetween, calendarCovers } = clock;
