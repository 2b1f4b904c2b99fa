import { defineCollection } from "astro:content";
import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { glob } from "astro/loaders";
import { impossibleDates } from "../lib/events/raw-dates";
import { eventSchema } from "../lib/events/schema";

/**
 * One folder per event, one Markdown file per language:
 * content/events/spring-festival-2027/zh-CN.md and .../en.md. The folder name is the
 * event's address and calendar UID; the file name is the language.
 */
const files = glob({ pattern: "*/*.md", base: "./content/events" });

export const events = defineCollection({
  loader: {
    name: "event-files",
    load: (context) =>
      files.load({
        ...context,
        parseData: async (entry) => {
          if (entry.filePath) {
            const [bad] = impossibleDates(await readFile(entry.filePath, "utf8"));
            if (bad) {
              const where = relative(process.cwd(), entry.filePath);
              throw new Error(`${where}:${bad.line}: field "${bad.field}": ${bad.value} is not a day in the calendar`);
            }
          }
          return context.parseData(entry);
        },
      }),
  },
  schema: eventSchema,
});
