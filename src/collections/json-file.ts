import { defineCollection } from "astro:content";
import { readFile } from "node:fs/promises";
import type { z } from "zod";

/**
 * A collection from one JSON file of content/taxonomy/ that the Worker also reads:
 * loading it here checks it with the same schema, so a bad key or a missing field
 * fails the build naming the file and the field, before anything ships.
 */
export function jsonFileCollection(name: string, path: string, schema: z.ZodType<Record<string, unknown>>) {
  return defineCollection({
    loader: {
      name,
      load: async ({ store, parseData }) => {
        const parsed = schema.safeParse(JSON.parse(await readFile(path, "utf8")));
        if (!parsed.success) {
          const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`);
          throw new Error(`${path}: ${problems.join("; ")}`);
        }
        store.clear();
        for (const [id, entry] of Object.entries(parsed.data)) {
          store.set({ id, data: await parseData({ id, data: entry as Record<string, unknown> }) });
        }
      },
    },
  });
}
