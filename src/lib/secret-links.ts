import { normaliseReference, REFERENCE_PATTERN } from "@functions/lib/tokens";
import type { AstroGlobal } from "astro";

/**
 * DESIGN.md, "Secrets in links": the link in a message (or the lookup form) carries
 * a booking's or an order's token once. The page that checks it keeps it in a
 * short-lived HttpOnly cookie for that reference and moves the person to the same
 * address without it, so the token stays out of history, bookmarks, screenshots of
 * the address bar and every link the page makes (the language switch, reloads).
 */
type Kind = "booking" | "order" | "invite" | "letter";

/** Long enough for a day at the camp or the market; a shared phone forgets it by the evening. */
export const HELD_SECONDS = 6 * 3600;

function cookieName(kind: Kind, reference: string): string | null {
  const ref = normaliseReference(reference);
  return REFERENCE_PATTERN.test(ref) ? `portal_${kind}_${ref}` : null;
}

/** The token for a reference: from the address on first use, else from the cookie that use left. */
export function heldToken(Astro: AstroGlobal, kind: Kind, reference: string): string {
  const fromLink = (Astro.url.searchParams.get("token") ?? "").trim().slice(0, 64);
  if (fromLink) return fromLink;
  const name = cookieName(kind, reference);
  return name ? (Astro.cookies.get(name)?.value ?? "").slice(0, 64) : "";
}

/**
 * Once the token proved right: the redirect to the address without it, with the
 * cookie set; null when the address carries no token (already swapped).
 */
export function swapSecretLink(Astro: AstroGlobal, kind: Kind, reference: string, token: string): Response | null {
  const name = cookieName(kind, reference);
  if (!name || !Astro.url.searchParams.has("token")) return null;
  Astro.cookies.set(name, token, {
    path: "/",
    httpOnly: true,
    // Lax: the first request often comes from another app (SMS, mail), and its redirect must keep the cookie.
    sameSite: "lax",
    secure: Astro.url.protocol === "https:",
    maxAge: HELD_SECONDS,
  });
  const clean = new URL(Astro.url);
  clean.searchParams.delete("token");
  return Astro.redirect(`${clean.pathname}${clean.search}`, 303);
}
