import type { MiddlewareHandler } from "hono";

/** SHA-256 of BOOTSTRAP_SCRIPT (src/scripts/bootstrap.ts); checked by test/unit/csp.test.ts. */
export const BOOTSTRAP_HASH = "sha256-cfjahEBLgEownDQA6Xy+LF0QX/FzlIvvWdYtIZYB+uM=";

/**
 * The same policy is written into public/_headers for files served without the
 * Worker; test/unit/csp.test.ts keeps the two identical.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' '${BOOTSTRAP_HASH}'`,
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(self), geolocation=(), microphone=(), payment=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/**
 * Adds the security headers to every response the Worker produces, leaving any
 * a page set itself (the dashboard asks for a stricter Referrer-Policy).
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const missing = Object.entries(SECURITY_HEADERS).filter(([name]) => !c.res.headers.has(name));
    if (missing.length === 0) return;
    // Responses from the assets binding have immutable headers: copy when needed.
    let res = c.res;
    try {
      for (const [name, value] of missing) res.headers.set(name, value);
    } catch {
      res = new Response(res.body, res);
      for (const [name, value] of missing) res.headers.set(name, value);
      c.res = res;
    }
  };
}
