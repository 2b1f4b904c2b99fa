import { COUNTY_SQL_OFFSET, COUNTY_UTC_OFFSET_MINUTES, fixedUtcOffset, utcOffsetMinutes } from "@functions/lib/dates";
import { COUNTY_VTIMEZONE } from "@functions/lib/ical";
import { describe, expect, it } from "vitest";

describe("the county's time zone", () => {
  it("comes from county.timeZone as one fixed UTC offset, in JS, SQL and calendar files", () => {
    expect(COUNTY_UTC_OFFSET_MINUTES).toBe(480);
    expect(COUNTY_SQL_OFFSET).toBe("'+8 hours'");
    expect(COUNTY_VTIMEZONE).toContain("TZID:Asia/Shanghai");
    expect(COUNTY_VTIMEZONE).toContain("TZOFFSETTO:+0800");
  });

  it("refuses a zone with daylight saving time, whose dates a fixed SQL offset would get wrong", () => {
    expect(utcOffsetMinutes("Europe/Berlin", new Date("2027-07-01T12:00:00Z"))).toBe(120);
    expect(() => fixedUtcOffset("Europe/Berlin", 2027)).toThrow(/daylight saving time/);
    expect(() => fixedUtcOffset("America/Santiago", 2027)).toThrow(/daylight saving time/);
    expect(fixedUtcOffset("Asia/Kolkata", 2027)).toBe(330);
    expect(fixedUtcOffset("America/Bogota", 2027)).toBe(-300);
  });
});
