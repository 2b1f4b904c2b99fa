import { defineCollection } from "astro:content";
import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { glob } from "astro/loaders";
import { renderNoticeBody } from "../../functions/publishing/render";
import { withDashboardStatus } from "../lib/events/dashboard-status";
import { impossibleDates } from "../lib/events/raw-dates";
import { type EventFrontMatter, eventSchema } from "../lib/events/schema";
import { englishProblems } from "./english-problems";
import { readManagedEvents, readManagedSessions, readPublishedEventEditions } from "./published-editions";

/**
 * One folder per event, one Markdown file per language:
 * content/events/spring-festival-2027/zh-CN.md and .../en.md. The folder name is the
 * event's address and calendar UID; the file name is the language.
 * Next to the files, what staff did in the dashboard (read from D1, published-editions.ts):
 * an event edition replaces the files of its address (both languages; its body rendered
 * by the dashboard's safe renderer), and an event whose sessions staff manage shows its
 * status and sessions as D1 has them.
 */
const files = glob({ pattern: "*/*.md", base: "./content/events" });
const LANGS = ["zh-CN", "en"] as const;

export const events = defineCollection({
  loader: {
    name: "event-files-and-editions",
    load: async (context) => {
      await files.load({
        ...context,
        parseData: async (entry) => {
          if (entry.filePath) {
            const where = relative(process.cwd(), entry.filePath);
            const [bad] = impossibleDates(await readFile(entry.filePath, "utf8"));
            if (bad)
              throw new Error(`${where}:${bad.line}: field "${bad.field}": ${bad.value} is not a day in the calendar`);
            const problems = englishProblems(entry.data, eventSchema);
            if (problems.length > 0) throw new Error(`${where}:\n  ${problems.join("\n  ")}`);
          }
          return context.parseData(entry);
        },
      });
      for (const edition of readPublishedEventEditions()) {
        for (const lang of LANGS) {
          // The glob loader lower-cases ids ("pear-blossom-2027/zh-cn").
          context.store.delete(`${edition.slug}/${lang}`.toLowerCase());
          const version = edition.versions[lang];
          if (!version) continue;
          const id = `editions/${edition.id}/${edition.slug}/${lang}`;
          const problems = englishProblems(version.frontMatter, eventSchema);
          if (problems.length > 0)
            throw new Error(`D1 event_editions #${edition.id} (${lang}):\n  ${problems.join("\n  ")}`);
          const data = await context.parseData({ id, data: version.frontMatter });
          context.store.set({
            id,
            data: { ...data, edition: { id: edition.id, seq: edition.seq } },
            body: version.body,
            rendered: { html: renderNoticeBody(version.body) },
            digest: context.generateDigest(`${edition.id}:${edition.seq}`),
          });
        }
      }
      const managed = readManagedEvents();
      const sessions = readManagedSessions();
      for (const entry of context.store.values()) {
        const slug = entry.id.split("/").at(-2) ?? "";
        const lang = entry.id.toLowerCase().endsWith("/en") ? "en" : "zh-CN";
        const record = managed.find((m) => m.slug === slug);
        if (!record) continue;
        let data = withDashboardStatus(entry.data as EventFrontMatter, record, lang);
        // The sessions staff keep in the dashboard are the event's sessions now (dated as they moved them).
        const held = sessions.filter((s) => s.event === slug);
        data = { ...data, slots: held.map(({ event: _e, title, ...s }) => ({ ...s, title: title[lang] })) };
        context.store.set({ ...entry, data, digest: context.generateDigest(JSON.stringify(data)) });
      }
    },
  },
  schema: eventSchema,
});
