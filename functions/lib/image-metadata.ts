/**
 * Removes what a picture says about the person who took it before it is
 * published: a phone photo of a pear orchard usually carries the GPS position
 * of the farm, the time, the phone's make and serial number, and sometimes the
 * owner's name. Only what is needed to draw the picture is kept.
 *
 * The picture itself is never decoded or re-encoded: the container is walked
 * segment by segment and metadata segments are left out, so the image data
 * stays byte-for-byte what was uploaded. A file whose structure does not hold
 * together is refused (it would not display either), never stored as it came.
 *
 *  - JPEG: keeps JFIF (APP0), the colour profile (APP2 ICC_PROFILE) and Adobe's
 *    colour transform (APP14); drops Exif and XMP (APP1), IPTC (APP13), every
 *    other APPn and comments. A rotated phone photo would appear sideways without
 *    its Exif orientation, so that one value is written back in a minimal Exif
 *    block that holds nothing else. Whatever follows the end marker goes.
 *  - PNG: drops text (tEXt, zTXt, iTXt), Exif (eXIf) and the time stamp (tIME),
 *    and anything after IEND.
 *  - WebP: drops the EXIF and XMP chunks and clears their flags in VP8X, and
 *    anything after the RIFF container.
 */
export class DamagedImage extends Error {
  constructor(detail: string) {
    super(`damaged image: ${detail}`);
  }
}

/** A byte, or 0 past the end: every length read is checked against the file's size. */
const byte = (b: Uint8Array, at: number) => b[at] ?? 0;
const u16be = (b: Uint8Array, at: number) => (byte(b, at) << 8) | byte(b, at + 1);
const u32be = (b: Uint8Array, at: number) => ((u16be(b, at) << 16) | u16be(b, at + 2)) >>> 0;
const u32le = (b: Uint8Array, at: number) =>
  ((byte(b, at + 3) << 24) | (byte(b, at + 2) << 16) | (byte(b, at + 1) << 8) | byte(b, at)) >>> 0;
const text = (b: Uint8Array, at: number, length: number) => String.fromCharCode(...b.subarray(at, at + length));

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function stripImageMetadata(bytes: Uint8Array, ext: "jpg" | "png" | "webp"): Uint8Array {
  if (ext === "jpg") return stripJpeg(bytes);
  if (ext === "png") return stripPng(bytes);
  return stripWebp(bytes);
}

// --- JPEG -------------------------------------------------------------------

const SOS = 0xda;
const APP0 = 0xe0;
const APP1 = 0xe1;
const APP2 = 0xe2;
const APP14 = 0xee;
const COM = 0xfe;

function keepJpegSegment(marker: number, payload: Uint8Array): boolean {
  if (marker === APP0) return true;
  if (marker === APP2) return text(payload, 0, 12) === "ICC_PROFILE\0";
  if (marker === APP14) return text(payload, 0, 5) === "Adobe";
  if (marker > APP0 && marker <= 0xef) return false;
  return marker !== COM;
}

/** The Exif orientation (1-8) from an APP1 payload, or null when there is none or it is unreadable. */
export function exifOrientation(payload: Uint8Array): number | null {
  if (text(payload, 0, 6) !== "Exif\0\0") return null;
  const tiff = payload.subarray(6);
  if (tiff.length < 8) return null;
  const order = text(tiff, 0, 2);
  if (order !== "II" && order !== "MM") return null;
  const little = order === "II";
  const u16 = (at: number) => (little ? byte(tiff, at) | (byte(tiff, at + 1) << 8) : u16be(tiff, at));
  const u32 = (at: number) => (little ? u32le(tiff, at) : u32be(tiff, at));
  if (u16(2) !== 42) return null;
  const ifd = u32(4);
  if (ifd + 2 > tiff.length) return null;
  const count = u16(ifd);
  for (let k = 0; k < count; k++) {
    const entry = ifd + 2 + k * 12;
    if (entry + 12 > tiff.length) return null;
    if (u16(entry) !== 0x0112) continue;
    const value = u16(entry + 8);
    return u16(entry + 2) === 3 && value >= 1 && value <= 8 ? value : null;
  }
  return null;
}

/** An APP1 segment whose Exif holds the orientation and nothing else. */
function orientationSegment(orientation: number): Uint8Array {
  // "Exif\0\0", then a big-endian TIFF header, IFD0 with one SHORT entry (0x0112), no next IFD.
  const payload = [
    ...[0x45, 0x78, 0x69, 0x66, 0, 0],
    ...[0x4d, 0x4d, 0, 42, 0, 0, 0, 8],
    ...[0, 1],
    ...[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0],
    ...[0, 0, 0, 0],
  ];
  const length = payload.length + 2;
  return new Uint8Array([0xff, APP1, length >> 8, length & 0xff, ...payload]);
}

function stripJpeg(bytes: Uint8Array): Uint8Array {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new DamagedImage("no JPEG start");
  const head: Uint8Array[] = [];
  let orientation: number | null = null;
  let at = 2;
  while (true) {
    if (at + 2 > bytes.length || bytes[at] !== 0xff) throw new DamagedImage(`no JPEG marker at ${at}`);
    const marker = byte(bytes, at + 1);
    // Fill bytes before a marker, and markers without a length (TEM, RSTn).
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      head.push(bytes.subarray(at, at + 2));
      at += 2;
      continue;
    }
    if (marker === 0xd8 || marker === 0xd9) throw new DamagedImage("JPEG ends before its image data");
    if (at + 4 > bytes.length) throw new DamagedImage("JPEG segment cut short");
    const length = u16be(bytes, at + 2);
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) throw new DamagedImage("JPEG segment cut short");
    if (marker === SOS) {
      const start = bytes.subarray(0, 2);
      // JFIF's APP0 must stay first; the orientation block goes right after it.
      const jfifFirst = head[0]?.[1] === APP0 ? 1 : 0;
      const extra = orientation && orientation !== 1 ? [orientationSegment(orientation)] : [];
      const image = bytes.subarray(at, jpegEnd(bytes, at));
      return concat([start, ...head.slice(0, jfifFirst), ...extra, ...head.slice(jfifFirst), image]);
    }
    const payload = bytes.subarray(at + 4, end);
    if (keepJpegSegment(marker, payload)) head.push(bytes.subarray(at, end));
    else if (marker === APP1 && orientation === null) orientation = exifOrientation(payload);
    at = end;
  }
}

