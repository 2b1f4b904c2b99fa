import type { Lang } from "../i18n";

/** Integer fen to a price people read: ¥128.00 / 128.00 元. */
export function formatFen(fen: number, locale: Lang): string {
  const yuan = (fen / 100).toFixed(2);
  return locale === "zh-CN" ? `${yuan} 元` : `¥${yuan}`;
}
