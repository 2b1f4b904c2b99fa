import { env } from "cloudflare:workers";
import { addDays } from "@functions/lib/dates";
import { describe, expect, it } from "vitest";
import { county } from "../../county.config";
import { call, inDays, postJson, seedCampsites, seedSlot, stay } from "./helpers";

interface Booked {
  reference: string;
  token: string;
  links: { calendar: string };
}

async function book(body: unknown): Promise<Booked> {
  const res = await postJson("/api/bookings", body);
  expect(res.status).toBe(201);
  return res.json<Booked>();
}

/** The calendar file as a guest's phone downloads it, with its unfolded property lines. */
async function calendarOf(b: Booked, lang = "zh-CN") {
  const res = await call(b.links.calendar, { headers: { "accept-language": lang } });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
  expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${b.reference}.ics"`);
  expect(res.headers.get("cache-control")).toBe("no-store");
  const text = await res.text();
  // RFC 5545: CRLF line ends, no line longer than 75 octets.
  expect(text.endsWith("\r\n")).toBe(true);
  const raw = text.slice(0, -2).split("\r\n");
  expect(raw.every((line) => !line.includes("\n") && new TextEncoder().encode(line).length <= 75)).toBe(true);
  const lines = text.replace(/\r\n[ \t]/g, "").split("\r\n");
  // The event's own properties (the time zone block before it has a DTSTART too).
  const event = lines.slice(lines.indexOf("BEGIN:VEVENT"), lines.indexOf("END:VEVENT"));
  const prop = (name: string) => event.find((l) => l.startsWith(`${name}:`) || l.startsWith(`${name};`)) ?? "";
  return { lines, prop };
}

const compact = (date: string) => date.replace(/-/g, "");

describe("a booking's calendar file", () => {
  it("holds a stay as all-day dates from check-in to check-out, named in the guest's language", async () => {
    await seedCampsites();
    const b = await book(stay({ checkIn: inDays(10), nights: 3 }));
    const zh = await calendarOf(b);
    expect(zh.lines[0]).toBe("BEGIN:VCALENDAR");
    expect(zh.prop("DTSTART")).toBe(`DTSTART;VALUE=DATE:${compact(inDays(10))}`);
    expect(zh.prop("DTEND")).toBe(`DTEND;VALUE=DATE:${compact(addDays(inDays(10), 3))}`);
    expect(zh.prop("SUMMARY")).toBe("SUMMARY:嘎尖草坪露营基地 · 自带帐篷营位");
    expect(zh.prop("DESCRIPTION")).toMatch(new RegExp(`^DESCRIPTION:预订号 ${b.reference}\\\\n`));
    expect(zh.prop("URL")).toBe(`URL;VALUE=URI:${new URL("/visit/gajian-lawn/", county.siteUrl).href}`);
    expect(zh.prop("UID")).toMatch(new RegExp(`^UID:booking-${b.reference}@`));
    expect(zh.prop("STATUS")).toBe("STATUS:CONFIRMED");
    const en = await calendarOf(b, "en");
    expect(en.prop("SUMMARY")).toBe("SUMMARY:Gajian Lawn · Bring-your-own-tent pitch");
    // The phone reminds the guest two days before, like the text message does.
    const valarm = zh.lines.slice(zh.lines.indexOf("BEGIN:VALARM"), zh.lines.indexOf("END:VALARM") + 1);
    expect(valarm).toEqual([
      "BEGIN:VALARM",
      "ACTION:DISPLAY",
      "DESCRIPTION:两天后: 嘎尖草坪露营基地 · 自带帐篷营位",
      "TRIGGER:-P2D",
      "END:VALARM",
    ]);
    expect(zh.lines.indexOf("END:VALARM")).toBeLessThan(zh.lines.indexOf("END:VEVENT"));
  });

  it("gives an activity its local start and end time in Asia/Shanghai", async () => {
    await seedSlot(10, inDays(20));
    const b = await book({
      slot: "orchard-tour-1",
      units: 1,
      guests: { adults: 1 },
      contact: { name: "Li Na", phone: "13800000000" },
    });
    const { lines, prop } = await calendarOf(b, "en");
    expect(prop("DTSTART")).toBe(`DTSTART;TZID=Asia/Shanghai:${compact(inDays(20))}T093000`);
    expect(prop("DTEND")).toBe(`DTEND;TZID=Asia/Shanghai:${compact(inDays(20))}T110000`);
    expect(prop("SUMMARY")).toBe("SUMMARY:Orchard tour");
    expect(lines).toContain("TZID:Asia/Shanghai");
  });

  it("escapes names and folds long lines, and says CANCELLED once the booking is cancelled", async () => {
    await seedCampsites();
    const long = "Gajian Lawn, north meadow; by the river \\ under the pear trees that flower white in April";
    await env.DB.prepare("UPDATE campsites SET name_en = ?").bind(long).run();
    const b = await book(stay());
    const { prop } = await calendarOf(b, "en");
    expect(prop("SUMMARY")).toBe(
      "SUMMARY:Gajian Lawn\\, north meadow\\; by the river \\\\ under the pear trees that flower white in April · Bring-your-own-tent pitch",
    );
    expect((await postJson(`/api/bookings/${b.reference}/cancel`, { token: b.token })).status).toBe(200);
    const cancelled = await calendarOf(b);
    expect(cancelled.prop("STATUS")).toBe("STATUS:CANCELLED");
    expect(cancelled.lines).not.toContain("BEGIN:VALARM");
  });

  it("is not found without the booking's own token", async () => {
    await seedCampsites();
    const b = await book(stay());
    const res = await call(`/api/bookings/${b.reference}/calendar.ics?token=${"x".repeat(30)}`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect((await call(`/api/bookings/${b.reference}/calendar.ics`)).status).toBe(400);
  });
});
