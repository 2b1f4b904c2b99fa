import { Hono } from "hono";
import type { AppEnv } from "./env";
import { MEDIA_KEY } from "./lib/uploads";
import { ATTACHMENT_KEY, attachmentContentType } from "./publishing/attachments";

/**
 * Uploaded pictures and notices' attachments, served by the Worker from R2. Names are random and never
 * reused, so a year of caching is safe; the type is the one detected at upload.
 */
export const media = new Hono<AppEnv>().on(["GET", "HEAD"], "/media/*", async (c) => {
  const key = decodedPath(new URL(c.req.url).pathname.slice("/media/".length));
  const attachment = key !== null && ATTACHMENT_KEY.test(key);
  const object = key && (MEDIA_KEY.test(key) || attachment) ? await c.env.MEDIA.get(key) : null;
  if (!object || !key) return c.text("404", 404);
  const headers = new Headers({
    // A notice's attachment is served as the type its bytes were recognised as (publishing/attachments.ts).
    "content-type": attachment
      ? attachmentContentType(key)
      : (object.httpMetadata?.contentType ?? "application/octet-stream"),
    "cache-control": "public, max-age=31536000, immutable",
    etag: object.httpEtag,
    "content-length": String(object.size),
  });
  // Office files and CSV are saved, not opened in the browser; PDFs and pictures open in place.
  if (attachment && !/\.(pdf|jpg|png|webp)$/.test(key)) headers.set("content-disposition", "attachment");
  return new Response(c.req.method === "HEAD" ? null : object.body, { headers });
});

/** A path with a broken escape (`%`, `%E0%A4%A`) names no picture. */
function decodedPath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}
