/** Bindings of the Worker, as declared in wrangler.toml. */
export interface Bindings extends PublishingBindings {
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
   * "1" where tests and benchmarks drive many client addresses through CF-Connecting-IP
   * (functions/lib/client-address.ts). Never set it in production, where Cloudflare sets
   * the header itself.
   */
  TRUST_CLIENT_ADDRESS_HEADER?: string;
  /**
   * Workers Rate Limiting ([[ratelimits]] in wrangler.toml): public writes per address and
   * per phone within a minute (functions/lib/source-limits.ts). Optional: without them only
   * the hourly budgets in D1 count.
   */
  ADDRESS_BURST?: RateLimit;
  PHONE_BURST?: RateLimit;
  /**
   * Derives booking and order tokens (functions/lib/tokens.ts). Set in production
   * with `wrangler secret put TOKEN_SECRET`; the local demo passes its own.
   */
  TOKEN_SECRET?: string;
  /**
   * The key TOKEN_SECRET replaced, while links made with it are still out there
   * (functions/lib/token-secret.ts): it still re-derives them, never makes new ones.
   */
  TOKEN_SECRET_PREVIOUS?: string;
  /**
   * Aliyun SMS (functions/messages/aliyun-sms.ts). Without the key pair, sign name
   * and a template code for a message's kind, nothing is sent: the outbox becomes
   * the staff's call list. Set the secret with `wrangler secret put`.
   */
  ALIYUN_SMS_ACCESS_KEY_ID?: string;
  ALIYUN_SMS_ACCESS_KEY_SECRET?: string;
  /** The approved signature (签名) shown in front of every text, e.g. the county government's name. */
  ALIYUN_SMS_SIGN_NAME?: string;
  /** JSON of template codes by kind and language: {"recovery:zh-CN": "SMS_1234", "recovery:en": "SMS_5678"}. */
  ALIYUN_SMS_TEMPLATES?: string;
  /** Defaults to https://dysmsapi.aliyuncs.com/; tests point it at a local server. */
  ALIYUN_SMS_ENDPOINT?: string;
}

/**
 * Publishing (functions/publishing/): the latest publication's number, so the Worker can
 * tell without D1 whether its static notice pages are current (live.ts). Optional:
 * without it each notice page asks D1.
 */
interface PublishingBindings {
  PUBLISHING?: KVNamespace;
  /** The Workers Builds deploy hook of the production branch (a secret): a POST starts a rebuild. */
  DEPLOY_HOOK_URL?: string;
}

export interface AppEnv {
  Bindings: Bindings;
}
