import { county } from "../../county.config";
import { COUNTY_UTC_OFFSET_MINUTES, formatUtcOffset } from "./dates";

/**
 * The RFC 5545 text both calendars are written with: guests' booking files and
 * the events programme. Lines are folded at 75 octets, never splitting a UTF-8
 * character (Chinese text is 3 octets a character).
 */

const CRLF = "\r\n";

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Lines longer than 75 octets are folded (RFC 5545 §3.1). Octets, not characters:
 * a Chinese character is three, and it must never be cut in half, so the line is
 * walked one code point at a time.
 */
export function foldLine(line: string): string {
  let out = "";
  let octets = 0;
  for (const char of line) {
    const n = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + n > 75) {
      // The continuation line's leading space is its first octet.
      out += `${CRLF} `;
      octets = 1;
    }
    out += char;
    octets += n;
  }
  return out;
}

/** TEXT values: backslash, semicolon, comma and line breaks are escaped (§3.3.11). */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, "\\\\")
      .replace(/;/g, "\\;")
      .replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n")
      // Other control characters are not allowed in TEXT; a tab is.
      .replace(/(?!\t)\p{Cc}/gu, "")
  );
}

/** The file: every line folded, each ended by CRLF. */
export function calendar(lines: string[]): string {
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** `20261128T063000Z` for a Date. */
export function utcStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** A VTIMEZONE for a zone that keeps one UTC offset all year (`+0800`), as the county's does. */
export function fixedOffsetTimezone(tzid: string, utcOffset: string, tzname?: string): string[] {
  return [
    "BEGIN:VTIMEZONE",
    `TZID:${tzid}`,
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    `TZOFFSETFROM:${utcOffset}`,
    `TZOFFSETTO:${utcOffset}`,
    ...(tzname ? [`TZNAME:${tzname}`] : []),
    "END:STANDARD",
    "END:VTIMEZONE",
  ];
}

/** The county's zone (`county.timeZone`, one offset all year: lib/dates checks that). */
export const COUNTY_VTIMEZONE = fixedOffsetTimezone(
  county.timeZone,
  formatUtcOffset(COUNTY_UTC_OFFSET_MINUTES, ""),
  county.timeZoneAbbreviation,
);

/** Where an entry happens and its page: the same three lines in the events programme and a guest's booking. */
export function placeLines(
  place: { name: string; address: string; latitude: number; longitude: number } | null,
  url: string,
  lang: string,
): string[] {
  return [
    ...(place
      ? [
          `LOCATION;LANGUAGE=${lang}:${escapeText(`${place.name}, ${place.address}`)}`,
          `GEO:${place.latitude};${place.longitude}`,
        ]
      : []),
    `URL;VALUE=URI:${url}`,
  ];
}
