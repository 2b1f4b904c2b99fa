import { escapeText, foldLine } from "@functions/lib/ical";
import fc from "fast-check";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildCalendar, type CalendarOptions } from "../../src/lib/events/ics";
import { type CountyEvent, groupEvents } from "../../src/lib/events/model";
import { bilingual, source } from "./events/fixtures";

const options = (overrides: Partial<CalendarOptions> = {}): CalendarOptions => ({
  locale: "en",
  siteUrl: "https://www.example.gov.cn",
  timeZone: "Asia/Shanghai",
  name: "County events",
  description: "Festivals, markets; and more",
  eventUrl: (slug) => `https://www.example.gov.cn/en/events/${slug}/`,
  ...overrides,
});

/** Parses with ical.js, registering the file's own time zones as a calendar app would. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => ({
    vevent,
    event: new ICAL.Event(vevent),
    status: vevent.getFirstPropertyValue("status"),
    sequence: Number(vevent.getFirstPropertyValue("sequence")),
  }));
  return { calendar, events };
}

const octets = (s: string) => new TextEncoder().encode(s).length;

describe("line folding", () => {
  it("keeps every line within 75 octets without splitting a UTF-8 character, and unfolds to the original", () => {
    const decoder = new TextDecoder("utf-8", { fatal: true });
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 300 }),
        fc.constantFrom("SUMMARY:", "DESCRIPTION;LANGUAGE=zh-CN:"),
        (text, name) => {
          const folded = foldLine(name + text);
          for (const line of folded.split("\r\n")) {
            const bytes = new TextEncoder().encode(line);
            expect(bytes.length).toBeLessThanOrEqual(75);
            // A cut through a character would leave bytes that do not decode on their own.
            expect(() => decoder.decode(bytes)).not.toThrow();
          }
          expect(folded.replaceAll("\r\n ", "")).toBe(name + text);
        },
      ),
    );
  });

  it("folds Chinese text at a character boundary: 21 characters fill a 75-octet first line", () => {
    const folded = foldLine(`DESCRIPTION:${"梨".repeat(50)}`);
    const [first, second] = folded.split("\r\n");
    expect(first).toBe(`DESCRIPTION:${"梨".repeat(21)}`);
    expect(octets(first ?? "")).toBe(75);
    // A continuation line starts with a space, which counts: 24 characters of 3 octets after it.
    expect(second).toBe(` ${"梨".repeat(24)}`);
  });

  it("escapes commas, semicolons, backslashes and line breaks so a parser reads the text back exactly", () => {
    const tricky = "Pears, syrup; wine\\cider\nSecond line\r\n第三行：雪梨，梨酒；";
    expect(escapeText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
    const text = [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//t//t//EN",
      "BEGIN:VEVENT",
      "UID:x",
      "DTSTAMP:20261120T000000Z",
    ]
      .concat([foldLine(`SUMMARY:${escapeText(tricky)}`), "END:VEVENT", "END:VCALENDAR"])
      .join("\r\n");
    const summary = parse(text).events[0]?.vevent.getFirstPropertyValue("summary");
    expect(summary).toBe(tricky.replace("\r\n", "\n"));
  });
});

describe("calendar files", () => {
  const timed = bilingual("timed-festival", { start: "2027-03-20T09:30", end: "2027-03-20T17:00" });
  const allDay = bilingual("blossom", { start: "2027-03-20", end: "2027-03-28", status: "tentative" });

  it("are valid iCalendar with stable UIDs, DTSTAMP and the county's time zone", () => {
    const text = buildCalendar([timed, allDay], options());
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n").every((line) => octets(line) <= 75)).toBe(true);
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("Asia/Shanghai");
    expect(events.map((e) => e.event.uid)).toEqual(["timed-festival@www.example.gov.cn", "blossom@www.example.gov.cn"]);
    for (const { vevent } of events)
      expect(vevent.getFirstPropertyValue("dtstamp")?.toString()).toBe("2026-11-20T00:00:00Z");
  });

  it("puts timed events at the right instant in Asia/Shanghai (UTC+8)", () => {
    const [event] = parse(buildCalendar([timed], options())).events.map((e) => e.event);
    expect(event?.startDate.zone?.tzid).toBe("Asia/Shanghai");
    expect(event?.startDate.toJSDate().toISOString()).toBe("2027-03-20T01:30:00.000Z");
    expect(event?.endDate.toJSDate().toISOString()).toBe("2027-03-20T09:00:00.000Z");
  });

  it("gives all-day events whole days, the end being the day after the last", () => {
    const [event] = parse(buildCalendar([allDay], options())).events.map((e) => e.event);
    expect(event?.startDate.isDate).toBe(true);
    expect(event?.startDate.toString()).toBe("2027-03-20");
    expect(event?.endDate.toString()).toBe("2027-03-29");
  });

  it("says whether each event is confirmed, tentative or cancelled", () => {
    const statuses = ["scheduled", "tentative", "postponed", "rescheduled", "cancelled"].map((status, i) =>
      bilingual(`event-${i}`, { status, previousStart: status === "rescheduled" ? "2027-03-13T09:30" : undefined }),
    );
    const found = parse(buildCalendar(statuses, options())).events.map((e) => e.status);
    expect(found).toEqual(["CONFIRMED", "TENTATIVE", "TENTATIVE", "CONFIRMED", "CANCELLED"]);
  });

  it("raises SEQUENCE at every change of plan, so calendars replace the old copy", () => {
    const history: CountyEvent[] = [
      bilingual("fair", { start: "2027-03-13T09:30", end: "2027-03-13T17:00" }),
      bilingual("fair", { start: "2027-03-13T09:30", end: "2027-03-13T17:00", status: "postponed" }),
      bilingual("fair", { status: "rescheduled", previousStart: "2027-03-13T09:30" }),
      bilingual("fair", { status: "rescheduled", previousStart: ["2027-03-13T09:30", "2027-03-16T09:30"] }),
      bilingual("fair", { status: "cancelled", previousStart: ["2027-03-13T09:30", "2027-03-16T09:30"] }),
    ];
    const sequences = history.map((version) => parse(buildCalendar([version], options())).events[0]?.sequence);
    expect(sequences[0]).toBe(0);
    for (let i = 1; i < sequences.length; i++) expect(sequences[i]).toBeGreaterThan(sequences[i - 1] ?? Number.NaN);
  });

  it("labels changed plans in the summary and uses each event's own language", () => {
    const chineseOnly = groupEvents([source("market", "zh-CN", { title: "年货市集", status: "cancelled" })]);
    const { events } = parse(buildCalendar(chineseOnly, options({ locale: "en" })));
    const summary = events[0]?.vevent.getFirstProperty("summary");
    expect(summary?.getParameter("language")).toBe("zh-CN");
    expect(summary?.getFirstValue()).toBe("已取消：年货市集");
    const english = parse(buildCalendar([bilingual("x", { status: "cancelled" })], options())).events[0];
    expect(english?.event.summary).toBe("Cancelled: Test x");
  });

  it("refuses a time zone with daylight saving time rather than write wrong times", () => {
    expect(() => buildCalendar([timed], options({ timeZone: "Europe/Berlin" }))).toThrow(/offset/);
  });
});