/**
 * Where the image ends: just after its end marker (EOI). A phone's "motion
 * photo" appends a video, with its own location data, after it; that goes.
 * Walked from the first scan: entropy-coded data can hold FF only as FF00 or a
 * restart marker, and between the scans of a progressive JPEG come segments
 * with lengths (skipped whole, so FFD9 inside one never ends the image).
 */
function jpegEnd(bytes: Uint8Array, sos: number): number {
  let at = sos;
  while (at + 4 <= bytes.length) {
    const end = at + 2 + u16be(bytes, at + 2);
    if (end > bytes.length) break;
    at = end;
    // Entropy-coded data up to the next marker.
    while (at + 1 < bytes.length) {
      const next = byte(bytes, at + 1);
      if (bytes[at] !== 0xff || next === 0x00 || (next >= 0xd0 && next <= 0xd7)) at += 1;
      else if (next === 0xff) at += 1;
      else break;
    }
    if (at + 1 >= bytes.length) break;
    if (byte(bytes, at + 1) === 0xd9) return at + 2;
  }
  throw new DamagedImage("JPEG has no end marker");
}

/** Width and height from the file's header, or null where it gives none. */
export function imageDimensions(
  bytes: Uint8Array,
  ext: "jpg" | "png" | "webp",
): { width: number; height: number } | null {
  if (ext === "png")
    return text(bytes, 12, 4) === "IHDR" ? { width: u32be(bytes, 16), height: u32be(bytes, 20) } : null;
  if (ext === "webp") return webpDimensions(bytes);
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = byte(bytes, at + 1);
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    // SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC): height, then width.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { width: u16be(bytes, at + 7), height: u16be(bytes, at + 5) };
    }
    if (marker === SOS) return null;
    at += 2 + u16be(bytes, at + 2);
  }
  return null;
}

function webpDimensions(bytes: Uint8Array): { width: number; height: number } | null {
  const fourcc = text(bytes, 12, 4);
  const data = 20;
  const u24le = (at: number) => byte(bytes, at) | (byte(bytes, at + 1) << 8) | (byte(bytes, at + 2) << 16);
  if (fourcc === "VP8X") return { width: u24le(data + 4) + 1, height: u24le(data + 7) + 1 };
  if (fourcc === "VP8L") {
    const bits = u32le(bytes, data + 1);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (fourcc === "VP8 ") {
    const le16 = (at: number) => byte(bytes, at) | (byte(bytes, at + 1) << 8);
    return { width: le16(data + 6) & 0x3fff, height: le16(data + 8) & 0x3fff };
  }
  return null;
}

// --- PNG --------------------------------------------------------------------

const PNG_DROPPED = new Set(["tEXt", "zTXt", "iTXt", "eXIf", "tIME"]);

function stripPng(bytes: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  let at = 8;
  let first = true;
  while (at + 12 <= bytes.length) {
    const length = u32be(bytes, at);
    const type = text(bytes, at + 4, 4);
    const end = at + 12 + length;
    if (end > bytes.length) throw new DamagedImage(`PNG chunk ${type} cut short`);
    if (first && type !== "IHDR") throw new DamagedImage("PNG does not start with IHDR");
    first = false;
    if (!PNG_DROPPED.has(type)) parts.push(bytes.subarray(at, end));
    if (type === "IEND") return concat(parts);
    at = end;
  }
  throw new DamagedImage("PNG has no IEND");
}

// --- WebP -------------------------------------------------------------------

const WEBP_DROPPED = new Set(["EXIF", "XMP "]);
const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

function stripWebp(bytes: Uint8Array): Uint8Array {
  const riffEnd = 8 + u32le(bytes, 4);
  if (bytes.length < 20 || riffEnd > bytes.length) throw new DamagedImage("WebP cut short");
  const chunks: Uint8Array[] = [];
  let at = 12;
  while (at < riffEnd) {
    if (at + 8 > riffEnd) throw new DamagedImage("WebP chunk header cut short");
    const fourcc = text(bytes, at, 4);
    const size = u32le(bytes, at + 4);
    const end = at + 8 + size + (size % 2);
    if (at + 8 + size > riffEnd) throw new DamagedImage(`WebP chunk ${fourcc} cut short`);
    if (chunks.length === 0 && !["VP8 ", "VP8L", "VP8X"].includes(fourcc)) {
      throw new DamagedImage("WebP does not start with an image chunk");
    }
    if (!WEBP_DROPPED.has(fourcc)) {
      const chunk = bytes.slice(at, Math.min(end, riffEnd));
      if (fourcc === "VP8X" && size >= 1) chunk[8] = byte(chunk, 8) & ~(VP8X_EXIF | VP8X_XMP);
      chunks.push(chunk);
    }
    at = end;
  }
  const body = concat(chunks);
  const size = 4 + body.length;
  const header = new Uint8Array([
    0x52,
    0x49,
    0x46,
    0x46,
    size & 0xff,
    (size >> 8) & 0xff,
    (size >> 16) & 0xff,
    size >>> 24,
  ]);
  return concat([header, bytes.subarray(8, 12), body]);
}
