import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { z } from "astro/zod";

// Only the fields the pages show: the portal's full schema is what the comparison measures.
export const collections = {
  notices: defineCollection({
    loader: glob({ pattern: "**/*.md", base: "./content/notices" }),
    schema: z.object({ title: z.string(), summary: z.string(), published: z.coerce.string() }),
  }),
};
