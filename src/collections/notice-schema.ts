import { existsSync, statSync } from "node:fs";
import { extname, resolve } from "node:path";
import { z } from "astro/zod";
import agencies from "../../content/taxonomy/agencies.json";
import topics from "../../content/taxonomy/topics.json";

/**
 * Frontmatter of one language version of a notice (content/notices/<language>/<slug>.md).
 * Kept free of `astro:content` so unit tests can run it directly; the rules that
 * span files (replacements exist, versions agree) live in groupNotices (src/lib/notices/model.ts).
 */

export const TOPIC_KEYS = Object.keys(topics) as [string, ...string[]];
export const AGENCY_KEYS = Object.keys(agencies) as [string, ...string[]];

/** 索引号: the issuing body's 18-character unified credit code, then year and serial. */
const INDEX_NUMBER = /^[0-9A-Z]{18}\/\d{4}-\d{5}$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** File types residents may be offered, with the label shown beside each link. */
const ATTACHMENT_TYPES: Record<string, string> = {
  ".pdf": "PDF",
  ".csv": "CSV",
  ".txt": "TXT",
  ".docx": "DOCX",
  ".xlsx": "XLSX",
  ".odt": "ODT",
  ".ods": "ODS",
};

// YAML turns an unquoted 2024-03-01 into a Date at UTC midnight; editors should not
// have to remember to quote dates, so both spellings are accepted and kept as text.
const isoDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z.iso.date({ error: "must be a date written YYYY-MM-DD" }),
);

const slug = z.string().regex(SLUG, { error: "must be the file name of another notice, e.g. orchard-support-2026" });

const validity = z.discriminatedUnion(
  "status",
  [
    z.object({ status: z.literal("in-force"), effective: isoDate }),
    z.object({ status: z.literal("amended"), effective: isoDate, amendedBy: slug }),
    z.object({ status: z.literal("repealed"), effective: isoDate, repealed: isoDate, replacedBy: slug.optional() }),
  ],
  { error: 'status must be "in-force", "amended" or "repealed"' },
);

const attachment = z
  .object({
    title: z.string().min(1),
    file: z.string().regex(/^\/files\/[A-Za-z0-9._/-]+$/, { error: "must be a path under /files/ in public/" }),
  })
  .transform((value, ctx) => {
    const type = ATTACHMENT_TYPES[extname(value.file).toLowerCase()];
    const onDisk = resolve("public", `.${value.file}`);
    if (!type) {
      ctx.addIssue({
        code: "custom",
        path: ["file"],
        message: `type not offered; use ${Object.values(ATTACHMENT_TYPES).join(", ")}`,
      });
      return z.NEVER;
    }
    if (!existsSync(onDisk)) {
      ctx.addIssue({ code: "custom", path: ["file"], message: `no such file: public${value.file}` });
      return z.NEVER;
    }
    // Sizes are read from the file at build time so the page can never disagree with the download.
    return { ...value, type, bytes: statSync(onDisk).size };
  });

export const noticeSchema = z
  .object({
    title: z.string().min(1).max(120),
    summary: z.string().min(1).max(400),
    language: z.enum(["zh-CN", "en"]),
    indexNumber: z.string().regex(INDEX_NUMBER, { error: "索引号 must look like 11513226MB1234567X/2024-00012" }),
    agency: z.enum(AGENCY_KEYS, { error: `must be one of ${AGENCY_KEYS.join(", ")} (content/taxonomy/agencies.json)` }),
    documentNumber: z.string().min(1).optional(),
    topic: z.enum(TOPIC_KEYS, { error: `must be one of ${TOPIC_KEYS.join(", ")} (content/taxonomy/topics.json)` }),
    written: isoDate,
    published: isoDate,
    updated: isoDate.optional(),
    validity,
    attachments: z.array(attachment).default([]),
    tags: z.array(z.string().min(1)).default([]),
    changes: z.array(z.object({ date: isoDate, note: z.string().min(1) })).default([]),
  })
  .superRefine((notice, ctx) => {
    if (notice.published < notice.written) {
      ctx.addIssue({ code: "custom", path: ["published"], message: "cannot be before the date written" });
    }
    if (notice.updated && notice.updated < notice.published) {
      ctx.addIssue({ code: "custom", path: ["updated"], message: "cannot be before the date published" });
    }
    const v = notice.validity;
    if (v.status === "repealed" && v.repealed < v.effective) {
      ctx.addIssue({ code: "custom", path: ["validity", "repealed"], message: "cannot be before the effective date" });
    }
    notice.changes.forEach((change, i) => {
      if (change.date < notice.published) {
        ctx.addIssue({ code: "custom", path: ["changes", i, "date"], message: "cannot be before the date published" });
      }
      if (notice.updated && change.date > notice.updated) {
        ctx.addIssue({ code: "custom", path: ["changes", i, "date"], message: "is after the updated date" });
      }
    });
  });

export type NoticeData = z.output<typeof noticeSchema>;
export type Validity = NoticeData["validity"];
export type Attachment = NoticeData["attachments"][number];
