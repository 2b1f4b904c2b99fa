import { defineCollection } from "astro:content";
import { readFile } from "node:fs/promises";
import { categoryFile } from "@functions/lib/categories";

const PATH = "content/taxonomy/categories.json";

/**
 * Product categories (content/taxonomy/categories.json). The Worker reads the same
 * file; loading it here means a key that is not a slug, a missing name or icon,
 * or an empty list fails the build with the file named, before anything ships.
 */
export const productCategories = defineCollection({
  loader: {
    name: "product-categories",
    load: async ({ store, parseData }) => {
      const parsed = categoryFile.safeParse(JSON.parse(await readFile(PATH, "utf8")));
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
