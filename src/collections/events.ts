import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

export const events = defineCollection({
  loader: glob({ pattern: "**/*.md", base: "./content/events" }),
  schema: z.object({ title: z.string() }),
});
