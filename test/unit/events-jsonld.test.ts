import { describe, expect, it } from "vitest";
import { formatWhen, mapLinks, venueLine } from "../../src/lib/events/display";
import { eventJsonLd, type JsonLdOptions, jsonForScript } from "../../src/lib/events/jsonld";
import type { CountyEvent } from "../../src/lib/events/model";
import { formatDayRange, todayIn } from "../../src/lib/events/time";
import { bilingual } from "./events/fixtures";

const options = (overrides: Partial<JsonLdOptions> = {}): JsonLdOptions => ({
  locale: "en",
  url: "https://www.example.gov.cn/en/events/fair/",
  timeZone: "Asia/Shanghai",
  currency: "CNY",
  countryCode: "CN",
  region: "Sichuan",
  bookingUrl: (id) => `https://www.example.gov.cn/en/visit/book/?slot=${id}`,
  bookable: true,
  ...overrides,
});

function ld(event: CountyEvent, overrides: Partial<JsonLdOptions> = {}) {
  // Through JSON and back, as a search engine reads it from the page.
  return JSON.parse(
    jsonForScript(eventJsonLd(event, event.versions.en ?? (event.versions["zh-CN"] as never), options(overrides))),
  );
}

describe("schema.org Event", () => {
  it("has start and end with the county's UTC offset, the place and its coordinates", () => {
    const data = ld(bilingual("fair"));
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Event",
      name: "Test fair",
      startDate: "2027-03-20T09:30:00+08:00",
      endDate: "2027-03-20T17:00:00+08:00",
      eventStatus: "https://schema.org/EventScheduled",
      eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
      location: {
        "@type": "Place",
        address: { "@type": "PostalAddress", addressCountry: "CN" },
        geo: { "@type": "GeoCoordinates", latitude: 31.37, longitude: 102.08 },
      },
      isAccessibleForFree: true,
    });
    expect(data.previousStartDate).toBeUndefined();
    expect(data.offers).toBeUndefined();
  });

  it("uses plain dates for all-day events", () => {
    const data = ld(bilingual("fair", { start: "2027-03-20", end: "2027-03-28" }));
    expect([data.startDate, data.endDate]).toEqual(["2027-03-20", "2027-03-28"]);
  });

  it("carries the status, and the previous start of a rescheduled event", () => {
    const status = (overrides: Record<string, unknown>) => ld(bilingual("fair", overrides)).eventStatus;
    expect(status({ status: "tentative" })).toBe("https://schema.org/EventScheduled");
    expect(status({ status: "postponed" })).toBe("https://schema.org/EventPostponed");
    expect(status({ status: "cancelled" })).toBe("https://schema.org/EventCancelled");
    const moved = ld(bilingual("fair", { status: "rescheduled", previousStart: "2027-03-13T09:30" }));
    expect(moved.eventStatus).toBe("https://schema.org/EventRescheduled");
    expect(moved.previousStartDate).toBe("2027-03-13T09:30:00+08:00");
  });

  it("offers the entry price and bookable slots in yuan, only while booking is open", () => {
    const event = bilingual("fair", {
      price: 3000,
      priceNote: "Includes 2 kg of pears",
      slots: [
        { id: "fair-tour", date: "2027-03-20", start: "10:00", end: "11:00", capacity: 5, price: 5000, title: "Tour" },
      ],
    });
    const open = ld(event);
    expect(open.isAccessibleForFree).toBeUndefined();
    expect(open.offers).toEqual([
      expect.objectContaining({
        "@type": "Offer",
        price: "30.00",
        priceCurrency: "CNY",
        name: "Includes 2 kg of pears",
      }),
      expect.objectContaining({ price: "50.00", url: "https://www.example.gov.cn/en/visit/book/?slot=fair-tour" }),
    ]);
    expect(ld(event, { bookable: false }).offers).toHaveLength(1);
  });

  it("cannot close its script element early", () => {
    expect(jsonForScript({ name: "</script><script>alert(1)</script>" })).not.toContain("</script");
  });
});

describe("dates and places as people read them", () => {
  it("writes date ranges the way each language does", () => {
    expect(formatDayRange("2027-03-20", "2027-03-28", "zh-CN")).toBe("2027年3月20日至28日");
    expect(formatDayRange("2027-03-20", "2027-03-28", "en")).toBe("20–28 March 2027");
    expect(formatDayRange("2027-01-30", "2027-02-02", "zh-CN")).toBe("2027年1月30日至2月2日");
    expect(formatDayRange("2027-01-30", "2027-02-02", "en")).toBe("30 January – 2 February 2027");
    expect(formatDayRange("2026-12-31", "2027-01-01", "en")).toBe("31 December 2026 – 1 January 2027");
  });

  it("gives the weekday and times of a timed event", () => {
    expect(formatWhen("2026-12-19T10:00", "2026-12-19T17:00", "en")).toBe("Saturday 19 December 2026, 10:00–17:00");
    expect(formatWhen("2026-12-19T10:00", "2026-12-19T17:00", "zh-CN")).toBe("2026年12月19日星期六 10:00–17:00");
  });

  it("knows the county's date even when the build machine is in another time zone", () => {
    expect(todayIn("Asia/Shanghai", new Date("2026-11-28T17:00:00Z"))).toBe("2026-11-29");
  });

  it("links to the place in OpenStreetMap and Amap, telling Amap the coordinates are GPS (WGS 84)", () => {
    const links = mapLinks({ name: "嘎尖草坪", latitude: 31.45, longitude: 102.1 }, "https://www.example.gov.cn");
    expect(links.osm).toBe("https://www.openstreetmap.org/?mlat=31.45&mlon=102.1#map=15/31.45/102.1");
    const amap = new URL(links.amap);
    expect(amap.searchParams.get("position")).toBe("102.1,31.45");
    expect(amap.searchParams.get("coordinate")).toBe("wgs84");
    expect(amap.searchParams.get("name")).toBe("嘎尖草坪");
  });

  it("does not repeat the area when the venue's name already says it", () => {
    expect(venueLine({ name: "Riverside Square", area: "Jinchuan Town" }, "en")).toBe(
      "Riverside Square, Jinchuan Town",
    );
    expect(venueLine({ name: "县城滨河广场", area: "金川镇" }, "zh-CN")).toBe("县城滨河广场，金川镇");
    expect(venueLine({ name: "吉姆村文化广场", area: "吉姆村" }, "zh-CN")).toBe("吉姆村文化广场");
  });
});
