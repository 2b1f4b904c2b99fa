import { z } from "zod";
import { county } from "../../county.config";
import { ORDER_STATUSES } from "../db/schema";
import { multiLine, Phone, singleLine } from "../lib/fields";
import { normaliseReference, REFERENCE_PATTERN } from "../lib/tokens";

/**
 * Request and response shapes for orders. One schema serves JSON and HTML
 * forms: numbers are coerced because a form sends every value as text.
 * Messages are keys in functions/lib/messages.ts.
 */
const limits = county.orderLimits;

const text = (max: number) => singleLine().min(1, "field.required").max(max, "orders.text.tooLong");

export const ProductId = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, "orders.product");

const OrderItem = z.object({
  product: ProductId,
  quantity: z.coerce
    .number({ error: "orders.quantity" })
    .int("orders.quantity")
    .min(1, "orders.quantity")
    .max(limits.maxUnitsPerLine, "orders.quantity.max"),
});

const Address = z.object({
  province: text(20),
  city: text(30),
  district: text(30),
  line: text(120),
  postcode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "orders.postcode")
    .optional(),
});

const Fulfilment = z.discriminatedUnion(
  "method",
  [
    z.object({ method: z.literal("pickup"), point: singleLine({ error: "orders.point" }).min(1, "orders.point") }),
    z.object({ method: z.literal("delivery"), address: Address }),
  ],
  { error: "orders.method" },
);

const Contact = z.object({
  name: text(40),
  phone: Phone,
  email: z.email("orders.email").max(100, "orders.text.tooLong").optional(),
});

export const CheckoutBody = z.object({
  items: z
    .array(OrderItem, { error: "orders.items.empty" })
    .min(1, "orders.items.empty")
    .max(limits.maxLines, "orders.items.tooMany")
    .superRefine((items, ctx) => {
      const units = items.reduce((sum, item) => sum + item.quantity, 0);
      if (units > limits.maxUnitsPerCheckout) {
        ctx.addIssue({
          code: "too_big",
          origin: "number",
          maximum: limits.maxUnitsPerCheckout,
          message: "orders.items.tooManyUnits",
        });
      }
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(item.product)) {
          ctx.addIssue({ code: "custom", path: [i, "product"], message: "orders.items.duplicate" });
        }
        seen.add(item.product);
      });
    }),
  fulfilment: Fulfilment,
  contact: Contact,
  notes: multiLine().max(200, "orders.text.tooLong").optional(),
});
export type CheckoutInput = z.output<typeof CheckoutBody>;

/**
 * A checkout form lists every product with a quantity box: an empty or zero
 * box means "not this one", so those lines are dropped before validation.
 */
export function dropUnwantedFormLines(value: unknown): unknown {
  if (!value || typeof value !== "object") return value;
  const body = value as Record<string, unknown>;
  if (!Array.isArray(body.items)) return value;
  const items = body.items.filter((item) =>
    isWantedFormQuantity((item as Record<string, unknown> | undefined)?.quantity),
  );
  return { ...body, items };
}

/** An empty or zero quantity box on the checkout form: that line is left out (its errors number the others). */
export function isWantedFormQuantity(q: unknown): boolean {
  return !(q === undefined || q === "" || (typeof q === "string" && /^\s*0*\s*$/.test(q)));
}

export const ReferenceParam = z.object({
  reference: z.string().transform(normaliseReference).pipe(z.string().regex(REFERENCE_PATTERN, "orders.reference")),
});

const Token = z.string({ error: "orders.token" }).trim().min(16, "orders.token").max(64, "orders.token");
export const TokenQuery = z.object({ token: Token });
export const CancelBody = z.object({ token: Token });

const OrderSummary = z.object({
  reference: z.string(),
  token: z.string().describe("Secret for lookup and cancellation; shown once, keep it"),
  cooperative: z.string(),
  cooperativeName: z.string(),
  total: z.number().int().describe("Order total in fen (CNY)"),
  status: z.enum(ORDER_STATUSES),
  held: z.boolean().describe("A large order: the cooperative confirms it by phone before it is prepared"),
  lines: z.array(
    z.object({ product: z.string(), quantity: z.number().int(), price: z.number().int(), subtotal: z.number().int() }),
  ),
});
export const CheckoutResponse = z.object({ orders: z.array(OrderSummary), total: z.number().int() });
export type CheckoutResponseBody = z.infer<typeof CheckoutResponse>;
