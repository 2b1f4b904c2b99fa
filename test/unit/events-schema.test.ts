import { describe, expect, it } from "vitest";
import { impossibleDates } from "../../src/lib/events/raw-dates";
import { eventSchema } from "../../src/lib/events/schema";
import { frontMatter } from "./events/fixtures";

/** Paths of the fields a bad front matter is rejected for. */
function rejected(overrides: Record<string, unknown>): string[] {
  const result = eventSchema.safeParse(frontMatter(overrides));
  if (result.success) return [];
  return [...new Set(result.error.issues.map((issue) => issue.path.join(".")))];
}

describe("event front matter", () => {
  it("accepts a complete event and fills in defaults", () => {
    const data = eventSchema.parse(frontMatter());
    expect(data.status).toBe("scheduled");
    expect(data.previousStart).toEqual([]);
    expect(data.slots).toEqual([]);
  });

  it("reads dates as YAML gives them (a Date at UTC midnight) as the day the editor wrote", () => {
    const data = eventSchema.parse(
      frontMatter({ start: new Date("2027-03-20T00:00:00Z"), end: new Date("2027-03-28T00:00:00Z") }),
    );
    expect([data.start, data.end]).toEqual(["2027-03-20", "2027-03-28"]);
  });

  it("accepts a space between day and time, and one previous start or several", () => {
    const one = eventSchema.parse(
      frontMatter({ start: "2027-03-20 09:30", status: "rescheduled", previousStart: "2027-03-13T09:30" }),
    );
    expect(one.start).toBe("2027-03-20T09:30");
    expect(one.previousStart).toEqual(["2027-03-13T09:30"]);
    const two = eventSchema.parse(frontMatter({ previousStart: ["2027-03-06", "2027-03-13T09:30"] }));
    expect(two.previousStart).toHaveLength(2);
  });

  it("names the field that is wrong", () => {
    expect(rejected({ start: "2027-02-30T09:30" })).toEqual(["start"]);
    expect(rejected({ start: "20 March 2027" })).toContain("start");
    expect(rejected({ start: "2027-03-20T25:00" })).toEqual(["start"]);
    expect(rejected({ status: "maybe" })).toEqual(["status"]);
    expect(rejected({ venue: { ...(frontMatter().venue as object), latitude: 123 } })).toEqual(["venue.latitude"]);
    expect(rejected({ price: 0 })).toEqual(["price"]);
    expect(rejected({ price: 12.5 })).toEqual(["price"]);
    expect(rejected({ title: "  " })).toEqual(["title"]);
  });

  it("refuses a time with an offset that YAML has already turned into another hour", () => {
    expect(rejected({ start: new Date("2027-03-20T01:30:00Z") })).toEqual(["start"]);
  });

  it("checks that the dates make sense together", () => {
    expect(rejected({ end: "2027-03-19T17:00" })).toEqual(["end"]);
    expect(rejected({ end: "2027-03-21" })).toEqual(["end"]);
    expect(rejected({ status: "rescheduled" })).toEqual(["previousStart"]);
  });

  it("checks programme items and activity slots against the event's days", () => {
    const slot = {
      id: "test-tour-0320-1000",
      date: "2027-03-20",
      start: "10:00",
      end: "11:00",
      capacity: 10,
      price: 0,
      title: "Tour",
    };
    expect(rejected({ slots: [slot] })).toEqual([]);
    expect(rejected({ slots: [{ ...slot, date: "2027-03-22" }] })).toEqual(["slots.0.date"]);
    expect(rejected({ slots: [{ ...slot, end: "09:00" }] })).toEqual(["slots.0.end"]);
    expect(rejected({ slots: [slot, slot] })).toEqual(["slots.1.id"]);
    expect(rejected({ slots: [{ ...slot, id: "Tour 1" }] })).toEqual(["slots.0.id"]);
    expect(rejected({ slots: [{ ...slot, capacity: 0 }] })).toEqual(["slots.0.capacity"]);
    expect(rejected({ programme: [{ date: "2027-04-01", start: "10:00", title: "Late" }] })).toEqual([
      "programme.0.date",
    ]);
  });
});

describe("dates as written in the file", () => {
  it("finds days that do not exist before YAML moves them, with line and field", () => {
    const file = [
      "---",
      "start: 2027-02-29",
      "end: 2027-03-01T09:00",
      "slots:",
      "  - id: fair-tour-0431",
      "    date: 2027-04-31",
      "---",
      "Body text mentioning 2027-02-30 is not front matter.",
    ].join("\n");
    expect(impossibleDates(file)).toEqual([
      { line: 2, field: "start", value: "2027-02-29" },
      { line: 6, field: "date", value: "2027-04-31" },
    ]);
    expect(impossibleDates("---\nstart: 2028-02-29\n---\n")).toEqual([]);
  });
});
