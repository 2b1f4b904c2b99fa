import { z } from "zod";
import { noticeFields, SLUG } from "./notice-fields";

/**
 * Request shapes of the dashboard's notice API, shared by the JSON API, the no-JS
 * editor form, the OpenAPI document and the tests. The front-matter fields are the
 * content schema's own (notice-fields.ts); what the dashboard adds is the address,
 * the body, the change note of an amendment, and two fields it fills in itself when
 * left empty: the 索引号 (numbered on first publication) and the publication date.
 */
export const BODY_MAX = 60_000;

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
/** Forms send keywords as one line: "补贴, 创业" (commas of either width). */
const tagList = (v: unknown) =>
  typeof v === "string"
    ? v
        .split(/[,，、]/)
        .map((t) => t.trim())
        .filter(Boolean)
    : v;

/** Form checkboxes and selects send "" for "not set": the optional fields take it as absent. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());

const fields = noticeFields.omit({ changes: true, withdrawn: true, updated: true });

export const NoticeDraftRequest = fields.extend({
  slug: z.string().regex(SLUG, { error: "notice.address" }).max(80, { error: "notice.address" }),
  body: z.string().max(BODY_MAX, { error: "notice.body" }),
  indexNumber: optional(fields.shape.indexNumber),
  documentNumber: optional(z.string().trim().max(60)),
  published: optional(fields.shape.published),
  tags: z.preprocess(tagList, fields.shape.tags),
  attachments: z
    .array(
      z.object({
        title: z
          .string()
          .trim()
          .min(1, { error: "notice.attachmentTitle" })
          .max(120, { error: "notice.attachmentTitle" }),
        file: z.string().regex(/^\/media\/notices\/[a-z0-9-]+\/[0-9a-f]{32}\.[a-z0-9]{2,5}$/, {
          error: "notice.unknownAttachment",
        }),
      }),
    )
    .max(10, { error: "notice.attachmentCount" })
    .default([]),
  /** What an amendment changes: required when the address already has a published edition. */
  changeNote: optional(
    z.string().trim().min(1, { error: "notice.changeNote" }).max(300, { error: "notice.changeNote" }),
  ),
});
export type NoticeDraft = z.output<typeof NoticeDraftRequest>;

export const EditionParam = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31),
});

const countyDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export const ApproveRequest = z.object({
  /** County time, YYYY-MM-DDTHH:MM; absent: publish now. */
  publishAt: optional(z.string().regex(countyDateTime, { error: "notice.publishAt" })),
  /** An admin publishing an edition nobody else reviewed says why (the audit log keeps it). */
  forceReason: optional(
    z.string().trim().min(1, { error: "notice.forceReason" }).max(300, { error: "notice.forceReason" }),
  ),
});

export const ReturnRequest = z.object({
  comment: z.string().trim().min(1, { error: "notice.returnComment" }).max(1000, { error: "notice.returnComment" }),
});

export const WithdrawRequest = z.object({
  reason: z.string().trim().min(1, { error: "notice.withdrawReason" }).max(300, { error: "notice.withdrawReason" }),
});

export const SubmitRequest = z.object({});

export const EditionsQuery = z.object({
  status: z.enum(["draft", "submitted", "returned", "scheduled", "published"]).optional(),
});
