import { z } from "zod";
import { isRealDate } from "../lib/dates";
import type { Lang } from "../lib/lang";

/**
 * A cooperative's own profile: its description, photos and certificates.
 * Certificates are facts the county vouches for, so the public sees each one
 * as verified only after county staff have checked it since its last change.
 */
export const MAX_PHOTOS = 8;

const longText = z.string().trim().max(4000).default("");
const line = (max: number) => z.string({ error: "field.required" }).trim().min(1, { error: "field.required" }).max(max);

export const ProfileUpdate = z.object({ descriptionZh: longText, descriptionEn: longText });

export const CertificateFields = z.object({
  nameZh: line(80),
  nameEn: line(80),
  number: line(60),
  issuer: line(120),
  validUntil: z.string({ error: "profile.validUntil" }).trim().refine(isRealDate, { error: "profile.validUntil" }),
});

type CertificateStatus = "verified" | "awaiting" | "expired";

export interface CertificateRow {
  id: number;
  cooperativeId: string;
  nameZh: string;
  nameEn: string;
  number: string;
  issuer: string;
  validUntil: string;
  image: string | null;
  verifiedAt: string | null;
}

export interface PhotoRow {
  id: number;
  image: string;
}

const CERT_COLUMNS = `id, cooperative_id AS cooperativeId, name_zh AS nameZh, name_en AS nameEn, number, issuer,
  valid_until AS validUntil, image, verified_at AS verifiedAt`;

/** Expired outranks everything: a lapsed certificate is never shown as valid, checked or not. */
export function certificateStatus(c: Pick<CertificateRow, "validUntil" | "verifiedAt">, today: string) {
  if (c.validUntil < today) return "expired" as const;
  return c.verifiedAt ? ("verified" as const) : ("awaiting" as const);
}

export async function certificatesOf(d1: D1Database, coopId: string): Promise<CertificateRow[]> {
  const { results } = await d1
    .prepare(`SELECT ${CERT_COLUMNS} FROM cooperative_certificates WHERE cooperative_id = ? ORDER BY valid_until, id`)
    .bind(coopId)
    .all<CertificateRow>();
  return results;
}

export async function certificateOf(d1: D1Database, coopId: string, id: number): Promise<CertificateRow | null> {
  return d1
    .prepare(`SELECT ${CERT_COLUMNS} FROM cooperative_certificates WHERE id = ? AND cooperative_id = ?`)
    .bind(id, coopId)
    .first<CertificateRow>();
}

export async function photosOf(d1: D1Database, coopId: string): Promise<PhotoRow[]> {
  const { results } = await d1
    .prepare("SELECT id, image FROM cooperative_photos WHERE cooperative_id = ? ORDER BY id")
    .bind(coopId)
    .all<PhotoRow>();
  return results;
}

export async function profileOf(d1: D1Database, coopId: string) {
  const row = await d1
    .prepare("SELECT description_zh AS descriptionZh, description_en AS descriptionEn FROM cooperatives WHERE id = ?")
    .bind(coopId)
    .first<{ descriptionZh: string; descriptionEn: string }>();
  if (!row) return null;
  return { ...row, photos: await photosOf(d1, coopId), certificates: await certificatesOf(d1, coopId) };
}

/** What the public page shows of a certificate, in one language. */
export function publicCertificate(c: CertificateRow, lang: Lang, today: string) {
  return {
    id: c.id,
    name: lang === "en" ? c.nameEn : c.nameZh,
    number: c.number,
    issuer: c.issuer,
    validUntil: c.validUntil,
    image: c.image,
    status: certificateStatus(c, today) as CertificateStatus,
  };
}

export interface AwaitingCertificate extends CertificateRow {
  coopNameZh: string;
  coopNameEn: string;
}

/** Certificates changed since the county last checked them, oldest change first. */
export async function certificatesAwaiting(d1: D1Database): Promise<AwaitingCertificate[]> {
  const { results } = await d1
    .prepare(
      `SELECT c.id, c.cooperative_id AS cooperativeId, c.name_zh AS nameZh, c.name_en AS nameEn, c.number, c.issuer,
         c.valid_until AS validUntil, c.image, c.verified_at AS verifiedAt, k.name_zh AS coopNameZh,
         k.name_en AS coopNameEn
       FROM cooperative_certificates c JOIN cooperatives k ON k.id = c.cooperative_id
       WHERE c.verified_at IS NULL ORDER BY c.id`,
    )
    .all<AwaitingCertificate>();
  return results;
}
