import { defineCollection } from "astro:content";
import { readFile } from "node:fs/promises";
import { townshipFile } from "@functions/letters/model";

const PATH = "content/taxonomy/townships.json";

/**
 * The county's townships (content/taxonomy/townships.json), offered on the letter form.
 * The Worker reads the same file; loading it here means a key that is not a slug or a
 * missing name fails the build with the file named.
 */
export const townships = defineCollection({
  loader: {
    name: "townships",
    load: async ({ store, parseData }) => {
      const parsed = townshipFile.safeParse(JSON.parse(await readFile(PATH, "utf8")));
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
