import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { baseURL, chromiumPath } from "./browser";

/**
 * The .ics files and feeds as the built Worker serves them, read by a real
 * iCalendar parser: what a phone's calendar would import.
 */
async function fetchCalendar(path: string) {
  const res = await fetch(new URL(path, baseURL));
  expect(res.status, path).toBe(200);
  expect(res.headers.get("content-type"), path).toBe("text/calendar; charset=utf-8");
  const text = await res.text();
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const events = new Map(
    calendar.getAllSubcomponents("vevent").map((vevent) => {
      const event = new ICAL.Event(vevent);
      const start = event.startDate;
      return [
        event.uid.split("@")[0] as string,
        {
          summary: event.summary,
          status: vevent.getFirstPropertyValue("status"),
          sequence: Number(vevent.getFirstPropertyValue("sequence")),
          zone: start.isDate ? "date" : start.zone?.tzid,
          start: start.isDate ? start.toString() : start.toJSDate().toISOString(),
          dtstamp: vevent.getFirstPropertyValue("dtstamp")?.toString(),
          url: vevent.getFirstPropertyValue("url"),
        },
      ];
    }),
  );
  return { text, calendar, events };
}

describe.skipIf(!chromiumPath)("calendar files served by the portal", () => {
  it("the Chinese and English feeds hold every event with its status, start and sequence", async () => {
    for (const path of ["/events/calendar.ics", "/en/events/calendar.ics"]) {
      const { events, calendar } = await fetchCalendar(path);
      expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
      expect(events.size, path).toBeGreaterThanOrEqual(8);
      expect(events.get("jiarong-new-year-2026"), path).toMatchObject({
        status: "CONFIRMED",
        sequence: 2,
        zone: "Asia/Shanghai",
        // 10:00 in Jinchuan is 02:00 UTC.
        start: "2026-12-19T02:00:00.000Z",
      });
      expect(events.get("gajian-winter-camping-2026"), path).toMatchObject({
        status: "CANCELLED",
        sequence: 1,
        start: "2026-12-05T06:00:00.000Z",
      });
      expect(events.get("pear-blossom-2027"), path).toMatchObject({
        status: "TENTATIVE",
        sequence: 0,
        zone: "date",
        start: "2027-03-20",
      });
      expect(events.get("pear-new-year-market-2027"), path).toMatchObject({ status: "TENTATIVE", sequence: 1 });
      expect(events.get("pear-picking-2026"), path).toMatchObject({ status: "CONFIRMED", start: "2026-09-19" });
      for (const [slug, event] of events) expect(event.dtstamp, slug).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    }
  });

  it("each feed is in its own language and links to its own pages", async () => {
    const zh = (await fetchCalendar("/events/calendar.ics")).events.get("gajian-winter-camping-2026");
    const en = (await fetchCalendar("/en/events/calendar.ics")).events.get("gajian-winter-camping-2026");
    expect(zh?.summary).toBe("已取消：嘎尖草坪冬季星空露营周末");
    expect(en?.summary).toBe("Cancelled: Winter Stargazing Camping Weekend at Gajian Lawn");
    expect(new URL(String(zh?.url)).pathname).toBe("/events/gajian-winter-camping-2026/");
    expect(new URL(String(en?.url)).pathname).toBe("/en/events/gajian-winter-camping-2026/");
  });

  it("an event's own file carries the same UID, start and status as the feed, so a calendar treats them as one", async () => {
    const feed = (await fetchCalendar("/en/events/calendar.ics")).events;
    for (const slug of ["jiarong-new-year-2026", "pear-blossom-2027", "gajian-winter-camping-2026"]) {
      for (const prefix of ["", "/en"]) {
        const single = await fetchCalendar(`${prefix}/events/${slug}.ics`);
        expect([...single.events.keys()]).toEqual([slug]);
        const { summary: _a, url: _b, ...facts } = single.events.get(slug) ?? {};
        const { summary: _c, url: _d, ...feedFacts } = feed.get(slug) ?? {};
        expect(facts).toEqual(feedFacts);
      }
    }
  });

  it("folds long lines at 75 octets without breaking Chinese characters", async () => {
    // Raw bytes: decoding the whole file first would hide a split character behind U+FFFD.
    const bytes = new Uint8Array(await (await fetch(new URL("/events/calendar.ics", baseURL))).arrayBuffer());
    const decoder = new TextDecoder("utf-8", { fatal: true });
    const lines: Uint8Array[] = [];
    let from = 0;
    for (let i = 0; i < bytes.length - 1; i++) {
      if (bytes[i] === 13 && bytes[i + 1] === 10) {
        lines.push(bytes.subarray(from, i));
        from = i + 2;
      }
    }
    expect(from).toBe(bytes.length);
    expect(lines.filter((line) => line[0] === 32).length).toBeGreaterThan(10);
    for (const line of lines) {
      expect(line.length).toBeLessThanOrEqual(75);
      expect(() => decoder.decode(line)).not.toThrow();
    }
  });
});
