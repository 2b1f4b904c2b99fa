import type { AstroGlobal } from "astro";
import { type CartItem, cartFromQuery, cartQuery } from "./produce";

/**
 * The cart of a browser without JavaScript. With the cart script the cart lives
 * in localStorage and travels in the checkout URL (?item=...); without it, each
 * product page's form opens /cart/?product=...&quantity=..., which used to
 * replace the cart with that one product. This cookie keeps every line: the
 * cart page adds the product to it and redirects to /cart/, and the
 * confirmation page empties it once the order is placed.
 */
const CART_COOKIE = "portal_cart";
export const CART_DAYS = 7;

export function cookieCart(Astro: AstroGlobal): CartItem[] {
  const raw = Astro.cookies.get(CART_COOKIE)?.value;
  return raw ? cartFromQuery(new URLSearchParams(raw)) : [];
}

/** Adds `adding` to the cart in the cookie (quantities of a product already there add up). */
export function addToCookieCart(Astro: AstroGlobal, adding: CartItem[]): void {
  const lines = cookieCart(Astro);
  for (const item of adding) {
    const line = lines.find((l) => l.product === item.product);
    if (line) line.quantity = Math.min(99, line.quantity + item.quantity);
    else lines.push(item);
  }
  const kept = cartFromQuery(new URLSearchParams(cartQuery(lines)));
  Astro.cookies.set(CART_COOKIE, cartQuery(kept), {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: Astro.url.protocol === "https:",
    maxAge: CART_DAYS * 86_400,
  });
}

export function emptyCookieCart(Astro: AstroGlobal): void {
  Astro.cookies.delete(CART_COOKIE, { path: "/" });
}
