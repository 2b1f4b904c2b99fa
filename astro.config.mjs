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
  // Scripts must be files: the Content-Security-Policy allows no inline script
  // but the hashed elder-mode bootstrap.
  vite: { build: { assetsInlineLimit: 0 } },
});
