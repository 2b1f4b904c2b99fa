import { z } from "zod";
import { BOOKING_STATUSES, MESSAGE_CHANNELS, MESSAGE_STATUSES } from "../db/schema";
import { multiLine, Phone, singleLine } from "../lib/fields";
import { STAY_LIMITS } from "./rules";

/**
 * Request shapes for bookings, shared by the JSON API, the no-JS forms (numbers
 * arrive as strings, hence coerce), the OpenAPI document and the tests.
 */
/**
 * A count from a number box. Each field has its own messages ("at least 1 night", not
 * "enter a whole number"); {min} and {max} are filled in from the limit that failed.
 */
const count = (min: number, max: number, key: "nights" | "units" | "adults" | "children") => {
  const base = `bookings.${key}` as const;
  return z.coerce
    .number({ error: base })
    .int({ error: base })
    .min(min, { error: key === "children" ? base : `${base}.min` })
    .max(max, { error: `${base}.max` });
};

const Contact = z.object({
  name: singleLine({ error: "bookings.name" }).min(1, { error: "bookings.name" }).max(60),
  phone: Phone,
  email: z.email({ error: "bookings.email" }).max(120).optional(),
});

const Guests = z.object({
  adults: count(1, STAY_LIMITS.guests, "adults"),
  children: count(0, STAY_LIMITS.guests, "children").default(0),
});

const common = {
  guests: Guests,
  contact: Contact,
  notes: multiLine().max(500).optional(),
  /** Only for HTML forms, which cannot send the Idempotency-Key header. */
  idempotencyKey: z.string().max(128).optional(),
};

export const StayRequest = z.object({
  unit: z.string().min(1).max(64),
  checkIn: z.iso.date({ error: "field.date" }),
  nights: count(1, STAY_LIMITS.nights, "nights"),
  units: count(1, STAY_LIMITS.units, "units").default(1),
  ...common,
});

export const SlotRequest = z.object({
  slot: z.string().min(1).max(96),
  ...common,
});

export const CancelRequest = z.object({
  token: z.string().min(8).max(64),
  idempotencyKey: z.string().max(128).optional(),
});

export const LookupQuery = z.object({
  token: z.string().min(8).max(64),
  lang: z.enum(["zh-CN", "en"]).optional(),
});

export const ReferenceParam = z.object({
  reference: z.string().min(1).max(32),
});

export const AvailabilityQuery = z
  .object({
    from: z.iso.date({ error: "field.date" }),
    to: z.iso.date({ error: "field.date" }),
    lang: z.enum(["zh-CN", "en"]).optional(),
  })
  .refine((q) => q.to > q.from, { error: "bookings.rangeOrder", path: ["to"] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 92 * 86_400_000, {
    error: "bookings.rangeTooLong",
    path: ["to"],
  });

export const Booking = z.object({
  reference: z.string(),
  token: z.string(),
  status: z.enum(BOOKING_STATUSES),
  holdUntil: z.string().optional().describe("A held booking keeps its places until then (UTC) unless confirmed"),
  cancelledBy: z.enum(["guest", "campsite", "housekeeping"]).optional(),
  cancelReason: z.string().optional().describe("The campsite's reason, when it cancelled or declined"),
  kind: z.enum(["stay", "activity"]),
  total: z.number().int().describe("Total price in fen (CNY)"),
  currency: z.literal("CNY"),
  checkIn: z.string(),
  checkOut: z.string().optional(),
  nights: z.number().int(),
  units: z.number().int(),
  guests: z.object({ adults: z.number().int(), children: z.number().int() }),
  freeCancellationUntil: z.string(),
  messages: z
    .array(
      z.object({
        channel: z.enum(MESSAGE_CHANNELS),
        kind: z.string(),
        status: z.enum(MESSAGE_STATUSES),
        sentAt: z.string().nullable(),
      }),
    )
    .optional()
    .describe("What was sent about the booking (on lookup)"),
});

export type StayInput = z.output<typeof StayRequest>;
export type SlotInput = z.output<typeof SlotRequest>;
