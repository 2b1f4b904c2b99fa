import { z } from "zod";
import { conflictProblem, notFoundProblem } from "../accounts/problems";
import type { SessionAccount } from "../accounts/sessions";
import { auditedBatch } from "../db/audit";
import { GUARD, guard, violated } from "../lib/constraints";
import { singleLine } from "../lib/fields";
import { normaliseReference } from "../lib/tokens";
import { type CoopOrder, orderInScope } from "./coop-ops";
import { CANCEL_KINDS, tellBuyer } from "./order-messages";
import { isWrongFulfilment, type OrderStep, STEP_TARGET, stepsFor } from "./order-states";
import { cancelStatements, transitionStatements } from "./order-writes";
import { ORDER_STATUS_IN_TEXT } from "./status-labels";

/**
 * A cooperative moves its orders along: confirm, ready for collection (pickup)
 * or shipped with a tracking number (delivery), completed, or cancelled with a
 * reason (stock comes back). The status the page showed is checked again inside
 * the batch, so two people pressing buttons at once make one change.
 */
export const StepRequests: Record<OrderStep, z.ZodType> = {
  confirm: z.object({}),
  ready: z.object({}),
  complete: z.object({}),
  ship: z.object({
    tracking: singleLine({ error: "dash.tracking" })
      .min(1, { error: "dash.tracking" })
      .max(60, { error: "dash.tracking" }),
  }),
  cancel: z.object({
    reason: singleLine({ error: "dash.cancelReason" })
      .min(1, { error: "dash.cancelReason" })
      .max(200, { error: "dash.cancelReason" }),
  }),
};

function refused(order: CoopOrder, step: OrderStep) {
  if (isWrongFulfilment(order, step)) return conflictProblem("wrong-fulfilment", "dash.orderMethod");
  return conflictProblem("wrong-status", "dash.orderStep", (lang) => ({
    status: ORDER_STATUS_IN_TEXT[lang][order.status],
  }));
}

/** The buyer's text about a step, in the step's batch; completing an order tells nobody. */
function tellOfStep(d1: D1Database, orderId: number, step: OrderStep, note: string | null): D1PreparedStatement[] {
  if (step === "confirm") return [tellBuyer(d1, orderId, "confirmed", "order-confirmed")];
  if (step === "ready") return [tellBuyer(d1, orderId, "ready", "order-ready", { pickup: true })];
  if (step === "ship") return [tellBuyer(d1, orderId, "shipped", "order-shipped", { extra: { tracking: note ?? "" } })];
  if (step === "cancel") {
    return [tellBuyer(d1, orderId, "cancelled", CANCEL_KINDS.cooperative, { extra: { reason: note ?? "" } })];
  }
  return [];
}

export async function moveOrder(
  d1: D1Database,
  account: SessionAccount,
  reference: string,
  step: OrderStep,
  input: { tracking?: string; reason?: string },
) {
  const order = await orderInScope(d1, account, normaliseReference(reference));
  if (!order) throw notFoundProblem();
  if (!stepsFor(order).includes(step)) throw refused(order, step);
  const to = STEP_TARGET[step];
  const actor = account.role === "admin" ? "county" : "cooperative";
  const note = step === "ship" ? (input.tracking ?? null) : step === "cancel" ? (input.reason ?? null) : null;
  try {
    await auditedBatch(
      d1,
      {
        actorId: account.id,
        action: `order.${step}`,
        targetType: "order",
        targetId: order.reference,
        beforeSql: { sql: "SELECT json_object('status', status) FROM orders WHERE id = ?", params: [order.id] },
        after: { status: to, ...(note ? { note } : {}) },
      },
      [
        ...(step === "cancel"
          ? cancelStatements(d1, order.id, [order.status], actor, note)
          : transitionStatements(d1, order.id, order.status, to, actor, note)),
        ...tellOfStep(d1, order.id, step, note),
      ],
      [guard(d1, "NOT EXISTS (SELECT 1 FROM orders WHERE id = ? AND status = ?)", order.id, order.status)],
    );
  } catch (error) {
    if (violated(error, GUARD)) {
      throw refused((await orderInScope(d1, account, order.reference)) ?? order, step);
    }
    throw error;
  }
  return { reference: order.reference, cooperative: order.cooperativeId, status: to };
}
