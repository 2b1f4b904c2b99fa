/** Bindings of the Worker, as declared in wrangler.toml. */
export interface Bindings {
  DB: D1Database;
  ASSETS: Fetcher;
  /** Uploaded product pictures (functions/produce/images.ts), served at /media/. */
  MEDIA: R2Bucket;
  /**
   * New-order e-mails to cooperatives (functions/produce/order-mail.ts). Optional:
   * without the binding orders are announced only in the dashboard.
   */
  MAIL?: SendEmail;
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
