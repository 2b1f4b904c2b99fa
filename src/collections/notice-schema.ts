import { existsSync, statSync } from "node:fs";
import { extname, resolve } from "node:path";
import { z } from "astro/zod";
import { attachmentRef, checkNoticeRules, noticeFields } from "../../functions/publishing/notice-fields";

/**
 * Frontmatter of one language version of a notice (content/notices/<language>/<slug>.md):
 * the fields and rules the dashboard's notice API checks too (functions/publishing/
 * notice-fields.ts), with attachments that are files in public/. The rules that span
 * files (replacements exist, versions agree) live in groupNotices (src/lib/notices/model.ts).
 */
export { AGENCY_KEYS, TOPIC_KEYS } from "../../functions/publishing/notice-fields";

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

/**
 * A file in public/files/, or (for an edition published from the dashboard, which the
 * build reads from D1) an upload under /media/notices/ with its recorded type and size.
 */
const attachment = z
  .object({
    title: z.string().min(1, { error: "notice.attachmentTitle" }),
    file: z
      .string()
      .regex(/^\/(files|media\/notices)\/[A-Za-z0-9._/-]+$/, { error: "must be a path under /files/ in public/" }),
    type: z.string().min(1).max(10).optional(),
    bytes: z.number().int().min(0).optional(),
  })
  .transform((value, ctx) => {
    if (value.file.startsWith("/media/")) {
      const upload = attachmentRef.safeParse(value);
      if (upload.success) return upload.data;
      ctx.addIssue({ code: "custom", path: ["file"], message: "an upload needs its type and size" });
      return z.NEVER;
    }
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
    return { title: value.title, file: value.file, type, bytes: statSync(onDisk).size };
  });

export const noticeSchema = noticeFields
  .extend({
    attachments: z.array(attachment).default([]),
    /** Set by the loader on an edition published from the dashboard (D1): which one, and in what order. */
    edition: z.object({ id: z.number().int(), seq: z.number().int() }).optional(),
  })
  .superRefine(checkNoticeRules);

export type NoticeData = z.output<typeof noticeSchema>;
export type Validity = NoticeData["validity"];
export type Attachment = NoticeData["attachments"][number];
