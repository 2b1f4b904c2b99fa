import type { Context } from "hono";
import { assertSameOrigin, readLimitedBytes } from "./forms";
import { DamagedImage, imageDimensions, stripImageMetadata } from "./image-metadata";
import { type MessageKey, message } from "./messages";
import { ProblemError } from "./problem";

/**
 * Pictures people upload (products, cooperatives, residents' letters): JPEG, PNG or WebP up to 2 MB
 * (or the caller's limit), recognised by their first
 * bytes (what the file IS), never by its name or the browser's content type
 * (what it CLAIMS to be). Stored in R2 under a random name and served by the
 * Worker at /media/... with the type we detected. What the picture says about
 * where, when and with which phone it was taken is removed before it is stored
 * (see image-metadata.ts).
 */
const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
/** Room for the multipart framing and the other fields around the file. */
const FRAMING_BYTES = 64 * 1024;
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

function tooLarge(field: string, maxBytes: number) {
  const vars = { mb: Math.round(maxBytes / 1024 / 1024) };
  return new ProblemError(413, "image-too-large", (lang) => ({
    detail: message(lang, "dash.imageSize", vars),
    errors: [{ field, message: message(lang, "dash.imageSize", vars) }],
  }));
}

function fieldProblem(field: string, key: MessageKey) {
  return new ProblemError(400, "validation", (lang) => ({
    detail: message(lang, "problem.badRequest.detail"),
    errors: [{ field, message: message(lang, key) }],
  }));
}

export function randomName(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The file in form field `field` of a same-origin multipart post, counted as it arrives
 * (lib/forms.ts) against the caller's limit; throws before anything is stored.
 */
export async function readMultipartFile(
  c: Context,
  options: {
    field: string;
    maxBytes: number;
    missing: MessageKey;
    wrongType: MessageKey;
    tooLarge?: () => ProblemError;
  },
): Promise<{ bytes: Uint8Array; name: string; form: FormData }> {
  const { field, maxBytes } = options;
  const over = options.tooLarge ?? (() => tooLarge(field, maxBytes));
  const contentType = (c.req.header("content-type") ?? "").toLowerCase();
  if (!contentType.startsWith("multipart/form-data")) {
    throw new ProblemError(415, "unsupported-media-type", (lang) => ({ detail: message(lang, options.wrongType) }));
  }
  // Multipart forms are simple requests a foreign page could send: same origin only (CSRF).
  assertSameOrigin(c);
  // Counted as it arrives, like every other body (lib/forms.ts), with the file's own larger limit.
  const body = await readLimitedBytes(c, maxBytes + FRAMING_BYTES, over);
  let form: FormData;
  try {
    // The boundary is case-sensitive (Chromium's has capitals): pass the header as sent.
    form = await new Response(body, { headers: { "content-type": c.req.header("content-type") ?? "" } }).formData();
  } catch {
    throw fieldProblem(field, options.missing);
  }
  const file = form.get(field);
  if (!file || typeof file === "string" || file.size === 0) throw fieldProblem(field, options.missing);
  if (file.size > maxBytes) throw over();
  return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name, form };
}

/** Reads and checks the upload (the file in form field `field`); throws before anything is stored. */
export async function readImage(
  c: Context,
  { field = "image", maxBytes = MAX_IMAGE_BYTES }: { field?: string; maxBytes?: number } = {},
): Promise<{ bytes: Uint8Array; ext: string; type: string; next: unknown; form: FormData }> {
  const { bytes, form } = await readMultipartFile(c, {
    field,
    maxBytes,
    missing: "dash.imageMissing",
    wrongType: "dash.imageType",
  });
  const kind = imageType(bytes);
  if (!kind) throw fieldProblem(field, "dash.imageType");
  // A small file can declare a huge picture that every browser showing it must decode.
  const size = imageDimensions(bytes, kind.ext);
  if (!size || size.width < 1 || size.height < 1) throw fieldProblem(field, "dash.imageDamaged");
  if (size.width * size.height > MAX_PIXELS) throw fieldProblem(field, "dash.imagePixels");
  let clean: Uint8Array;
  try {
    clean = stripImageMetadata(bytes, kind.ext);
  } catch (error) {
    if (error instanceof DamagedImage) throw fieldProblem(field, "dash.imageDamaged");
    throw error;
  }
  return { bytes: clean, ...kind, next: form.get("next"), form };
}
