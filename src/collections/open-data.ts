import { defineCollection } from "astro:content";
import { glob } from "astro/loaders";
import { datasetSchema } from "./open-data-schema";

/** The county's figures, one JSON file per dataset; the file name is the download's name. */
export const openData = defineCollection({
  loader: glob({ pattern: "*.json", base: "./content/open-data" }),
  schema: datasetSchema,
});
