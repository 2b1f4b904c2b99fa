import type { Context, MiddlewareHandler } from "hono";
import type { AccountRole } from "../db/schema";
import type { AppEnv } from "../env";
import { isBrowserForm, isSameOriginFetch } from "../lib/forms";
import { localePath, requestLang } from "../lib/lang";
import { message } from "../lib/messages";
import { ProblemError } from "../lib/problem";
import { notFoundProblem } from "./problems";
import { type SessionAccount, sessionAccount, tokenFromCookies } from "./sessions";

export interface DashEnv extends AppEnv {
  Variables: { account: SessionAccount };
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF, first layer for cookie-authenticated writes whatever their content type:
 * a browser says where a request comes from (Sec-Fetch-Site, Origin) and a
 * cross-site one is refused before anything is read. readBody() checks form
 * posts again; SameSite=Lax on the cookie is the second layer.
 */
export function assertNotCrossSite(c: Context): void {
  if (SAFE.has(c.req.method)) return;
  const site = c.req.header("sec-fetch-site");
  const origin = c.req.header("origin");
  const self = new URL(c.req.url).origin;
  // `Origin: null` is an opaque origin, not this site (see isSameOriginFetch).
  const opaque = origin === "null" && !isSameOriginFetch(c);
  if (site === "cross-site" || site === "same-site" || opaque || (origin && origin !== "null" && origin !== self)) {
    throw new ProblemError(403, "cross-site", (lang) => ({ detail: message(lang, "problem.crossSite") }));
  }
}

/**
 * Every dashboard route: a live session, and a role allowed here. Another role
 * gets the same 404 as a path that does not exist.
 */
export function requireAccount(...roles: AccountRole[]): MiddlewareHandler<DashEnv> {
  return async (c, next) => {
    assertNotCrossSite(c);
    // Several of these may match one path (a role check, then the catch-all): look the session up once.
    const account = c.get("account") ?? (await sessionAccount(c.env.DB, tokenFromCookies(c.req.header("cookie"))));
    if (!account) {
      // A form whose session ended: back to the sign-in page rather than an error page.
      if (isBrowserForm(c)) return c.redirect(localePath(requestLang(c.req.raw), "/dashboard/login/?expired=1"), 303);
      throw new ProblemError(401, "sign-in-required", (lang) => ({ detail: message(lang, "auth.required") }));
    }
    if (roles.length > 0 && !roles.includes(account.role)) throw notFoundProblem();
    c.set("account", account);
    c.header("cache-control", "no-store");
    return next();
  };
}
