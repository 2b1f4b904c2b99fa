import { formatFen } from "@functions/lib/money";
import { type Lang, t } from "../i18n";

/** Prices on pages: integer fen to ¥128.00 / 128.00 元 (the one formatter, in functions/lib/money.ts). */
export { formatFen };

/** A festival session's price per person: 免费 / Free when it costs nothing, never "0.00 元". */
export function sessionPrice(fen: number, locale: Lang): string {
  return fen === 0 ? t(locale, "events.free") : formatFen(fen, locale);
}
