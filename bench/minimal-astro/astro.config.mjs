// @ts-check
// The smallest Astro site that builds the same Markdown as the portal: one collection,
// one page per file, no adapter. Only the build-scaling benchmark uses it; never shipped.
import { defineConfig } from "astro/config";

export default defineConfig({
  output: "static",
  trailingSlash: "always",
  build: { format: "directory" },
  devToolbar: { enabled: false },
});
