import { type CountyEvent, type EventSource, groupEvents } from "../../../src/lib/events/model";
import { type EventData, eventSchema } from "../../../src/lib/events/schema";

/** A valid event's front matter as an editor would write it; override any field. */
export function frontMatter(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: "Test festival",
    summary: "A festival used by the tests.",
    start: "2027-03-20T09:30",
    end: "2027-03-20T17:00",
    updated: "2026-11-20",
    venue: {
      name: "Orchard",
      area: "Sha'er Township",
      address: "Sha'er Township, Jinchuan County",
      directions: "Follow the signs.",
      latitude: 31.37,
      longitude: 102.08,
    },
    organizer: { name: "County tourism bureau" },
    price: "free",
    ...overrides,
  };
}

export function eventData(overrides: Record<string, unknown> = {}): EventData {
  // Fixtures give their own venue, so the parsed front matter is already what pages use.
  return eventSchema.parse(frontMatter(overrides)) as EventData;
}

export function source(slug: string, locale: string, overrides: Record<string, unknown> = {}): EventSource {
  return { id: `${slug}/${locale}`, filePath: `content/events/${slug}/${locale}.md`, data: eventData(overrides) };
}

/** One event with a Chinese and an English version that share the same facts. */
export function bilingual(slug: string, overrides: Record<string, unknown> = {}): CountyEvent {
  const [event] = groupEvents([
    source(slug, "zh-CN", { title: `测试 ${slug}`, ...overrides }),
    source(slug, "en", { title: `Test ${slug}`, ...overrides }),
  ]);
  if (!event) throw new Error("no event");
  return event;
}
