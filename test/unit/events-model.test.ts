import { describe, expect, it } from "vitest";
import {
  bookingOpen,
  EventContentError,
  groupEvents,
  isOver,
  listActivitySlots,
  slotBookable,
  splitByDate,
  versionFor,
} from "../../src/lib/events/model";
import { eventsInMonth, monthWeeks } from "../../src/lib/events/month";
import { bilingual, source } from "./events/fixtures";

const slot = (id: string, date = "2027-03-20") => ({
  id,
  date,
  start: "10:00",
  end: "11:00",
  capacity: 20,
  price: 3000,
});

describe("language versions", () => {
  it("become one event with the folder as its address", () => {
    const [event] = groupEvents([source("fair-2027", "en"), source("fair-2027", "zh-CN")]);
    expect(event?.slug).toBe("fair-2027");
    expect(Object.keys(event?.versions ?? {}).sort()).toEqual(["en", "zh-CN"]);
    expect(versionFor(event as never, "en").translated).toBe(true);
  });

  it("fall back to the other language, saying so", () => {
    const [event] = groupEvents([source("local-fair", "zh-CN", { title: "乡村集市" })]);
    const shown = versionFor(event as never, "en");
    expect(shown).toMatchObject({ locale: "zh-CN", translated: false });
    expect(shown.version.data.title).toBe("乡村集市");
  });

  it("must agree on the facts; the error names both files and the field", () => {
    const run = () => groupEvents([source("fair", "zh-CN"), source("fair", "en", { end: "2027-03-20T18:00" })]);
    expect(run).toThrow(EventContentError);
    expect(run).toThrow(
      'content/events/fair/en.md: field "end" is "2027-03-20T18:00" but content/events/fair/zh-CN.md says "2027-03-20T17:00"',
    );
    const slots = () =>
      groupEvents([
        source("fair", "zh-CN", { slots: [{ ...slot("fair-tour"), title: "导览" }] }),
        source("fair", "en", { slots: [{ ...slot("fair-tour"), capacity: 25, title: "Tour" }] }),
      ]);
    expect(slots).toThrow(/field "slots\.0\.capacity" is 25/);
  });

  it("may differ in their words", () => {
    expect(() =>
      groupEvents([
        source("fair", "zh-CN", { slots: [{ ...slot("fair-tour"), title: "导览" }] }),
        source("fair", "en", { slots: [{ ...slot("fair-tour"), title: "Tour" }] }),
      ]),
    ).not.toThrow();
  });

  it("live in content/events/<slug>/<language>.md", () => {
    expect(() => groupEvents([{ ...source("fair", "zh-CN"), filePath: "content/events/fair/zh.md" }])).toThrow(
      /content\/events\/fair\/zh\.md: name the file after its language/,
    );
    expect(() => groupEvents([{ ...source("fair", "en"), filePath: "content/events/Fair 2027/en.md" }])).toThrow(
      /own folder/,
    );
    expect(() => groupEvents([source("calendar", "en")])).toThrow(/not "calendar"/);
  });

  it("keep slot ids unique and prefixed by the event", () => {
    expect(() => groupEvents([source("fair", "en", { slots: [{ ...slot("tour-1"), title: "Tour" }] })])).toThrow(
      /slots\.0\.id" must start with "fair-"/,
    );
    expect(() =>
      groupEvents([
        source("fair", "en", { slots: [{ ...slot("fair-tour-1"), title: "Tour" }] }),
        source("fair-tour", "en", { slots: [{ ...slot("fair-tour-1"), title: "Tour" }] }),
      ]),
    ).toThrow(/also used by fair/);
  });
});

