import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

export const notices = defineCollection({
  loader: glob({ pattern: "**/*.md", base: "./content/notices" }),
  schema: z.object({ title: z.string() }),
});
