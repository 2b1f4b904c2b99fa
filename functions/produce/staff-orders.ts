import { z } from "zod";
import { conflictProblem, notFoundProblem } from "../accounts/problems";
import type { SessionAccount } from "../accounts/sessions";
import { auditStatement } from "../db/audit";
import type { OrderStatus } from "../db/schema";
import { GUARD, guard, violated } from "../lib/constraints";
import { type MessageKey, message } from "../lib/messages";
import { normaliseReference } from "../lib/tokens";
import { CANCELLABLE_BY, TRANSITIONS } from "./checkout";
import { type CoopOrder, orderInScope } from "./coop-ops";
import { cancelStatements, transitionStatements } from "./order-writes";

/**
 * A cooperative moves its orders along: confirm, ready for collection (pickup)
 * or shipped with a tracking number (delivery), completed, or cancelled with a
 * reason (stock comes back). The status the page showed is checked again inside
 * the batch, so two people pressing buttons at once make one change.
 */
export const ORDER_STEPS = ["confirm", "ready", "ship", "complete", "cancel"] as const;
export type OrderStep = (typeof ORDER_STEPS)[number];

const TARGET: Record<OrderStep, OrderStatus> = {
  confirm: "confirmed",
  ready: "ready",
  ship: "shipped",
  complete: "completed",
  cancel: "cancelled",
};

export const StepRequests: Record<OrderStep, z.ZodType> = {
  confirm: z.object({}),
  ready: z.object({}),
  complete: z.object({}),
  ship: z.object({
    tracking: z
      .string({ error: "dash.tracking" })
      .trim()
      .min(1, { error: "dash.tracking" })
      .max(60, { error: "dash.tracking" }),
  }),
  cancel: z.object({
    reason: z
      .string({ error: "dash.cancelReason" })
      .trim()
      .min(1, { error: "dash.cancelReason" })
      .max(200, { error: "dash.cancelReason" }),
  }),
};

/** Which steps an order can take now (also used by the page to show only those buttons). */
export function stepsFor(order: Pick<CoopOrder, "status" | "fulfilment">): OrderStep[] {
  return ORDER_STEPS.filter((step) => {
    const to = TARGET[step];
    if (step === "cancel") return (CANCELLABLE_BY.cooperative as readonly string[]).includes(order.status);
    if (!(TRANSITIONS[order.status] as readonly string[]).includes(to)) return false;
    if (step === "ready") return order.fulfilment === "pickup";
    if (step === "ship") return order.fulfilment === "delivery";
    return true;
  });
}

function refused(order: CoopOrder, step: OrderStep) {
  const wrongMethod = (step === "ready" || step === "ship") && order.status === "confirmed";
  if (wrongMethod) return conflictProblem("wrong-fulfilment", "dash.orderMethod");
  return conflictProblem("wrong-status", "dash.orderStep", (lang) => ({
    status: message(lang, `dash.orderStatus.${order.status}` as MessageKey),
  }));
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
  const to = TARGET[step];
  const actor = account.role === "admin" ? "county" : "cooperative";
  const note = step === "ship" ? (input.tracking ?? null) : step === "cancel" ? (input.reason ?? null) : null;
  try {
    await d1.batch([
      guard(d1, "NOT EXISTS (SELECT 1 FROM orders WHERE id = ? AND status = ?)", order.id, order.status),
      auditStatement(d1, {
        actorId: account.id,
        action: `order.${step}`,
        targetType: "order",
        targetId: order.reference,
        beforeSql: { sql: "SELECT json_object('status', status) FROM orders WHERE id = ?", params: [order.id] },
        after: { status: to, ...(note ? { note } : {}) },
      }),
      ...(step === "cancel"
        ? cancelStatements(d1, order.id, [order.status], actor, note)
        : transitionStatements(d1, order.id, order.status, to, actor, note)),
    ]);
  } catch (error) {
    if (violated(error, GUARD)) {
      throw refused((await orderInScope(d1, account, order.reference)) ?? order, step);
    }
    throw error;
  }
  return { reference: order.reference, cooperative: order.cooperativeId, status: to };
}
