import type { MiddlewareHandler } from "hono";

/**
 * DESIGN.md, "Secrets in links": every page and API answer that carries or receives
 * a booking, order, invitation or session secret says `Referrer-Policy: no-referrer`,
 * so neither the address nor its origin travels to whatever the page links to.
 * Registered outside the general security headers so that it has the last word.
 */
const TOKEN_PATHS = [
  /^\/api\/(bookings|orders|auth|recover|letters)(\/|$)/,
  /^(\/en)?\/(visit\/booking|orders|find|letters|dashboard)(\/|$)/,
];

export const carriesTokens = (pathname: string) => TOKEN_PATHS.some((p) => p.test(pathname));

export function referrerPolicyNone(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!carriesTokens(new URL(c.req.url).pathname)) return;
    try {
      c.res.headers.set("Referrer-Policy", "no-referrer");
    } catch {
      // Responses from the assets binding have immutable headers.
      c.res = new Response(c.res.body, c.res);
      c.res.headers.set("Referrer-Policy", "no-referrer");
    }
  };
}
