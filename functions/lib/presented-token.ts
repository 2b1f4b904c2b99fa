import type { Context } from "hono";

/**
 * A booking's or order's token as the caller presented it: `Authorization: Bearer`,
 * `X-Booking-Token` / `X-Order-Token`, or (the public contract, kept) `?token=`.
 * A header keeps the secret out of the address, and so out of Workers' request logs
 * and any Referer.
 */
export function presentedToken(c: Context): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
  return bearer ?? c.req.header("x-booking-token") ?? c.req.header("x-order-token") ?? c.req.query("token");
}
