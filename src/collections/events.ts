import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { eventSchema } from "../lib/events/schema";

/**
 * One folder per event, one Markdown file per language:
 * content/events/pear-blossom-2027/zh-CN.md and .../en.md. The folder name is the
 * event's address and calendar UID; the file name is the language.
 */
export const events = defineCollection({
  loader: glob({ pattern: "*/*.md", base: "./content/events" }),
  schema: eventSchema,
});
