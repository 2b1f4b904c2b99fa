import { DamagedImage, exifOrientation, imageDimensions, stripImageMetadata } from "@functions/lib/image-metadata";
import { imageType } from "@functions/lib/uploads";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  exifPayload,
  JPEG_IMAGE_PART,
  jpegWithMetadata,
  leaks,
  PNG_8X8,
  pngWithMetadata,
  webpWithMetadata,
} from "../fixtures/images";

/** [marker, payload] of each segment before the scan. */
function jpegSegments(bytes: Uint8Array): Array<[number, Uint8Array]> {
  const out: Array<[number, Uint8Array]> = [];
  let at = 2;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  while (view.getUint8(at + 1) !== 0xda) {
    const length = view.getUint16(at + 2);
    out.push([view.getUint8(at + 1), bytes.subarray(at + 4, at + 2 + length)]);
    at += 2 + length;
  }
  return out;
}

function pngChunkTypes(bytes: Uint8Array): string[] {
  const types: string[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(at);
    types.push(String.fromCharCode(...bytes.subarray(at + 4, at + 8)));
    at += 12 + length;
  }
  return types;
}

describe("picture metadata is removed before a picture is published", () => {
  it("JPEG: drops Exif, XMP, IPTC, comments and foreign APP2; keeps JFIF, ICC and the image data", () => {
    const input = jpegWithMetadata(6);
    expect(leaks(input).length).toBeGreaterThan(0);
    const out = stripImageMetadata(input, "jpg");
    expect(leaks(out)).toEqual([]);
    const markers = jpegSegments(out).map(([m]) => m.toString(16));
    // JFIF first, then the orientation-only Exif, the ICC profile and the tables.
    expect(markers).toEqual(["e0", "e1", "e2", "db", "c0", "c4"]);
    const tail = Uint8Array.from(JPEG_IMAGE_PART);
    expect(out.subarray(out.length - tail.length)).toEqual(tail);
    expect(imageType(out)?.ext).toBe("jpg");
  });

  it("JPEG: a rotated phone photo keeps its orientation, in an Exif block that holds nothing else", () => {
    const out = stripImageMetadata(jpegWithMetadata(6), "jpg");
    const exif = jpegSegments(out)[1]?.[1] ?? new Uint8Array();
    expect(exifOrientation(exif)).toBe(6);
    expect(exif.length).toBe(32);
    // Upright photos need no Exif at all.
    const upright = stripImageMetadata(jpegWithMetadata(1), "jpg");
    expect(jpegSegments(upright).map(([m]) => m)).not.toContain(0xe1);
  });

  it("reads the orientation in either byte order and ignores nonsense", () => {
    expect(exifOrientation(Uint8Array.from(exifPayload(8)))).toBe(8);
    const little = Uint8Array.from([
      ...[0x45, 0x78, 0x69, 0x66, 0, 0],
      ...[0x49, 0x49, 42, 0, 8, 0, 0, 0],
      ...[1, 0],
      ...[0x12, 0x01, 3, 0, 1, 0, 0, 0, 3, 0, 0, 0],
      ...[0, 0, 0, 0],
    ]);
    expect(exifOrientation(little)).toBe(3);
    expect(exifOrientation(Uint8Array.from(exifPayload(9)))).toBeNull();
    expect(exifOrientation(little.subarray(0, 20))).toBeNull();
  });

  it("PNG: drops text, time and Exif chunks and what follows IEND; a clean PNG is unchanged", () => {
    const out = stripImageMetadata(pngWithMetadata(), "png");
    expect(leaks(out)).toEqual([]);
    expect(pngChunkTypes(out)).toEqual(["IHDR", "IDAT", "IEND"]);
    expect(out).toEqual(PNG_8X8);
    expect(stripImageMetadata(PNG_8X8, "png")).toEqual(PNG_8X8);
  });

  it("WebP: drops EXIF and XMP chunks, clears their flags and fixes the RIFF size", () => {
    const input = webpWithMetadata();
    const out = stripImageMetadata(input, "webp");
    expect(leaks(out)).toEqual([]);
    const view = new DataView(out.buffer, out.byteOffset);
    expect(view.getUint32(4, true)).toBe(out.length - 8);
    expect(String.fromCharCode(...out.subarray(12, 16))).toBe("VP8X");
    expect(view.getUint8(20) & 0x0c).toBe(0);
    expect(String.fromCharCode(...out.subarray(30, 34))).toBe("VP8L");
    expect(out.length).toBe(30 + 8 + 10);
  });

  it("JPEG: ends at its end marker, past restart markers, stuffed bytes and FFD9 inside later segments", () => {
    const trailer = [...new TextEncoder().encode("MotionPhoto GPS 31.4817N")];
    const tail = JPEG_IMAGE_PART.slice(0, -2);
    // A second scan's table holds the bytes FF D9: a segment is skipped whole, never searched.
    const secondScan = [0xff, 0xc4, 0, 6, 0xff, 0xd9, 0, 0, 0xff, 0xd0, 0x42, 0xff, 0xda, 0, 4, 1, 1, 0x77, 0xff, 0xd9];
    const photo = new Uint8Array([...jpegWithMetadata(1), ...trailer]);
    const clean = stripImageMetadata(photo, "jpg");
    expect([...clean.subarray(-2)]).toEqual([0xff, 0xd9]);
    expect(leaks(clean)).toEqual([]);
    const progressive = new Uint8Array([0xff, 0xd8, ...tail, ...secondScan, ...trailer]);
    const kept = stripImageMetadata(progressive, "jpg");
    expect([...kept]).toEqual([0xff, 0xd8, ...tail, ...secondScan]);
    expect(() => stripImageMetadata(new Uint8Array([0xff, 0xd8, ...tail]), "jpg")).toThrow(DamagedImage);
  });

  it("WebP: what follows the RIFF container is left out", () => {
    const webp = webpWithMetadata();
    const withTrailer = new Uint8Array([...webp, ...new TextEncoder().encode("Zhang San")]);
    expect(stripImageMetadata(withTrailer, "webp")).toEqual(stripImageMetadata(webp, "webp"));
  });

  it("reads width and height from each format's header", () => {
    expect(imageDimensions(jpegWithMetadata(), "jpg")).toEqual({ width: 8, height: 8 });
    expect(imageDimensions(PNG_8X8, "png")).toEqual({ width: 8, height: 8 });
    expect(imageDimensions(webpWithMetadata(), "webp")).toEqual({ width: 8, height: 8 });
    expect(imageDimensions(new Uint8Array([0xff, 0xd8, 0xff]), "jpg")).toBeNull();
  });

  it("refuses files whose structure is broken instead of storing them as they came", () => {
    const jpeg = jpegWithMetadata();
    expect(() => stripImageMetadata(jpeg.subarray(0, 40), "jpg")).toThrow(DamagedImage);
    expect(() => stripImageMetadata(Uint8Array.from([0xff, 0xd8, 0xff, 0xd9]), "jpg")).toThrow(DamagedImage);
    expect(() => stripImageMetadata(PNG_8X8.subarray(0, 30), "png")).toThrow(DamagedImage);
    expect(() => stripImageMetadata(PNG_8X8.subarray(0, PNG_8X8.length - 12), "png")).toThrow(DamagedImage);
    expect(() => stripImageMetadata(webpWithMetadata().subarray(0, 25), "webp")).toThrow(DamagedImage);
  });

  it("never fails any other way on cut or corrupted files (seeded)", () => {
    const files = [
      [jpegWithMetadata(), "jpg"],
      [pngWithMetadata(), "png"],
      [webpWithMetadata(), "webp"],
    ] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...files),
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        ([file, ext], cut, flips) => {
          const bytes = file.slice(0, (cut % file.length) + 1);
          for (const [at, value] of flips) bytes[at % bytes.length] = value;
          try {
            const out = stripImageMetadata(bytes, ext);
            expect(out.length).toBeLessThanOrEqual(bytes.length + 34);
          } catch (error) {
            expect(error).toBeInstanceOf(DamagedImage);
          }
        },
      ),
      { seed: 20261128, numRuns: 2000 },
    );
  });
});
