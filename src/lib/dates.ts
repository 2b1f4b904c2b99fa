import type { Lang } from "../i18n";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * "2024-03-01" as people read it: 2024年3月1日 / 1 March 2024. Done by hand rather
 * than with Intl so the text is identical in Node, workerd and every browser.
 */
export function formatDate(iso: string, locale: Lang): string {
  const [y, m, d] = iso.split("-").map(Number);
  if (!y || !m || !d) return iso;
  return locale === "zh-CN" ? `${y}年${m}月${d}日` : `${d} ${MONTHS[m - 1]} ${y}`;
}
