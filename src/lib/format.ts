import { formatFen } from "@functions/lib/money";
import type { Lang } from "../i18n";

/** Prices on pages: integer fen to ¥128.00 / 128.00 元 (the one formatter, in functions/lib/money.ts). */
export { formatFen };

/**
 * A festival session's price per person: 免费 / Free when it costs nothing, never
 * "0.00 元". The word comes in as an argument so that browser scripts importing
 * formatFen from here do not pull in the string tables.
 */
export function sessionPrice(fen: number, locale: Lang, free: string): string {
  return fen === 0 ? free : formatFen(fen, locale);
}
