import { z } from "zod";
import file from "../../content/taxonomy/categories.json";
import type { Lang } from "./lang";

/**
 * Product categories are content, not code: content/taxonomy/categories.json names
 * them, so a county selling other produce edits that file and nothing else. The
 * build checks the file with this schema (src/content.config.ts), and the Worker
 * checks every category it is sent against the same keys.
 */

const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const categoryEntry = z.strictObject({
  "zh-CN": z.string().trim().min(1).max(40),
  en: z.string().trim().min(1).max(60),
  /** A short symbol shown beside the name; decorative, so screen readers skip it. */
  icon: z.string().trim().min(1).max(8),
});

export const categoryFile = z
  .record(z.string().regex(KEY, { error: "a category key is lower-case words joined by hyphens" }), categoryEntry)
  .refine((all) => Object.keys(all).length > 0, { error: "name at least one category" });

type Category = z.output<typeof categoryEntry>;

const categories: Record<string, Category> = file;

/** Category keys in the file's order, which is the order lists show them in. */
export const CATEGORY_KEYS: readonly string[] = Object.keys(categories);

export function isCategory(key: string): boolean {
  return Object.hasOwn(categories, key);
}

export function categoryName(key: string, lang: Lang): string {
  return categories[key]?.[lang] ?? key;
}

export function categoryIcon(key: string): string {
  return categories[key]?.icon ?? "";
}

/**
 * A request field holding a category: one of the taxonomy's keys (listed as an enum
 * in the OpenAPI document), or a message in the person's language.
 */
export const categoryField = z.enum(CATEGORY_KEYS as [string, ...string[]], {
  error: (issue) => (issue.input === undefined ? "field.required" : "products.category.unknown"),
});
