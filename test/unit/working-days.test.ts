import {
  addWorkingDays,
  calendarCovers,
  isWorkingDay,
  workingDayClock,
  workingDayFile,
  workingDaysBetween,
} from "@functions/lib/working-days";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import file from "../../content/taxonomy/working-days.json";

/**
 * Deadlines in working days, over the State Council's schedules for 2025 and 2026
 * (content/taxonomy/working-days.json): weekends and holidays off, adjusted Saturdays
 * and Sundays worked.
 */
describe("the working-day clock", () => {
  it("skips the National Day week and counts the Saturday worked after it", () => {
    // Wednesday 30 September 2026, the day before the seven days off (1-7 October).
    expect(addWorkingDays("2026-09-30", 1)).toBe("2026-10-08");
    expect(addWorkingDays("2026-09-30", 2)).toBe("2026-10-09");
    // Saturday 10 October is worked in exchange.
    expect(addWorkingDays("2026-09-30", 3)).toBe("2026-10-10");
    expect(addWorkingDays("2026-09-30", 4)).toBe("2026-10-12");
    // Sunday 20 September is worked too, before the Mid-Autumn weekend.
    expect(isWorkingDay("2026-09-20")).toBe(true);
    expect(addWorkingDays("2026-09-24", 1)).toBe("2026-09-28");
  });

  it("skips the Spring Festival and counts both Saturdays worked around it", () => {
    // Friday 13 February 2026; Saturday the 14th is worked, the 15th to the 23rd are off.
    expect(addWorkingDays("2026-02-13", 1)).toBe("2026-02-14");
    expect(addWorkingDays("2026-02-13", 2)).toBe("2026-02-24");
    expect(addWorkingDays("2026-02-13", 3)).toBe("2026-02-25");
    // Saturday 28 February is worked as well.
    expect(addWorkingDays("2026-02-26", 2)).toBe("2026-02-28");
    // Fifteen working days for a request for help received on New Year's Eve of the lunar year.
    expect(addWorkingDays("2026-02-16", 15)).toBe("2026-03-13");
  });

  it("counts a letter received on an adjusted Saturday from that Saturday", () => {
    expect(isWorkingDay("2025-10-11")).toBe(true);
    expect(addWorkingDays("2025-10-11", 1)).toBe("2025-10-13");
  });

  it("skips an ordinary weekend, and the New Year holiday across the turn of the year", () => {
    expect(addWorkingDays("2026-11-27", 1)).toBe("2026-11-30");
    expect(addWorkingDays("2025-12-31", 1)).toBe("2026-01-04");
    expect(addWorkingDays("2025-12-31", 2)).toBe("2026-01-05");
  });

  it("counts weekends only in a year the calendar does not hold, and says so", () => {
    expect(calendarCovers("2026-06-01")).toBe(true);
    expect(calendarCovers("2027-01-01")).toBe(false);
    expect(addWorkingDays("2027-01-01", 1)).toBe("2027-01-04");
  });

  it("counts between two days what it adds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 1, max: 40 }), (offset, n) => {
        const from = new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const due = addWorkingDays(from, n);
        expect(workingDaysBetween(from, due)).toBe(n);
        expect(isWorkingDay(due)).toBe(true);
      }),
    );
    expect(workingDaysBetween("2026-10-08", "2026-10-08")).toBe(0);
    expect(workingDaysBetween("2026-10-09", "2026-10-08")).toBe(0);
  });
});

describe("content/taxonomy/working-days.json", () => {
  it("is valid", () => {
    expect(workingDayFile.safeParse(file).success).toBe(true);
  });

  const issues = (calendar: unknown) =>
    (workingDayFile.safeParse(calendar).error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);
  const name = { "zh-CN": "节", en: "Day" };

  it("refuses a weekday marked as worked, a holiday that ends before it starts, and a date that does not exist", () => {
    expect(issues({ "2026": { holidays: [], workdays: ["2026-10-09"] } })).toEqual([
      "2026.workdays.0: an adjusted working day is a Saturday or Sunday",
    ]);
    expect(issues({ "2026": { holidays: [{ name, from: "2026-10-07", to: "2026-10-01" }], workdays: [] } })).toEqual([
      "2026.holidays.0.to: a holiday ends (to) on or after its first day (from)",
    ]);
    expect(issues({ "2026": { holidays: [{ name, from: "2026-02-30", to: "2026-03-01" }], workdays: [] } })[0]).toMatch(
      /^2026\.holidays\.0\.from: a date is written/,
    );
  });

  it("refuses a day that is both off and worked, and dates filed under another year", () => {
    expect(
      issues({ "2026": { holidays: [{ name, from: "2026-10-03", to: "2026-10-04" }], workdays: ["2026-10-04"] } }),
    ).toEqual(["2026.workdays.0: 2026-10-04 is also a holiday"]);
    expect(issues({ "2027": { holidays: [], workdays: ["2026-10-10"] } })).toEqual(["2027.workdays.0: is not in 2027"]);
  });

  it("lets a test use a calendar of its own", () => {
    const clock = workingDayClock({
      "2030": { holidays: [{ name, from: "2030-01-01", to: "2030-01-01" }], workdays: [] },
    });
    expect(clock.addWorkingDays("2029-12-31", 1)).toBe("2030-01-02");
  });
});
