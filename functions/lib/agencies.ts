import { z } from "zod";
import agencies from "../../content/taxonomy/agencies.json";
import type { Lang } from "./lang";

/**
 * The county's agencies (content/taxonomy/agencies.json): who publishes notices, who
 * answers letters, whom editors and reviewers work for. The build checks the file
 * (src/collections/notice-schema.ts uses the same keys).
 */
type Names = Record<string, { "zh-CN": string; en: string }>;

export const AGENCY_KEYS: readonly string[] = Object.keys(agencies);

export function agencyName(key: string | null, lang: Lang): string {
  return key ? ((agencies as Names)[key]?.[lang] ?? key) : "";
}

/** A request field naming an agency: one of the file's keys, or `message` in the person's language. */
export function agencyField(message: string, required = "field.required") {
  return z.enum(AGENCY_KEYS as [string, ...string[]], {
    error: (issue) => (issue.input === undefined || issue.input === "" ? required : message),
  });
}

/**
 * The agency's 18-character unified social credit code: the prefix of the 索引号 the
 * portal gives its notices ("creditCode" in agencies.json). Null when the file has none,
 * and then editors type the 索引号 themselves.
 */
export function agencyCreditCode(key: string): string | null {
  const code = (agencies as Record<string, { creditCode?: string }>)[key]?.creditCode;
  return code && /^[0-9A-Z]{18}$/.test(code) ? code : null;
}
