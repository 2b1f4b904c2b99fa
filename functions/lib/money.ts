import type { Lang } from "./lang";

/**
 * Money is integer fen (CNY): 1 yuan = 100 fen. This module is the only place
 * that converts between the two, for pages, e-mails, CSV files and forms alike.
 * It imports nothing at run time, so browser scripts may use it too.
 */

/** Fen as a yuan decimal with two places: 12800 -> "128.00". */
export function fenToDecimal(fen: number): string {
  return (fen / 100).toFixed(2);
}

/** Fen as people read a price: "128.00 元" in Chinese, "¥128.00" in English. */
export function formatFen(fen: number, lang: Lang): string {
  const yuan = fenToDecimal(fen);
  return lang === "zh-CN" ? `${yuan} 元` : `¥${yuan}`;
}

/** Fen rounded to whole yuan, for chart labels: 12850 -> 129. */
export function wholeYuan(fen: number): number {
  return Math.round(fen / 100);
}

/**
 * A yuan amount as staff type it ("80", "80.5", "80.50"): up to six digits and
 * two decimals. The same pattern goes into the forms' `pattern` attribute.
 */
export const YUAN_PATTERN = String.raw`\d{1,6}(\.\d{1,2})?`;

/** A typed yuan amount as integer fen, or null when it is not one: "80.5" -> 8050. */
export function parseYuan(text: string): number | null {
  return new RegExp(`^${YUAN_PATTERN}$`).test(text) ? Math.round(Number(text) * 100) : null;
}
