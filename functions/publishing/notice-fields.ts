import { z } from "zod";
import agencies from "../../content/taxonomy/agencies.json";
import topics from "../../content/taxonomy/topics.json";

/**
 * The fields of one language version of a notice: the front matter of
 * content/notices/<language>/<slug>.md and the body of the dashboard's notice API are
 * checked by this one schema. Its messages are message keys (lib/notice-messages.ts):
 * the build prints their English text, the API the person's language.
 * Attachments are the one part that differs by source (a file in public/ or an upload
 * in R2), so each source extends `noticeFields` with its own attachment shape.
 */
export const TOPIC_KEYS = Object.keys(topics) as [string, ...string[]];
export const AGENCY_KEYS = Object.keys(agencies) as [string, ...string[]];

/** 索引号: the issuing body's 18-character unified credit code, then year and serial. */
export const INDEX_NUMBER = /^([0-9A-Z]{18})\/(\d{4})-(\d{5})$/;
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// YAML turns an unquoted 2024-03-01 into a Date at UTC midnight; editors should not
// have to remember to quote dates, so both spellings are accepted and kept as text.
const isoDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.iso.date({ error: "notice.date" }),
);

const slug = z.string().regex(SLUG, { error: "notice.slug" });

const validity = z.discriminatedUnion(
  "status",
  [
    z.object({ status: z.literal("in-force"), effective: isoDate }),
    z.object({ status: z.literal("amended"), effective: isoDate, amendedBy: slug }),
    z.object({ status: z.literal("repealed"), effective: isoDate, repealed: isoDate, replacedBy: slug.optional() }),
  ],
  { error: "notice.status" },
);

export const noticeFields = z.object({
  title: z.string().trim().min(1, { error: "notice.title" }).max(120, { error: "notice.title" }),
  summary: z.string().trim().min(1, { error: "notice.summary" }).max(400, { error: "notice.summary" }),
  language: z.enum(["zh-CN", "en"], { error: "notice.language" }),
  indexNumber: z.string().regex(INDEX_NUMBER, { error: "notice.indexNumber" }),
  agency: z.enum(AGENCY_KEYS, { error: "notice.agency" }),
  documentNumber: z.string().trim().min(1).max(60).optional(),
  topic: z.enum(TOPIC_KEYS, { error: "notice.topic" }),
  written: isoDate,
  published: isoDate,
  updated: isoDate.optional(),
  validity,
  tags: z
    .array(z.string().trim().min(1, { error: "notice.tag" }).max(30))
    .max(12)
    .default([]),
  changes: z
    .array(z.object({ date: isoDate, note: z.string().trim().min(1, { error: "notice.changeNote" }) }))
    .default([]),
  /** Set when the notice was withdrawn: the page stays, with this reason in a banner. */
  withdrawn: z.object({ date: isoDate, reason: z.string().trim().min(1).max(300) }).optional(),
});

/** An attachment as the page shows it: a title, the address, its type label and size. */
export const attachmentRef = z.object({
  title: z.string().trim().min(1, { error: "notice.attachmentTitle" }).max(120),
  file: z.string().regex(/^\/(files|media\/notices)\/[A-Za-z0-9._/-]+$/, { error: "notice.attachmentFile" }),
  type: z.string().min(1).max(10),
  bytes: z.number().int().min(0),
});

type Fields = z.output<typeof noticeFields>;

/** The rules between fields, shared by every source. */
export function checkNoticeRules(notice: Fields, ctx: z.RefinementCtx): void {
  if (notice.published < notice.written) {
    ctx.addIssue({ code: "custom", path: ["published"], message: "notice.publishedBeforeWritten" });
  }
  if (notice.updated && notice.updated < notice.published) {
    ctx.addIssue({ code: "custom", path: ["updated"], message: "notice.updatedBeforePublished" });
  }
  const v = notice.validity;
  if (v.status === "repealed" && v.repealed < v.effective) {
    ctx.addIssue({ code: "custom", path: ["validity", "repealed"], message: "notice.repealedBeforeEffective" });
  }
  notice.changes.forEach((change, i) => {
    if (change.date < notice.published) {
      ctx.addIssue({ code: "custom", path: ["changes", i, "date"], message: "notice.changeBeforePublished" });
    }
    if (notice.updated && change.date > notice.updated) {
      ctx.addIssue({ code: "custom", path: ["changes", i, "date"], message: "notice.changeAfterUpdated" });
    }
  });
}

/** A notice kept in D1 (the dashboard's editions): attachments are uploads with their type and size recorded. */
export const storedNotice = noticeFields
  .extend({ attachments: z.array(attachmentRef).max(10).default([]) })
  .superRefine(checkNoticeRules);

export type StoredNotice = z.output<typeof storedNotice>;
