import type { Context } from "hono";
import { fieldProblem, notFoundProblem } from "../accounts/problems";
import type { SessionAccount } from "../accounts/sessions";
import { auditedBatch } from "../db/audit";
import { assertSameOrigin, readLimitedBytes } from "../lib/forms";
import { DamagedImage, imageDimensions, stripImageMetadata } from "../lib/image-metadata";
import { message } from "../lib/messages";
import { ProblemError } from "../lib/problem";
import { productInScope } from "./coop-ops";

/**
 * Product pictures: JPEG, PNG or WebP up to 2 MB, recognised by their first
 * bytes (what the file IS), never by its name or the browser's content type
 * (what it CLAIMS to be). Stored in R2 under a random name and served by the
 * Worker at /media/... with the type we detected. What the picture says about
 * where, when and with which phone it was taken is removed before it is stored
 * (see image-metadata.ts).
 */
const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
/** Room for the multipart framing and the other fields around the file. */
const MAX_REQUEST_BYTES = MAX_IMAGE_BYTES + 64 * 1024;
/** 40 megapixels: more than any phone camera takes, far less than a decoder bomb. */
const MAX_PIXELS = 40_000_000;
export const MEDIA_KEY = /^(products|cooperatives)\/[a-z0-9-]{1,64}\/[0-9a-f]{32}\.(jpg|png|webp)$/;

const startsWith = (bytes: Uint8Array, sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((ch) => ch.charCodeAt(0));

export function imageType(bytes: Uint8Array): { ext: "jpg" | "png" | "webp"; type: string } | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { ext: "jpg", type: "image/jpeg" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ext: "png", type: "image/png" };
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8))
    return { ext: "webp", type: "image/webp" };
  return null;
}

function tooLarge() {
  return new ProblemError(413, "image-too-large", (lang) => ({
    detail: message(lang, "dash.imageSize"),
    errors: [{ field: "image", message: message(lang, "dash.imageSize") }],
  }));
}

export function randomName(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Reads and checks the upload; throws before anything is stored. */
export async function readImage(c: Context): Promise<{ bytes: Uint8Array; ext: string; type: string; next: unknown }> {
  const contentType = (c.req.header("content-type") ?? "").toLowerCase();
  if (!contentType.startsWith("multipart/form-data")) {
    throw new ProblemError(415, "unsupported-media-type", (lang) => ({ detail: message(lang, "dash.imageType") }));
  }
  // Multipart forms are simple requests a foreign page could send: same origin only (CSRF).
  assertSameOrigin(c);
  // Counted as it arrives, like every other body (lib/forms.ts), with the picture's own larger limit.
  const body = await readLimitedBytes(c, MAX_REQUEST_BYTES, tooLarge);
  let form: FormData;
  try {
    // The boundary is case-sensitive (Chromium's has capitals): pass the header as sent.
    form = await new Response(body, { headers: { "content-type": c.req.header("content-type") ?? "" } }).formData();
  } catch {
    throw fieldProblem("image", "dash.imageMissing");
  }
  const file = form.get("image");
  if (!file || typeof file === "string" || file.size === 0) throw fieldProblem("image", "dash.imageMissing");
  if (file.size > MAX_IMAGE_BYTES) throw tooLarge();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const kind = imageType(bytes);
  if (!kind) throw fieldProblem("image", "dash.imageType");
  // A small file can declare a huge picture that every browser showing it must decode.
  const size = imageDimensions(bytes, kind.ext);
  if (!size || size.width < 1 || size.height < 1) throw fieldProblem("image", "dash.imageDamaged");
  if (size.width * size.height > MAX_PIXELS) throw fieldProblem("image", "dash.imagePixels");
  let clean: Uint8Array;
  try {
    clean = stripImageMetadata(bytes, kind.ext);
  } catch (error) {
    if (error instanceof DamagedImage) throw fieldProblem("image", "dash.imageDamaged");
    throw error;
  }
  return { bytes: clean, ...kind, next: form.get("next") };
}

export async function storeProductImage(
  d1: D1Database,
  media: R2Bucket,
  account: SessionAccount,
  productId: string,
  image: { bytes: Uint8Array; ext: string; type: string },
) {
  const product = await productInScope(d1, account, productId);
  if (!product) throw notFoundProblem();
  const key = `products/${product.id}/${randomName()}.${image.ext}`;
  const path = `/media/${key}`;
  await media.put(key, image.bytes, { httpMetadata: { contentType: image.type } });
  try {
    await auditedBatch(
      d1,
      {
        actorId: account.id,
        action: "product.image",
        targetType: "product",
        targetId: product.id,
        beforeSql: { sql: "SELECT json_object('image', image) FROM products WHERE id = ?", params: [product.id] },
        after: { image: path, bytes: image.bytes.length, type: image.type },
      },
      [d1.prepare("UPDATE products SET image = ? WHERE id = ?").bind(path, product.id)],
    );
  } catch (error) {
    await media.delete(key);
    throw error;
  }
  // The previous upload is no longer shown anywhere (the bundled category pictures are not ours to delete).
  const old = product.image?.startsWith("/media/") ? product.image.slice("/media/".length) : null;
  if (old && MEDIA_KEY.test(old)) await media.delete(old);
  return { id: product.id, cooperative: product.cooperativeId, image: path };
}
