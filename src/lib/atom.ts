import { COUNTY_UTC_OFFSET_MINUTES, formatUtcOffset } from "@functions/lib/dates";

/** The pieces of an Atom 1.0 feed (RFC 4287) that feed readers show. */
export interface AtomEntry {
  /** Permanent, unique id: the entry's canonical URL. */
  id: string;
  title: string;
  summary: string;
  link: string;
  /** YYYY-MM-DD dates, in the county's time zone. */
  published: string;
  updated: string;
  author: string;
  categories: Array<{ term: string; label: string }>;
  /** Set when the entry's language differs from the feed's. */
  lang?: string | undefined;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string;
  lang: string;
  /** The feed's own address and the page it mirrors. */
  self: string;
  alternate: string;
  author: string;
  entries: AtomEntry[];
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Escapes text for XML, dropping the control characters XML 1.0 forbids outright. */
export function xmlEscape(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point.
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "").replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Atom wants full timestamps; notice dates are days in the county's time zone. */
export function atomDate(day: string): string {
  return `${day}T00:00:00${formatUtcOffset(COUNTY_UTC_OFFSET_MINUTES)}`;
}

export function atomFeed(feed: AtomFeed): string {
  const e = xmlEscape;
  const updated =
    feed.entries
      .map((entry) => entry.updated)
      .sort()
      .at(-1) ?? "1970-01-01";
  const entries = feed.entries.map((entry) =>
    [
      `  <entry${entry.lang ? ` xml:lang="${e(entry.lang)}"` : ""}>`,
      `    <id>${e(entry.id)}</id>`,
      `    <title>${e(entry.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${e(entry.link)}"/>`,
      `    <published>${atomDate(entry.published)}</published>`,
      `    <updated>${atomDate(entry.updated)}</updated>`,
      `    <author><name>${e(entry.author)}</name></author>`,
      ...entry.categories.map((c) => `    <category term="${e(c.term)}" label="${e(c.label)}"/>`),
      `    <summary>${e(entry.summary)}</summary>`,
      "  </entry>",
    ].join("\n"),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${e(feed.lang)}">`,
    `  <id>${e(feed.id)}</id>`,
    `  <title>${e(feed.title)}</title>`,
    ...(feed.subtitle ? [`  <subtitle>${e(feed.subtitle)}</subtitle>`] : []),
    `  <updated>${atomDate(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${e(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${e(feed.alternate)}"/>`,
    `  <author><name>${e(feed.author)}</name></author>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
