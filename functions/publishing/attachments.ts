import type { Context } from "hono";
import type { DashEnv } from "../accounts/middleware";
import { fieldProblem } from "../accounts/problems";
import { message } from "../lib/messages";
import { ProblemError } from "../lib/problem";
import { imageType, randomName, readMultipartFile } from "../lib/uploads";
import type { StaffAccount } from "./editions";
import { editionFor, step, wrongState } from "./workflow";

/**
 * Files attached to a notice: PDF, Word, Excel, WPS, CSV and pictures, recognised by
 * their bytes (what the file IS), not by the name or the browser's type, then named by
 * the portal. Kept in R2 under notices/<slug>/ and served at /media/notices/... (media.ts)
 * as downloads; the page shows the type and size recorded here.
 */
const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
const MAX_ATTACHMENTS = 10;
export const ATTACHMENT_KEY = /^notices\/[a-z0-9-]+\/[0-9a-f]{32}\.(pdf|docx|xlsx|doc|xls|wps|et|csv|jpg|png|webp)$/;

const CONTENT_TYPES: Record<string, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  wps: "application/vnd.ms-works",
  et: "application/vnd.ms-excel",
  csv: "text/csv; charset=utf-8",
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
};

export const attachmentContentType = (key: string) =>
  CONTENT_TYPES[key.split(".").pop() ?? ""] ?? "application/octet-stream";

const has = (bytes: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
const containsAscii = (bytes: Uint8Array, text: string) => new TextDecoder("latin1").decode(bytes).includes(text);

/** What the bytes are, with the label the public page shows, or null for anything else. */
function attachmentKind(bytes: Uint8Array, name: string): { ext: string; label: string } | null {
  const ext = name.toLowerCase().split(".").pop() ?? "";
  if (has(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { ext: "pdf", label: "PDF" };
  if (has(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // Office Open XML is a ZIP whose entry names say what it holds.
    if (containsAscii(bytes, "word/")) return { ext: "docx", label: "DOCX" };
    if (containsAscii(bytes, "xl/")) return { ext: "xlsx", label: "XLSX" };
    return null;
  }
  if (has(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Older Word, Excel and WPS files share one container; its name says which program opens it.
    if (ext === "wps") return { ext: "wps", label: "WPS" };
    if (ext === "et") return { ext: "et", label: "WPS" };
    if (ext === "xls") return { ext: "xls", label: "XLS" };
    return { ext: "doc", label: "DOC" };
  }
  const image = imageType(bytes);
  if (image) return { ext: image.ext, label: image.ext === "jpg" ? "JPEG" : image.ext.toUpperCase() };
  if (ext === "csv") {
    try {
      const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      if (!text.includes("\u0000")) return { ext: "csv", label: "CSV" };
    } catch {
      return null;
    }
  }
  return null;
}

export async function attachFile(c: Context<DashEnv>, account: StaffAccount, id: number) {
  const edition = await editionFor(c.env, account, id);
  if (edition.status !== "draft" && edition.status !== "returned") throw wrongState(edition.status);
  const upload = await readMultipartFile(c, {
    field: "file",
    maxBytes: MAX_ATTACHMENT_BYTES,
    missing: "notice.attachmentMissing",
    wrongType: "notice.attachmentType",
    tooLarge: () =>
      new ProblemError(413, "attachment-too-large", (lang) => ({
        detail: message(lang, "notice.attachmentSize", { mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 }),
        errors: [
          {
            field: "file",
            message: message(lang, "notice.attachmentSize", { mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 }),
          },
        ],
      })),
  });
  const title =
    String(upload.form.get("title") ?? "")
      .trim()
      .slice(0, 120) || upload.name.replace(/\.[^.]*$/, "").slice(0, 120);
  if (!title) throw fieldProblem("title", "notice.attachmentTitle");
  const kind = attachmentKind(upload.bytes, upload.name);
  if (!kind) throw fieldProblem("file", "notice.attachmentType");
  const list = Array.isArray(edition.data.attachments) ? edition.data.attachments : [];
  if (list.length >= MAX_ATTACHMENTS) throw fieldProblem("file", "notice.attachmentCount", { max: MAX_ATTACHMENTS });
  const key = `notices/${edition.slug}/${randomName()}.${kind.ext}`;
  await c.env.MEDIA.put(key, upload.bytes, { httpMetadata: { contentType: attachmentContentType(key) } });
  const attachment = { title, file: `/media/${key}`, type: kind.label, bytes: upload.bytes.byteLength };
  const data = { ...edition.data, attachments: [...list, attachment] };
  try {
    await step(
      c.env.DB,
      account,
      edition,
      ["draft", "returned"],
      "notice.attachment_uploaded",
      [
        c.env.DB.prepare(
          "INSERT INTO notice_attachments (slug, key, type, bytes, uploaded_by) VALUES (?, ?, ?, ?, ?)",
        ).bind(edition.slug, key, kind.label, attachment.bytes, account.id),
        c.env.DB.prepare("UPDATE notice_editions SET data = ?, updated_at = ? WHERE id = ? AND updated_at = ?").bind(
          JSON.stringify(data),
          new Date().toISOString(),
          edition.id,
          edition.updatedAt,
        ),
      ],
      { key, type: kind.label, bytes: attachment.bytes, title },
      () => wrongState("submitted"),
    );
  } catch (error) {
    await c.env.MEDIA.delete(key);
    throw error;
  }
  return { attachment, next: upload.form.get("next") };
}
