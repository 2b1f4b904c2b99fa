import type { MiddlewareHandler } from "hono";

/**
 * DESIGN.md, "Secrets in links": every API answer that carries or receives a booking,
 * order, invitation or session secret, and every page whose address carries one (the
 * first hop of a link, which swaps the token for a cookie: src/lib/secret-links.ts),
 * says `Referrer-Policy: no-referrer`, so the secret never travels in a Referer.
 * The clean pages after the swap keep the general policy: their forms need the
 * same-origin Origin and Referer that no-referrer would blank (functions/lib/forms.ts).
 * Registered outside the general security headers so that it has the last word.
 */
const TOKEN_API = /^\/api\/(bookings|orders|auth|recover|letters)(\/|$)/;

function carriesTokens(url: URL): boolean {
  return TOKEN_API.test(url.pathname) || url.searchParams.has("token");
}

export function referrerPolicyNone(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!carriesTokens(new URL(c.req.url))) return;
    try {
      c.res.headers.set("Referrer-Policy", "no-referrer");
    } catch {
      // Responses from the assets binding have immutable headers.
      c.res = new Response(c.res.body, c.res);
      c.res.headers.set("Referrer-Policy", "no-referrer");
    }
  };
}
