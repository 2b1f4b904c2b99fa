/**
 * CSV that opens correctly in Excel: UTF-8 with a byte order mark (without it
 * Excel in a Chinese locale reads GBK and garbles every name), CRLF line ends,
 * and every field quoted.
 */
const BOM = "\uFEFF";

/**
 * A cell that starts with = + - @ (or a tab or CR) would run as a formula in a
 * spreadsheet (CSV injection): a guest could type one into the name field.
 * Prefixing an apostrophe keeps it text.
 */
function cell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

export function toCsv(header: string[], rows: Array<Array<string | number | null | undefined>>): string {
  return `${BOM}${[header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`;
}

/** `attachment; filename=...` with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function attachment(filename: string): string {
  return `attachment; filename="${filename.replace(/[^\x20-\x7e]|"/g, "_")}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
