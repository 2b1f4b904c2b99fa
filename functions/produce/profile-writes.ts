import type { z } from "zod";
import { fieldProblem, notFoundProblem } from "../accounts/problems";
import type { SessionAccount } from "../accounts/sessions";
import { type AuditEntry, auditedBatch } from "../db/audit";
import { GUARD, guard, violated } from "../lib/constraints";
import { MEDIA_KEY, randomName } from "../lib/uploads";
import { type CertificateFields, certificateOf, MAX_PHOTOS, type ProfileUpdate } from "./profile";

/**
 * Changes a cooperative makes to its own profile (the routes have already
 * checked the cooperative is in the account's scope), and the county's check
 * of a certificate. Each change is one audited batch.
 */
type Image = { bytes: Uint8Array; ext: string; type: string };
type Cert = z.output<typeof CertificateFields>;

const certJson = (id: number) => ({
  sql: `SELECT json_object('nameZh', name_zh, 'nameEn', name_en, 'number', number, 'issuer', issuer,
    'validUntil', valid_until, 'image', image, 'verifiedAt', verified_at) FROM cooperative_certificates WHERE id = ?`,
  params: [id],
});

/** Stores the picture, then the batch; a batch that fails takes the picture away again. */
async function withStoredImage(
  d1: D1Database,
  media: R2Bucket,
  coopId: string,
  image: Image,
  write: (path: string) => { entry: AuditEntry; change: D1PreparedStatement[]; guards?: D1PreparedStatement[] },
): Promise<string> {
  const key = `cooperatives/${coopId}/${randomName()}.${image.ext}`;
  const path = `/media/${key}`;
  await media.put(key, image.bytes, { httpMetadata: { contentType: image.type } });
  const { entry, change, guards } = write(path);
  try {
    await auditedBatch(d1, entry, change, guards);
  } catch (error) {
    await media.delete(key);
    throw error;
  }
  return path;
}

async function forget(media: R2Bucket, path: string | null | undefined) {
  const key = path?.startsWith("/media/") ? path.slice("/media/".length) : null;
  if (key && MEDIA_KEY.test(key)) await media.delete(key);
}

export async function updateProfile(
  d1: D1Database,
  account: SessionAccount,
  coopId: string,
  p: z.output<typeof ProfileUpdate>,
) {
  await auditedBatch(
    d1,
    {
      actorId: account.id,
      action: "cooperative.profile",
      targetType: "cooperative",
      targetId: coopId,
      beforeSql: {
        sql: "SELECT json_object('descriptionZh', description_zh, 'descriptionEn', description_en) FROM cooperatives WHERE id = ?",
        params: [coopId],
      },
      after: p,
    },
    [
      d1
        .prepare("UPDATE cooperatives SET description_zh = ?, description_en = ? WHERE id = ?")
        .bind(p.descriptionZh, p.descriptionEn, coopId),
    ],
  );
  return { id: coopId };
}

export async function addPhoto(d1: D1Database, media: R2Bucket, account: SessionAccount, coopId: string, image: Image) {
  try {
    const path = await withStoredImage(d1, media, coopId, image, (path) => ({
      entry: {
        actorId: account.id,
        action: "cooperative.photo_add",
        targetType: "cooperative",
        targetId: coopId,
        after: { image: path, bytes: image.bytes.length, type: image.type },
      },
      change: [d1.prepare("INSERT INTO cooperative_photos (cooperative_id, image) VALUES (?, ?)").bind(coopId, path)],
      // Counted inside the batch, so two uploads at once cannot pass the limit together.
      guards: [
        guard(d1, "(SELECT count(*) FROM cooperative_photos WHERE cooperative_id = ?) >= ?", coopId, MAX_PHOTOS),
      ],
    }));
    return { cooperative: coopId, image: path };
  } catch (error) {
    if (violated(error, GUARD)) throw fieldProblem("image", "profile.photoLimit", { max: MAX_PHOTOS });
    throw error;
  }
}

export async function deletePhoto(
  d1: D1Database,
  media: R2Bucket,
  account: SessionAccount,
  coopId: string,
  id: number,
) {
  const photo = await d1
    .prepare("SELECT image FROM cooperative_photos WHERE id = ? AND cooperative_id = ?")
    .bind(id, coopId)
    .first<{ image: string }>();
  if (!photo) throw notFoundProblem();
  await auditedBatch(
    d1,
    {
      actorId: account.id,
      action: "cooperative.photo_delete",
      targetType: "cooperative",
      targetId: coopId,
      before: { image: photo.image },
    },
    [d1.prepare("DELETE FROM cooperative_photos WHERE id = ? AND cooperative_id = ?").bind(id, coopId)],
  );
  await forget(media, photo.image);
  return { cooperative: coopId, deleted: id };
}

