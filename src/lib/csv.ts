export type Cell = string | number | undefined | null;

/** Excel treats a text cell starting with one of these as a formula, even from a download. */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: Cell): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * RFC 4180 CSV that opens correctly in Excel: a UTF-8 byte-order mark (without it
 * Excel on Chinese Windows reads the file as GBK and garbles every character) and
 * CRLF line ends.
 */
export function toCsv(rows: Cell[][]): string {
  return `\uFEFF${rows.map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;
}
