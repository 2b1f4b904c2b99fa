import { database } from "../db/client";
import type { OrderStatus } from "../db/schema";
import { claimKey, isKeyConflict, type StoredResponse, storedResponse } from "../lib/idempotency";
import { type MessageKey, message } from "../lib/messages";
import { ProblemError } from "../lib/problem";
import { CANCELLABLE_BY } from "./checkout";
import { cancelStatements } from "./order-writes";
import { buyerOrder } from "./orders";
import type { Claim } from "./place-orders";

/** The order for a reference, if the token is its token; otherwise the same 404 for both cases. */
export async function authorisedOrder(d1: D1Database, reference: string, token: string) {
  const row = await buyerOrder(database(d1), reference, token);
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
export async function cancelByBuyer(
  d1: D1Database,
  reference: string,
  token: string,
  claim: Claim,
): Promise<StoredResponse> {
  const row = await authorisedOrder(d1, reference, token);
  if (!(CANCELLABLE_BY.buyer as readonly string[]).includes(row.status)) {
    const key = REFUSALS[row.status] ?? "orders.cancel.closed";
    throw new ProblemError(409, "order-not-cancellable", (lang) => ({ detail: message(lang, key) }));
  }
  const response = { status: 200, body: { reference, status: "cancelled", total: row.total } };
  try {
    await d1.batch([
      claimKey(d1, claim.scope, claim.key, claim.print, response),
      ...cancelStatements(d1, row.id, CANCELLABLE_BY.buyer, "buyer", null),
    ]);
    return response;
  } catch (error) {
    if (isKeyConflict(error)) {
      const winner = await storedResponse(d1, claim.scope, claim.key, claim.print);
      if (winner) return winner;
    }
    throw error;
  }
}