export async function createCertificate(d1: D1Database, account: SessionAccount, coopId: string, c: Cert) {
  const [inserted] = await auditedBatch(
    d1,
    {
      actorId: account.id,
      action: "certificate.create",
      targetType: "certificate",
      targetId: "",
      // The batch is one transaction on one connection: the row id is the one just inserted.
      targetIdSql: { sql: "SELECT last_insert_rowid()", params: [] },
      after: { cooperative: coopId, ...c },
    },
    [
      d1
        .prepare(
          `INSERT INTO cooperative_certificates (cooperative_id, name_zh, name_en, number, issuer, valid_until)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .bind(coopId, c.nameZh, c.nameEn, c.number, c.issuer, c.validUntil),
    ],
  );
  return { cooperative: coopId, id: inserted?.meta.last_row_id ?? null, status: "awaiting" as const };
}

async function ownCertificate(d1: D1Database, coopId: string, id: number) {
  const cert = await certificateOf(d1, coopId, id);
  if (!cert) throw notFoundProblem();
  return cert;
}

/** Any change clears the county's check: the public sees "awaiting verification" until staff check again. */
export async function updateCertificate(d1: D1Database, account: SessionAccount, coopId: string, id: number, c: Cert) {
  await ownCertificate(d1, coopId, id);
  await auditedBatch(
    d1,
    {
      actorId: account.id,
      action: "certificate.update",
      targetType: "certificate",
      targetId: id,
      beforeSql: certJson(id),
      after: { ...c, verifiedAt: null },
    },
    [
      d1
        .prepare(
          `UPDATE cooperative_certificates SET name_zh = ?, name_en = ?, number = ?, issuer = ?, valid_until = ?,
           verified_at = NULL, verified_by = NULL WHERE id = ? AND cooperative_id = ?`,
        )
        .bind(c.nameZh, c.nameEn, c.number, c.issuer, c.validUntil, id, coopId),
    ],
  );
  return { cooperative: coopId, id, status: "awaiting" as const };
}

export async function certificateImage(
  d1: D1Database,
  media: R2Bucket,
  account: SessionAccount,
  coopId: string,
  id: number,
  image: Image,
) {
  const cert = await ownCertificate(d1, coopId, id);
  const path = await withStoredImage(d1, media, coopId, image, (path) => ({
    entry: {
      actorId: account.id,
      action: "certificate.image",
      targetType: "certificate",
      targetId: id,
      beforeSql: certJson(id),
      after: { image: path, bytes: image.bytes.length, type: image.type, verifiedAt: null },
    },
    change: [
      d1
        .prepare(
          "UPDATE cooperative_certificates SET image = ?, verified_at = NULL, verified_by = NULL WHERE id = ? AND cooperative_id = ?",
        )
        .bind(path, id, coopId),
    ],
  }));
  await forget(media, cert.image);
  return { cooperative: coopId, id, image: path, status: "awaiting" as const };
}

export async function deleteCertificate(
  d1: D1Database,
  media: R2Bucket,
  account: SessionAccount,
  coopId: string,
  id: number,
) {
  const cert = await ownCertificate(d1, coopId, id);
  await auditedBatch(
    d1,
    {
      actorId: account.id,
      action: "certificate.delete",
      targetType: "certificate",
      targetId: id,
      beforeSql: certJson(id),
    },
    [d1.prepare("DELETE FROM cooperative_certificates WHERE id = ? AND cooperative_id = ?").bind(id, coopId)],
  );
  await forget(media, cert.image);
  return { cooperative: coopId, deleted: id };
}

/** County staff have checked the certificate against the issuer's record. */
export async function verifyCertificate(d1: D1Database, admin: SessionAccount, id: number, now = new Date()) {
  const cert = await d1
    .prepare("SELECT cooperative_id AS cooperativeId FROM cooperative_certificates WHERE id = ?")
    .bind(id)
    .first<{ cooperativeId: string }>();
  if (!cert) throw notFoundProblem();
  const at = now.toISOString();
  await auditedBatch(
    d1,
    {
      actorId: admin.id,
      action: "certificate.verify",
      targetType: "certificate",
      targetId: id,
      beforeSql: certJson(id),
      after: { verifiedAt: at },
    },
    [
      d1
        .prepare("UPDATE cooperative_certificates SET verified_at = ?, verified_by = ? WHERE id = ?")
        .bind(at, admin.id, id),
    ],
  );
  return { cooperative: cert.cooperativeId, id, status: "verified" as const };
}
