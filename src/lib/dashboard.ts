import { env } from "cloudflare:workers";
import { SESSION_COOKIE, type SessionAccount, sessionAccount } from "@functions/accounts/sessions";
import type { AccountRole } from "@functions/db/schema";
import type { AstroGlobal } from "astro";
import { type Lang, localePath } from "../i18n";
import { notFoundResponse, onDemandLocale } from "./ondemand";

/**
 * The start of every dashboard page: never cached or indexed, the language from
 * the path, and the signed-in account (or a redirect to sign in, keeping the
 * address, e.g. the QR code's check-in link). A role that may not see the page
 * gets the same 404 as a page that does not exist.
 */
export type DashboardGate =
  | { response: Response }
  | { response?: undefined; locale: Lang; account: SessionAccount; allowed: boolean };

export function privatePage(Astro: AstroGlobal): void {
  Astro.response.headers.set("cache-control", "no-store");
  Astro.response.headers.set("x-robots-tag", "noindex, nofollow");
  Astro.response.headers.set("referrer-policy", "same-origin");
}

export async function dashboardGate(Astro: AstroGlobal, roles: AccountRole[] = []): Promise<DashboardGate> {
  privatePage(Astro);
  const locale = onDemandLocale(Astro.params.lang);
  if (!locale) return { response: notFoundResponse() };
  const account = await sessionAccount(env.DB, Astro.cookies.get(SESSION_COOKIE)?.value);
  if (!account) {
    const next = encodeURIComponent(Astro.url.pathname + Astro.url.search);
    return { response: Astro.redirect(`${localePath(locale, "/dashboard/login/")}?next=${next}`, 303) };
  }
  // In production an admin without a second factor goes to enrol it first (second-factor.ts).
  const enrol = localePath(locale, "/dashboard/two-factor/");
  if (
    account.role === "admin" &&
    !account.twoFactor &&
    env.PORTAL_ENV === "production" &&
    Astro.url.pathname !== enrol
  ) {
    return { response: Astro.redirect(enrol, 303) };
  }
  const allowed = roles.length === 0 || roles.includes(account.role);
  if (!allowed) Astro.response.status = 404;
  return { locale, account, allowed };
}

/** Where a dashboard form posts: the API, in the page's language (for messages and the redirect back). */
export function apiAction(locale: Lang, path: string): string {
  return `${path}?lang=${locale}`;
}

/** The page itself, as the `next` of its forms, without a previous `done` message. */
export function herePath(url: URL): string {
  const u = new URL(url);
  u.searchParams.delete("done");
  u.searchParams.delete("affected");
  return u.pathname + u.search;
}
