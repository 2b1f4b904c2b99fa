/** Bindings of the Worker, as declared in wrangler.toml. */
export interface Bindings {
  DB: D1Database;
  ASSETS: Fetcher;
  /** Uploaded product pictures (functions/dashboard/images.ts), served at /media/. */
  MEDIA: R2Bucket;
  /** "production" on Cloudflare, "local" for the demo on one machine. */
  PORTAL_ENV?: string;
  /**
   * Derives booking and order tokens (functions/lib/tokens.ts). Set in production
   * with `wrangler secret put TOKEN_SECRET`; the local demo passes its own.
   */
  TOKEN_SECRET?: string;
}

export interface AppEnv {
  Bindings: Bindings;
}
