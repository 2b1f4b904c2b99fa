import { z } from "zod";
import { agencyField } from "../lib/agencies";
import { FormFlag, IsoDate, multiLine, Phone, singleLine } from "../lib/fields";
import { LETTER_STATUSES, LETTER_TYPES, REJECT_REASONS, TOWNSHIP_KEYS } from "./model";

/**
 * Request shapes for letters, shared by the JSON API, the no-JS forms, the OpenAPI
 * document and the tests. Limits: what a resident needs to say one thing (a letter
 * is one matter), and what fits a published page.
 */
export const MESSAGE_MAX = 2000;
export const REPLY_MAX = 4000;

const township = z.enum(TOWNSHIP_KEYS as [string, ...string[]], { error: "letters.township" });

export const LetterRequest = z.object({
  type: z.enum(LETTER_TYPES, { error: "letters.type" }),
  subject: singleLine({ error: "letters.subject" })
    .min(2, { error: "letters.subject" })
    .max(60, { error: "letters.subject" }),
  message: multiLine({ error: "letters.message" })
    .min(10, { error: "letters.messageShort" })
    .max(MESSAGE_MAX, { error: "letters.message" }),
  township: township.optional(),
  agency: agencyField("letters.agency").optional(),
  name: singleLine({ error: "letters.name" }).min(1, { error: "letters.name" }).max(40, { error: "letters.name" }),
  phone: Phone,
  email: z.email({ error: "letters.email" }).max(120, { error: "letters.email" }).optional(),
  /** The writer agrees that the letter and its reply are published without personal details. */
  publish: FormFlag.default(false),
  /** Only for HTML forms, which cannot send the Idempotency-Key header. */
  idempotencyKey: z.string().max(128).optional(),
});
export type LetterInput = z.output<typeof LetterRequest>;

export const ReferenceParam = z.object({ reference: z.string().min(1).max(32) });

export const LookupQuery = z.object({
  token: z.string().min(8).max(64),
  lang: z.enum(["zh-CN", "en"]).optional(),
});

export const PublishedQuery = z.object({
  type: z.enum(LETTER_TYPES).optional().catch(undefined),
  agency: z.string().max(64).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).optional().catch(undefined),
  lang: z.enum(["zh-CN", "en"]).optional(),
});

export const StatsQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  lang: z.enum(["zh-CN", "en"]).optional(),
});

/* Staff actions. */

export const AcceptRequest = z.object({ agency: agencyField("letters.agency", "letters.agencyRequired") });

export const RejectRequest = z.object({
  reason: z.enum(REJECT_REASONS, { error: "letters.rejectReason" }),
  note: multiLine().max(500).optional(),
});

export const ReplyRequest = z.object({
  reply: multiLine({ error: "letters.reply" })
    .min(1, { error: "letters.reply" })
    .max(REPLY_MAX, { error: "letters.reply" }),
});

export const ExtendRequest = z.object({
  until: IsoDate,
  reason: singleLine({ error: "letters.extendReason" })
    .min(2, { error: "letters.extendReason" })
    .max(200, { error: "letters.extendReason" }),
});

/** Edited texts for publication; each left out keeps the letter's own (masked either way). */
export const PublishRequest = z.object({
  subject: singleLine().min(2).max(60).optional(),
  message: multiLine().min(1).max(MESSAGE_MAX).optional(),
  reply: multiLine().min(1).max(REPLY_MAX).optional(),
});

export const StaffQuery = z.object({
  status: z
    .enum([...LETTER_STATUSES, "overdue"])
    .optional()
    .catch(undefined),
  agency: z.string().max(64).optional(),
});
