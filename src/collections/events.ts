import { defineCollection } from "astro:content";
import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { glob } from "astro/loaders";
import { withDashboardStatus } from "../lib/events/dashboard-status";
import { impossibleDates } from "../lib/events/raw-dates";
import { type EventFrontMatter, eventSchema } from "../lib/events/schema";
import { readManagedEvents } from "./published-editions";

/**
 * One folder per event, one Markdown file per language:
 * content/events/spring-festival-2027/zh-CN.md and .../en.md. The folder name is the
 * event's address and calendar UID; the file name is the language.
 */
const files = glob({ pattern: "*/*.md", base: "./content/events" });

export const events = defineCollection({
  loader: {
    name: "event-files",
    load: async (context) => {
      await files.load({
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
      });
      // A status staff set in the dashboard replaces the file's (functions/events/), in both languages.
      for (const managed of readManagedEvents()) {
        for (const lang of ["zh-CN", "en"] as const) {
          // The glob loader lower-cases ids ("pear-blossom-2027/zh-cn").
          const id = `${managed.slug}/${lang}`.toLowerCase();
          const entry = context.store.get(id);
          if (!entry) continue;
          const data = withDashboardStatus(entry.data as EventFrontMatter, managed, lang);
          context.store.set({ ...entry, data, digest: context.generateDigest(JSON.stringify(data)) });
        }
      }
    },
  },
  schema: eventSchema,
});
