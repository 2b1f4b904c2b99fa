import type { BrowserContext, Page } from "playwright-core";
import { baseURL } from "./browser";

/** Demo accounts from functions/db/seed/staff.sql (local database only). */
export const OPERATOR = { email: "gajian@jinchuan.example", password: "jinchuan-demo-operator" };
export const ADMIN = { email: "admin@jinchuan.example", password: "jinchuan-demo-admin" };
export const COOPERATIVE = { email: "anning@jinchuan.example", password: "jinchuan-demo-cooperative" };

export function countyToday(offset = 0): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(
    new Date(Date.now() + offset * 86_400_000),
  );
}

/**
 * A guest's phone of its own: one phone may hold only a few pitches a night
 * (county.config.ts bookingLimits), and these tests share one database.
 */
const guestPhone = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

/** A booking made the way a guest's browser makes one, through the public API. */
export async function bookStay(unit: string, checkIn: string, name: string): Promise<string> {
  const res = await fetch(`${baseURL}/api/bookings`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": `browser-${crypto.randomUUID()}` },
    body: JSON.stringify({
      unit,
      checkIn,
      nights: 1,
      units: 1,
      guests: { adults: 2 },
      contact: { name, phone: guestPhone() },
    }),
  });
  if (res.status !== 201) throw new Error(`booking: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { reference: string }).reference;
}

/**
 * A phone number of its own for each test buyer: one phone may hold only a few open orders
 * (county.config.ts orderLimits), and every browser test shares one database.
 */
export const buyerPhone = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;

/** A visitor's order for pickup at the Gajian Lawn visitor centre, through the public API. */
export async function placeOrder(product: string, name: string, quantity = 1): Promise<string> {
  const res = await fetch(`${baseURL}/api/orders`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": `browser-${crypto.randomUUID()}` },
    body: JSON.stringify({
      items: [{ product, quantity }],
      fulfilment: { method: "pickup", point: "gajian-visitor-centre" },
      contact: { name, phone: buyerPhone() },
    }),
  });
  if (res.status !== 201) throw new Error(`order: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { orders: Array<{ reference: string }> }).orders[0]?.reference ?? "";
}

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, who: { email: string; password: string }, path = "/dashboard/login/") {
  if (path) await page.goto(path);
  await page.fill("#email", who.email);
  await page.fill("#password", who.password);
  await Promise.all([page.waitForURL((url) => !url.pathname.endsWith("/login/")), page.click("form.dash-form button")]);
}

/** The session cookie, for plain fetches that need one (Node's fetch has no cookie jar). */
export async function cookieHeader(who: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${baseURL}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(who),
  });
  if (res.status !== 204) throw new Error(`sign-in: ${res.status}`);
  return (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
}

export async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find((c) => c.name === "__Host-portal_session");
}
