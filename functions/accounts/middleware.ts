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
    assertEnrolled(c, account);
    c.set("account", account);
    c.header("cache-control", "no-store");
    return next();
  };
}

/**
 * In production an admin without a second factor may sign in, enrol it and sign out,
 * nothing else (second-factor.ts). The local demo and the tests do not require it.
 */
function assertEnrolled(c: Context<DashEnv>, account: SessionAccount): void {
  if (account.role !== "admin" || account.twoFactor || c.env.PORTAL_ENV !== "production") return;
  if (new URL(c.req.url).pathname.startsWith("/api/auth/")) return;
  throw new ProblemError(403, "second-factor-required", (lang) => ({
    detail: message(lang, "security.enrolRequired"),
  }));
}

/** How long a sign-in or a re-authentication counts as "just now" for handing out access. */
const REAUTH_MINUTES = 10;

function recentlyAuthenticated(account: SessionAccount, now: Date = new Date()): boolean {
  return account.reauthAt !== null && Date.parse(account.reauthAt) > now.getTime() - REAUTH_MINUTES * 60_000;
}

/**
 * Invitations and password resets hand out access: the admin must have typed the
 * password (and code) within the last 10 minutes. A form is sent to the confirm page,
 * which comes back to `next`.
 */
export function requireRecentAuth(): MiddlewareHandler<DashEnv> {
  return async (c, next) => {
    if (recentlyAuthenticated(c.var.account)) return next();
    if (isBrowserForm(c)) {
      const lang = requestLang(c.req.raw);
      const back = localePath(lang, "/dashboard/admin/accounts/");
      return c.redirect(`${localePath(lang, "/dashboard/confirm/")}?next=${encodeURIComponent(back)}`, 303);
    }
    throw new ProblemError(403, "reauth-required", (lang) => ({ detail: message(lang, "security.reauthRequired") }));
  };
}
