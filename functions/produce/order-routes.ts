import { type Context, Hono } from "hono";
import { setCookie } from "hono/cookie";
import { z } from "zod";
import { database } from "../db/client";
import type { AppEnv } from "../env";
import { requestSource } from "../lib/client-address";
import { readBody, seeOther } from "../lib/forms";
import { claimFor } from "../lib/idempotency";
import { localePath, requestLang } from "../lib/lang";
import { documented } from "../lib/openapi";
import { presentedToken } from "../lib/presented-token";
import { THROTTLED_RESPONSE } from "../lib/source-limits";
import { requireTokenKeys } from "../lib/token-secret";
import { badRequest, parseInput, validate } from "../lib/validate";
import { authorisedOrder, cancelByBuyer } from "./cancel-order";
import { encodeHandover, HANDOVER_SECONDS, NEW_ORDERS_COOKIE } from "./order-handover";
import {
  CancelBody,
  CheckoutBody,
  CheckoutResponse,
  type CheckoutResponseBody,
  dropUnwantedFormLines,
  ReferenceParam,
  TokenQuery,
} from "./order-schemas";
import { orderView } from "./orders";
import { placeOrders, type StoredCheckout, withTokens } from "./place-orders";
import { orderLinks } from "./recovery";

documented({
  method: "post",
  path: "/api/orders",
  summary: "Place a checkout: one order per cooperative, all or nothing",
  tags: ["produce"],
  body: CheckoutBody,
  idempotent: true,
  responses: {
    201: { description: "Orders placed; each token is shown in this response only", schema: CheckoutResponse },
    400: { description: "Bad input, per-field messages" },
    409: { description: "A line is short, sold out, out of season or unavailable; nothing was ordered" },
    422: { description: "Idempotency-Key reused with another body" },
    429: THROTTLED_RESPONSE,
  },
});
documented({
  method: "get",
  path: "/api/orders/{reference}",
  summary: "An order, for the buyer holding its token: `Authorization: Bearer`, `X-Order-Token`, or `?token=`",
  tags: ["produce"],
  params: ReferenceParam,
  query: TokenQuery,
  responses: { 200: { description: "The order" }, 404: { description: "No order with this reference and token" } },
});
documented({
  method: "post",
  path: "/api/orders/{reference}/cancel",
  summary: "Cancel an order before the cooperative confirms it; its stock is restored",
  tags: ["produce"],
  params: ReferenceParam,
  body: CancelBody,
  idempotent: true,
  responses: {
    200: { description: "Cancelled", schema: z.object({ reference: z.string(), status: z.literal("cancelled") }) },
    404: { description: "No order with this reference and token" },
    409: { description: "Already confirmed, cancelled or completed" },
  },
});

/** See functions/produce/order-handover.ts. */
function handOverTokens(c: Context, body: CheckoutResponseBody) {
  setCookie(c, NEW_ORDERS_COOKIE, encodeHandover(body.orders), {
    path: "/",
    httpOnly: true,
    sameSite: "Strict",
    secure: new URL(c.req.url).protocol === "https:",
    maxAge: HANDOVER_SECONDS,
  });
}

export const ordersApi = new Hono<AppEnv>()
  .post("/", async (c) => {
    const lang = requestLang(c.req.raw);
    const body = await readBody(c);
    const parsed = parseInput(CheckoutBody, body.isForm ? dropUnwantedFormLines(body.value) : body.value, lang);
    if (!parsed.ok) throw badRequest(parsed.errors);
    const claim = await claimFor(c, "orders", body, parsed.data);
    const keys = requireTokenKeys(c.env);
    const source = await requestSource(c, keys.current);
    const stored = await placeOrders(c.env.DB, keys.current, parsed.data, source, lang, claim);
    const placed = await withTokens(c.env.DB, keys, stored.body as StoredCheckout, stored.replayed);
    c.header("cache-control", "no-store");
    if (body.isForm) {
      handOverTokens(c, placed);
      return seeOther(c, localePath(lang, "/orders/placed/"));
    }
    return c.json(placed, 201);
  })
  .get("/:reference", validate("param", ReferenceParam), async (c) => {
    const { reference } = c.req.valid("param");
    const parsed = parseInput(TokenQuery, { token: presentedToken(c) }, requestLang(c.req.raw));
    if (!parsed.ok) throw badRequest(parsed.errors);
    const row = await authorisedOrder(c.env.DB, reference, parsed.data.token);
    c.header("cache-control", "no-store");
    return c.json(await orderView(database(c.env.DB), row.id, requestLang(c.req.raw)));
  })
  .post("/:reference/cancel", validate("param", ReferenceParam), async (c) => {
    const lang = requestLang(c.req.raw);
    const { reference } = c.req.valid("param");
    const body = await readBody(c);
    const parsed = parseInput(CancelBody, body.value, lang);
    if (!parsed.ok) throw badRequest(parsed.errors);
    const { token } = parsed.data;
    const claim = await claimFor(c, "orders.cancel", body, { reference, token });
    const stored = await cancelByBuyer(c.env.DB, reference, token, claim);
    c.header("cache-control", "no-store");
    if (body.isForm) {
      return seeOther(c, orderLinks(reference, token, lang).page);
    }
    return c.json(stored.body as Record<string, unknown>, stored.status as 200);
  });
