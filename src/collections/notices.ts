import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { noticeSchema } from "./notice-schema";

/**
 * One Markdown file per language version: content/notices/zh-CN/<slug>.md and
 * content/notices/en/<slug>.md. The shared file name is what links the two
 * versions and becomes the address (/notices/<slug>/ and /en/notices/<slug>/).
 */
export const notices = defineCollection({
  // Keep the id exactly as the path reads ("zh-CN/orchard-support-2026"); the default
  // lower-cases it, which would hide the language folder's real name.
  loader: glob({
    pattern: "**/*.md",
    base: "./content/notices",
    generateId: ({ entry }) => entry.replace(/\.md$/, ""),
  }),
  schema: noticeSchema,
});
