import { type Context, Hono } from "hono";
import { setCookie } from "hono/cookie";
import { z } from "zod";
import { database } from "../db/client";
import type { AppEnv } from "../env";
import { readBody, seeOther } from "../lib/forms";
import { fingerprint, idempotencyKey, storedResponse } from "../lib/idempotency";
import { localePath, requestLang } from "../lib/lang";
import { documented } from "../lib/openapi";
import { requireTokenSecret } from "../lib/tokens";
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
  },
});
documented({
  method: "get",
  path: "/api/orders/{reference}",
  summary: "An order, for the buyer holding its token",
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

/** Hidden form field carrying the idempotency key a page generated for its form. */
const KEY_FIELD = "idempotencyKey";

function formKey(value: unknown, isForm: boolean): unknown {
  return isForm && value && typeof value === "object" ? (value as Record<string, unknown>)[KEY_FIELD] : undefined;
}

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
    const { value, isForm } = await readBody(c);
    const key = idempotencyKey(c, formKey(value, isForm));
    const parsed = parseInput(CheckoutBody, isForm ? dropUnwantedFormLines(value) : value, lang);
    if (!parsed.ok) throw badRequest(parsed.errors);
    const secret = requireTokenSecret(c.env);
    const claim = { scope: "orders", key, print: await fingerprint("orders", parsed.data) };
    const stored =
      (await storedResponse(c.env.DB, claim.scope, key, claim.print)) ??
      (await placeOrders(c.env.DB, secret, parsed.data, lang, claim));
    const body = await withTokens(secret, stored.body as StoredCheckout);
    c.header("cache-control", "no-store");
    if (isForm) {
      handOverTokens(c, body);
      return seeOther(c, localePath(lang, "/orders/placed/"));
    }
    return c.json(body, 201);
  })
  .get("/:reference", validate("param", ReferenceParam), validate("query", TokenQuery), async (c) => {
    const { reference } = c.req.valid("param");
    const row = await authorisedOrder(c.env.DB, reference, c.req.valid("query").token);
    c.header("cache-control", "no-store");
    return c.json(await orderView(database(c.env.DB), row.id, requestLang(c.req.raw)));
  })
  .post("/:reference/cancel", validate("param", ReferenceParam), async (c) => {
    const lang = requestLang(c.req.raw);
    const { reference } = c.req.valid("param");
    const { value, isForm } = await readBody(c);
    const key = idempotencyKey(c, formKey(value, isForm));
    const parsed = parseInput(CancelBody, value, lang);
    if (!parsed.ok) throw badRequest(parsed.errors);
    const { token } = parsed.data;
    const scope = "orders.cancel";
    const claim = { scope, key, print: await fingerprint(scope, { reference, token }) };
    const stored =
      (await storedResponse(c.env.DB, scope, key, claim.print)) ??
      (await cancelByBuyer(c.env.DB, reference, token, claim));
    c.header("cache-control", "no-store");
    if (isForm) {
      const query = new URLSearchParams({ reference, token });
      return seeOther(c, `${localePath(lang, "/orders/")}?${query}`);
    }
    return c.json(stored.body as Record<string, unknown>, stored.status as 200);
  });
