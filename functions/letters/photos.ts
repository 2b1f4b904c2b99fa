import type { Context } from "hono";
import type { AppEnv } from "../env";
import { message } from "../lib/messages";
import { ProblemError } from "../lib/problem";
import { sameDigest, sha256Hex } from "../lib/tokens";
import { randomName, readImage } from "../lib/uploads";
import { letterRow } from "./public";

/**
 * A resident's photo of what the letter is about (a broken road, a full bin): one per
 * letter, added by its writer before the county office has triaged it. Location and
 * camera data are removed (lib/uploads.ts); it is kept in R2 under letters/, which
 * /media/ never serves, and shown to staff only (dashboard-routes.ts). Housekeeping
 * deletes it with the writer's contact details.
 */
const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
const PHOTO_KEY = /^letters\/[A-Z0-9]{8}\/[0-9a-f]{32}\.(jpg|png|webp)$/;

export const isLetterPhotoKey = (key: string) => PHOTO_KEY.test(key);

const notFound = () => new ProblemError(404, "not-found", (lang) => ({ detail: message(lang, "letters.notFound") }));

export async function attachPhoto(c: Context<AppEnv>, reference: string): Promise<string> {
  const image = await readImage(c, { field: "photo", maxBytes: MAX_PHOTO_BYTES });
  const token = image.form.get("token");
  const row = await letterRow(c.env.DB, reference);
  if (!row || typeof token !== "string" || !sameDigest(await sha256Hex(token.slice(0, 64)), row.token_hash)) {
    throw notFound();
  }
  const refused = () =>
    new ProblemError(409, "photo-state", (lang) => ({
      detail: message(lang, "letters.photoState"),
      errors: [{ field: "photo", message: message(lang, "letters.photoState") }],
    }));
  if (row.photo_key || row.status !== "received") throw refused();
  const key = `letters/${row.reference}/${randomName()}.${image.ext}`;
  await c.env.MEDIA.put(key, image.bytes, { httpMetadata: { contentType: image.type } });
  const done = await c.env.DB.prepare(
    "UPDATE letters SET photo_key = ? WHERE id = ? AND photo_key IS NULL AND status = 'received'",
  )
    .bind(key, row.id)
    .run();
  if (done.meta.changes !== 1) {
    await c.env.MEDIA.delete(key);
    throw refused();
  }
  return row.reference;
}
