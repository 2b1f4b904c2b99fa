import { database } from "../db/client";
import { failedConstraint } from "../lib/constraints";
import { type Claim, isKeyConflict, type Outcome, once, type StoredResponse, type Write } from "../lib/idempotency";
import type { Lang } from "../lib/lang";
import { message, messageWith } from "../lib/messages";
import { normalisePhone } from "../lib/phone";
import { ProblemError } from "../lib/problem";
import { derivedToken, newReference, secretToken, sha256Hex, type TokenKeys } from "../lib/tokens";
import { badRequest, type FieldError } from "../lib/validate";
import { lineMessage, type Plan, planCheckout } from "./checkout";
import { hoursToConfirm, isHeld, phoneLimitGuards, refuseOverPhoneLimits } from "./order-limits";
import type { CheckoutInput, CheckoutResponseBody } from "./order-schemas";
import { type NewOrder, type OrderDetails, placeOrderStatements } from "./order-writes";
import { orderableRows, pickupPoint } from "./orders";
import { countyMonth } from "./season";

/**
 * Places a checkout: one read to decide, then one D1 batch that claims the
 * idempotency key and writes every cooperative's order, lines, events and
 * stock decrements, or nothing. When the batch fails on a guard (another buyer
 * took the last jar a moment ago), read again to say which lines are short;
 * if the read finds nothing wrong (e.g. stock came back), try again.
 */
const ATTEMPTS = 3;

/** The body without tokens: this is what the idempotency row keeps. */
export type StoredCheckout = Omit<CheckoutResponseBody, "orders"> & {
  orders: Array<Omit<CheckoutResponseBody["orders"][number], "token">>;
};

export async function placeOrders(
  d1: D1Database,
  secret: string,
  input: CheckoutInput,
  source: OrderDetails["source"],
  lang: Lang,
  claim: Claim,
): Promise<Outcome> {
  return once(d1, claim, ({ claimKey }) => placeOnce(d1, secret, input, source, lang, claimKey));
}

async function placeOnce(
  d1: D1Database,
  secret: string,
  input: CheckoutInput,
  source: OrderDetails["source"],
  lang: Lang,
  claimKey: Write["claimKey"],
): Promise<StoredResponse> {
  const db = database(d1);
  const ids = input.items.map((i) => i.product);
  const phoneKey = normalisePhone(input.contact.phone);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const [rows, point] = await Promise.all([
      orderableRows(db, ids),
      input.fulfilment.method === "pickup" ? pickupPoint(db, input.fulfilment.point) : undefined,
    ]);
    const plan = planCheckout(input.items, rows, countyMonth());
    refuseBadInput(plan, point, input, lang);
    if (plan.problems.length) throw unavailable(plan, rows);
    await refuseOverPhoneLimits(d1, phoneKey, input.items, plan.orders, rows);

    const placed = await Promise.all(
      plan.orders.map(async (order): Promise<NewOrder> => {
        const reference = newReference();
        const held = isHeld(order);
        const tokenHash = await sha256Hex(await secretToken(secret, "order", reference));
        return { plan: order, reference, tokenHash, held, hoursToConfirm: hoursToConfirm(held) };
      }),
    );
    const response = { status: 201, body: storedBody(placed, lang) };
    const details: OrderDetails = { ...input, checkout: crypto.randomUUID(), lang, phoneKey, source };
    const statements = [
      claimKey(response),
      ...placed.flatMap((order) => placeOrderStatements(d1, order, details)),
      ...phoneLimitGuards(d1, phoneKey, ids),
    ];
    try {
      await d1.batch(statements);
      return response;
    } catch (error) {
      // A racing request with the same key is once()'s to answer; a refused guard means read again.
      if (isKeyConflict(error) || failedConstraint(error) === null) throw error;
    }
  }
  throw new ProblemError(409, "order-conflict", (l) => ({ detail: message(l, "orders.busy") }));
}

function storedBody(placed: NewOrder[], lang: Lang): StoredCheckout {
  const orders = placed.map(({ plan, reference, held }) => ({
    reference,
    held,
    cooperative: plan.cooperative,
    cooperativeName: plan.cooperativeName[lang],
    total: plan.total,
    status: "placed" as const,
    lines: plan.lines,
  }));
  return { orders, total: orders.reduce((sum, o) => sum + o.total, 0) };
}

/**
 * Adds each order's token, derived again from its reference (only hashes are stored).
 * A replay after TOKEN_SECRET was replaced hands back the token the order was made with.
 */
export async function withTokens(
  d1: D1Database,
  keys: TokenKeys,
  body: StoredCheckout,
  replayed: boolean,
): Promise<CheckoutResponseBody> {
  const stored = async (reference: string) =>
    replayed
      ? await d1
          .prepare("SELECT token_hash FROM orders WHERE reference = ?")
          .bind(reference)
          .first<string>("token_hash")
      : null;
  const orders = await Promise.all(
    body.orders.map(async (o) => ({
      ...o,
      token: await derivedToken(keys, "order", o.reference, await stored(o.reference)),
    })),
  );
  return { ...body, orders };
}

/** Unknown products and unusable pickup points are mistakes in the request: 400, not 409. */
function refuseBadInput(plan: Plan, point: Awaited<ReturnType<typeof pickupPoint>>, input: CheckoutInput, lang: Lang) {
  const errors: FieldError[] = plan.problems
    .filter((p) => p.reason === "unknown")
    .map((p) => ({ field: `items.${p.index}.product`, message: message(lang, "orders.line.unknown") }));
  if (input.fulfilment.method === "pickup") {
    const field = "fulfilment.point";
    if (!point?.active) {
      errors.push({ field, message: message(lang, "orders.point.unknown") });
    } else if (point.cooperativeId) {
      if (plan.orders.some((o) => o.cooperative !== point.cooperativeId)) {
        const name = lang === "en" ? point.nameEn : point.nameZh;
        errors.push({ field, message: messageWith(lang, "orders.point.wrongCooperative", { point: name }) });
      }
    }
  }
  if (errors.length) throw badRequest(errors);
}

function unavailable(plan: Plan, rows: Awaited<ReturnType<typeof orderableRows>>): ProblemError {
  return new ProblemError(409, "order-unavailable", (l) => ({
    detail: message(l, "orders.unavailable.detail"),
    errors: plan.problems.map((p) => ({
      field: `items.${p.index}.quantity`,
      message: lineMessage(l, p, rows.get(p.product)),
    })),
    lines: plan.problems.map(({ index, product, reason, available }) => ({ index, product, reason, available })),
  }));
}