describe("past, cancelled and postponed events", () => {
  const today = "2027-03-21";
  const withSlots = (overrides: Record<string, unknown>) =>
    bilingual("fair", {
      start: "2027-03-20",
      end: "2027-03-22",
      slots: [
        { ...slot("fair-a", "2027-03-20"), title: "A" },
        { ...slot("fair-b", "2027-03-22"), title: "B" },
      ],
      ...overrides,
    });

  it("offer booking only while the event will still take place", () => {
    expect(bookingOpen(withSlots({}), today)).toBe(true);
    expect(bookingOpen(withSlots({ status: "tentative" }), today)).toBe(true);
    expect(bookingOpen(withSlots({ status: "rescheduled", previousStart: "2027-03-13" }), today)).toBe(true);
    expect(bookingOpen(withSlots({ status: "cancelled" }), today)).toBe(false);
    expect(bookingOpen(withSlots({ status: "postponed" }), today)).toBe(false);
    expect(bookingOpen(withSlots({}), "2027-03-23")).toBe(false);
  });

  it("offer no slot that has already happened", () => {
    const event = withSlots({});
    expect(event.data.slots.map((s) => slotBookable(event, s, today))).toEqual([false, true]);
  });

  it("move to the archive after their last day; postponed ones wait for a new date", () => {
    expect(isOver(withSlots({}), "2027-03-22")).toBe(false);
    expect(isOver(withSlots({}), "2027-03-23")).toBe(true);
    expect(isOver(withSlots({ status: "postponed" }), "2027-04-30")).toBe(false);
  });

  it("are listed soonest first, the archive newest first", () => {
    const a = bilingual("a", { start: "2027-01-01", end: "2027-01-01" });
    const b = bilingual("b", { start: "2027-02-01", end: "2027-02-01" });
    const c = bilingual("c", { start: "2027-03-01", end: "2027-03-01" });
    const d = bilingual("d", { start: "2027-04-01", end: "2027-04-01" });
    const { upcoming, past } = splitByDate([a, b, c, d], "2027-02-15");
    expect(upcoming.map((e) => e.slug)).toEqual(["c", "d"]);
    expect(past.map((e) => e.slug)).toEqual(["b", "a"]);
  });
});

describe("activity slots for the booking engine", () => {
  it("lists every slot with its event, facts and both titles", () => {
    const events = groupEvents([
      source("fair", "zh-CN", { slots: [{ ...slot("fair-tour-0320-1000"), title: "梨园导览" }] }),
      source("fair", "en", { slots: [{ ...slot("fair-tour-0320-1000"), title: "Orchard tour" }] }),
      source("market", "zh-CN", {
        status: "cancelled",
        statusNote: "因雨取消",
        slots: [{ ...slot("market-stall"), price: 0, title: "摊位" }],
      }),
    ]);
    expect(listActivitySlots(events)).toEqual([
      {
        id: "fair-tour-0320-1000",
        event: "fair",
        eventStatus: "scheduled",
        date: "2027-03-20",
        start: "10:00",
        end: "11:00",
        capacity: 20,
        price: 3000,
        title: { "zh-CN": "梨园导览", en: "Orchard tour" },
        eventNote: { "zh-CN": "", en: "" },
        // The dashboard's list of events names them (session_events).
        eventTitle: { "zh-CN": "Test festival", en: "Test festival" },
      },
      // An event in one language gives its guests that language's reason.
      expect.objectContaining({
        id: "market-stall",
        eventStatus: "cancelled",
        title: { "zh-CN": "摊位", en: "摊位" },
        eventNote: { "zh-CN": "因雨取消", en: "因雨取消" },
      }),
    ]);
  });
});

describe("month calendar", () => {
  it("lays out weeks from Monday", () => {
    const weeks = monthWeeks("2027-03");
    expect(weeks[0]).toEqual([
      "2027-03-01",
      "2027-03-02",
      "2027-03-03",
      "2027-03-04",
      "2027-03-05",
      "2027-03-06",
      "2027-03-07",
    ]);
    expect(weeks.at(-1)).toEqual(["2027-03-29", "2027-03-30", "2027-03-31", null, null, null, null]);
    expect(monthWeeks("2026-12")[0]?.slice(0, 2)).toEqual([null, "2026-12-01"]);
  });

  it("shows an event in every month it touches", () => {
    const event = bilingual("new-year", { start: "2026-12-30", end: "2027-01-02" });
    expect(eventsInMonth([event], "2026-12")).toHaveLength(1);
    expect(eventsInMonth([event], "2027-01")).toHaveLength(1);
    expect(eventsInMonth([event], "2027-02")).toHaveLength(0);
  });
});
