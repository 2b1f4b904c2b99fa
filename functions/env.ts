/** Bindings of the Worker, as declared in wrangler.toml. */
export interface Bindings {
  DB: D1Database;
  ASSETS: Fetcher;
  /** "production" on Cloudflare, "local" for the demo on one machine. */
  PORTAL_ENV?: string;
}

export interface AppEnv {
  Bindings: Bindings;
}
