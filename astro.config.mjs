// @ts-check
import cloudflare from "@astrojs/cloudflare";
import { defineConfig } from "astro/config";
import { county } from "./county.config.ts";

export default defineConfig({
  site: county.siteUrl,
  output: "static",
  trailingSlash: "always",
  // Sessions are ours (D1), not Astro's KV driver.
  session: false,
  adapter: cloudflare({ imageService: "passthrough" }),
  build: { format: "directory", inlineStylesheets: "never" },
  devToolbar: { enabled: false },
  prefetch: false,
  // Bundled <script>s must stay files: the CSP allows scripts from 'self' only, and
  // Vite would otherwise inline small ones (e.g. the cart island) into the page.
  vite: { build: { assetsInlineLimit: 0 } },
});
