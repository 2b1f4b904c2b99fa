/**
 * YAML turns an unquoted 2027-02-30 into 2 March without complaint, so a typo in a
 * date would move an event silently. The schema only ever sees the shifted Date;
 * this looks at the front matter as written.
 */

const DATE = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g;

export interface ImpossibleDate {
  line: number;
  field: string;
  value: string;
}

export function impossibleDates(fileText: string): ImpossibleDate[] {
  const lines = fileText.split(/\r?\n/);
  if (lines[0]?.trim() !== "---") return [];
  const found: ImpossibleDate[] = [];
  for (let i = 1; i < lines.length && lines[i]?.trim() !== "---"; i++) {
    const line = lines[i] ?? "";
    for (const [value, y, m, d] of line.matchAll(DATE)) {
      const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
      if (date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) {
        const field = line.replace(/^\s*-?\s*/, "").split(":")[0] ?? "";
        found.push({ line: i + 1, field, value });
      }
    }
  }
  return found;
}
