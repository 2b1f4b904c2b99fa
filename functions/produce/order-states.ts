import type { OrderStatus } from "../db/schema";

/**
 * The rules of an order's status, in one place: placed -> confirmed -> ready
 * for pickup / shipped -> completed, or cancelled. The API, the cooperative
 * dashboard and the buyer's order page all ask here. The writes check the
 * status again inside their batch (see order-writes.ts), so two people acting
 * at once move an order only once.
 */

type Fulfilment = "pickup" | "delivery";

/** Which statuses each status may move to. */
const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  placed: ["confirmed", "cancelled"],
  confirmed: ["ready", "shipped", "cancelled"],
  ready: ["completed"],
  shipped: ["completed"],
  completed: [],
  cancelled: [],
};

/** Buyers cancel online only before the cooperative confirms; cooperatives until the goods leave. */
export const CANCELLABLE_BY = {
  buyer: ["placed"],
  cooperative: ["placed", "confirmed"],
} as const satisfies Record<string, readonly OrderStatus[]>;

export type Canceller = keyof typeof CANCELLABLE_BY;

/** Orders still being handled: every status that can move on. */
export const OPEN_STATUSES = (Object.keys(TRANSITIONS) as OrderStatus[]).filter((s) => TRANSITIONS[s].length > 0);

export function canCancel(by: Canceller, status: OrderStatus): boolean {
  return (CANCELLABLE_BY[by] as readonly OrderStatus[]).includes(status);
}

/** "Ready for pickup" is for pickup orders, "shipped" for deliveries. */
function fitsFulfilment(to: OrderStatus, fulfilment: Fulfilment): boolean {
  if (to === "ready") return fulfilment === "pickup";
  if (to === "shipped") return fulfilment === "delivery";
  return true;
}

/** The steps a cooperative takes on its dashboard, each to one status. */
export const ORDER_STEPS = ["confirm", "ready", "ship", "complete", "cancel"] as const;
export type OrderStep = (typeof ORDER_STEPS)[number];

export const STEP_TARGET: Record<OrderStep, OrderStatus> = {
  confirm: "confirmed",
  ready: "ready",
  ship: "shipped",
  complete: "completed",
  cancel: "cancelled",
};

/** Which steps an order can take now (the dashboard shows only those buttons; the API refuses the rest). */
export function stepsFor(order: { status: OrderStatus; fulfilment: Fulfilment }): OrderStep[] {
  return ORDER_STEPS.filter((step) => {
    if (step === "cancel") return canCancel("cooperative", order.status);
    const to = STEP_TARGET[step];
    return TRANSITIONS[order.status].includes(to) && fitsFulfilment(to, order.fulfilment);
  });
}

/** A step the order's status allows but its fulfilment does not (ship a pickup order, ready a delivery). */
export function isWrongFulfilment(order: { status: OrderStatus; fulfilment: Fulfilment }, step: OrderStep): boolean {
  const to = STEP_TARGET[step];
  return TRANSITIONS[order.status].includes(to) && !fitsFulfilment(to, order.fulfilment);
}
