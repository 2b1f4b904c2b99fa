import { database } from "../db/client";
import type { OrderStatus } from "../db/schema";
import { type Claim, type Outcome, once } from "../lib/idempotency";
import { type MessageKey, message } from "../lib/messages";
import { ProblemError } from "../lib/problem";
import { CANCEL_KINDS, tellBuyer } from "./order-messages";
import { CANCELLABLE_BY, canCancel } from "./order-states";
import { cancelStatements } from "./order-writes";
import { orderForBuyer } from "./orders";

/** The order for a reference, if the token is its token; otherwise the same 404 for both cases. */
export async function authorisedOrder(d1: D1Database, reference: string, token: string) {
  const row = await orderForBuyer(database(d1), reference, token);
  if (!row) {
    throw new ProblemError(404, "order-not-found", (lang) => ({ detail: message(lang, "orders.notFound") }));
  }
  return row;
}

const REFUSALS: Partial<Record<OrderStatus, MessageKey>> = {
  confirmed: "orders.cancel.confirmed",
  cancelled: "orders.cancel.already",
};

/**
 * A buyer cancels before the cooperative confirms. The key claim, the status
 * change, the stock restore and the event are one batch: see cancelStatements.
 * Two cancellations racing with different keys both succeed as "cancelled",
 * and the stock comes back once.
 */
export async function cancelByBuyer(d1: D1Database, reference: string, token: string, claim: Claim): Promise<Outcome> {
  return once(d1, claim, async ({ claimKey }) => {
    const row = await authorisedOrder(d1, reference, token);
    if (!canCancel("buyer", row.status)) {
      const key = REFUSALS[row.status] ?? "orders.cancel.closed";
      throw new ProblemError(409, "order-not-cancellable", (lang) => ({ detail: message(lang, key) }));
    }
    const response = { status: 200, body: { reference, status: "cancelled", total: row.total } };
    await d1.batch([
      claimKey(response),
      ...cancelStatements(d1, row.id, CANCELLABLE_BY.buyer, "buyer", null),
      tellBuyer(d1, row.id, "cancelled", CANCEL_KINDS.buyer),
    ]);
    return response;
  });
}
