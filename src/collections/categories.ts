import { categoryFile } from "@functions/lib/categories";
import { jsonFileCollection } from "./json-file";

/** Product categories (content/taxonomy/categories.json), checked as the Worker checks them. */
export const productCategories = jsonFileCollection(
  "product-categories",
  "content/taxonomy/categories.json",
  categoryFile,
);
