import { database } from "../db/client";
import type { OrderStatus } from "../db/schema";
import { CANCELLABLE_BY, TRANSITIONS } from "./checkout";
import { cancelStatements, transitionStatements } from "./order-writes";
import { findOrderRow } from "./orders";

/**
 * How a cooperative moves its orders along: placed -> confirmed -> ready for
 * pickup / shipped -> completed, or cancelled with a reason. The cooperative
 * dashboard (behind login) calls these; every step is guarded in SQL by the
 * status it expects, so two staff clicking at once move an order only once.
 */
export type Step = Exclude<OrderStatus, "placed" | "cancelled">;

export type StepResult = "done" | "not-found" | "not-allowed" | "changed-meanwhile";

export async function advanceOrder(d1: D1Database, reference: string, to: Step, note: string | null = null) {
  const row = await findOrderRow(database(d1), reference);
  if (!row) return "not-found" satisfies StepResult;
  const allowed: readonly string[] = TRANSITIONS[row.status];
  if (!allowed.includes(to) || !fitsFulfilment(to, row.fulfilment)) return "not-allowed" satisfies StepResult;
  const [update] = await d1.batch(transitionStatements(d1, row.id, row.status, to, "cooperative", note));
  return (update?.meta.changes === 1 ? "done" : "changed-meanwhile") satisfies StepResult;
}

/** "Ready for pickup" is for pickup orders, "shipped" for deliveries. */
function fitsFulfilment(to: Step, fulfilment: "pickup" | "delivery"): boolean {
  if (to === "ready") return fulfilment === "pickup";
  if (to === "shipped") return fulfilment === "delivery";
  return true;
}

/** A cooperative may cancel until the goods leave, and must say why; the stock comes back once. */
export async function cancelByCooperative(d1: D1Database, reference: string, reason: string): Promise<StepResult> {
  const row = await findOrderRow(database(d1), reference);
  if (!row) return "not-found";
  if (!(CANCELLABLE_BY.cooperative as readonly string[]).includes(row.status) || !reason.trim()) return "not-allowed";
  const [, update] = await d1.batch(cancelStatements(d1, row.id, CANCELLABLE_BY.cooperative, "cooperative", reason));
  return update?.meta.changes === 1 ? "done" : "changed-meanwhile";
}
