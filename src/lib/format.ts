/** Prices on pages: integer fen to ¥128.00 / 128.00 元 (the one formatter, in functions/lib/money.ts). */
export { formatFen } from "@functions/lib/money";
