import { defineCollection } from "astro:content";
import { readFile } from "node:fs/promises";
import { workingDayFile } from "@functions/lib/working-days";

const PATH = "content/taxonomy/working-days.json";

/**
 * The holiday schedule that deadlines count working days by (content/taxonomy/working-days.json).
 * The Worker reads the same file; loading it here means a weekday marked as an adjusted
 * working day, a holiday ending before it starts or a bad date fails the build, naming the field.
 */
export const workingDays = defineCollection({
  loader: {
    name: "working-days",
    load: async ({ store, parseData }) => {
      const parsed = workingDayFile.safeParse(JSON.parse(await readFile(PATH, "utf8")));
      if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`);
        throw new Error(`${PATH}: ${problems.join("; ")}`);
      }
      store.clear();
      for (const [id, entry] of Object.entries(parsed.data)) {
        store.set({ id, data: await parseData({ id, data: entry }) });
      }
    },
  },
});
