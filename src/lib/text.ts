import type { Locale } from "../i18n";

/** Fills {name} placeholders in a UI string. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}

/** "Label: value" punctuation: a full-width colon in Chinese, colon and space in English. */
export function colon(locale: Locale): string {
  return locale === "zh-CN" ? "：" : ": ";
}
