import type { Lang } from "../i18n";

/** Fills {name} placeholders in a UI string. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}

/** "Label: value" punctuation: a full-width colon in Chinese, colon and space in English. */
export function colon(locale: Lang): string {
  return locale === "zh-CN" ? "：" : ": ";
}

/** File sizes the way download links show them: 12.3 KB, 1.2 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
