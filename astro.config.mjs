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
  // The Content-Security-Policy allows no inline scripts: small bundled scripts must
  // stay files too, or Vite would inline them into the page and the browser would block them.
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
  prefetch: false,
});
