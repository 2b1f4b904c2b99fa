import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import type { DashEnv } from "../accounts/middleware";
import { notFoundProblem } from "../accounts/problems";
import { Slug } from "../accounts/schema";
import { isBrowserForm, NextPath } from "../lib/forms";
import { documented, documentedDashboard } from "../lib/openapi";
import { formDone, readInput } from "../lib/staff-forms";
import { readImage } from "../lib/uploads";
import { validate } from "../lib/validate";
import { coopInScope } from "./coop-ops";
import { CertificateFields, ProfileUpdate, profileOf } from "./profile";
import {
  addPhoto,
  certificateImage,
  createCertificate,
  deleteCertificate,
  deletePhoto,
  updateCertificate,
  updateProfile,
  verifyCertificate,
} from "./profile-writes";

/** A cooperative's own profile (members: their cooperative; admins: any), and the county's check of certificates. */
export const cooperativeProfileApi = new Hono<DashEnv>();
export const adminCertificatesApi = new Hono<DashEnv>();

const TAG = "dashboard: cooperatives";
const NOT_FOUND = "Unknown, or not your cooperative's";
const CoopParam = z.object({ coop: Slug });
const ItemParam = z.object({ coop: Slug, id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
const IdParam = ItemParam.pick({ id: true });
const Empty = z.object({});
const bad = {
  400: { description: "Bad input: a message per field, nothing written" },
  404: { description: NOT_FOUND },
};

documented({
  method: "post",
  path: "/api/dashboard/cooperatives/{coop}/profile",
  summary: "Change the cooperative's description (Markdown, both languages)",
  tags: [TAG],
  params: CoopParam,
  body: ProfileUpdate,
  responses: { 200: { description: "Saved" }, ...bad },
});
documented({
  method: "post",
  path: "/api/dashboard/cooperatives/{coop}/certificates",
  summary: "Add a certificate; shown as awaiting verification until the county checks it",
  tags: [TAG],
  params: CoopParam,
  body: CertificateFields,
  responses: { 201: { description: "Added" }, ...bad },
});
documented({
  method: "post",
  path: "/api/dashboard/cooperatives/{coop}/certificates/{id}",
  summary: "Change a certificate; the county verifies it again",
  tags: [TAG],
  params: ItemParam,
  body: CertificateFields,
  responses: { 200: { description: "Saved" }, ...bad },
});
documentedDashboard(TAG, NOT_FOUND, [
  ["get", "/api/dashboard/cooperatives/{coop}/profile", "Description, photos and certificates"],
  ["post", "/api/dashboard/cooperatives/{coop}/photos", "Add a photo (multipart; JPEG, PNG or WebP, at most 2 MB)"],
  ["post", "/api/dashboard/cooperatives/{coop}/photos/{id}/delete", "Remove a photo"],
  [
    "post",
    "/api/dashboard/cooperatives/{coop}/certificates/{id}/image",
    "Upload the certificate's picture (multipart); the county verifies it again",
  ],
  ["post", "/api/dashboard/cooperatives/{coop}/certificates/{id}/delete", "Remove a certificate"],
]);
documentedDashboard("dashboard: admin", "Not an admin, or no such certificate", [
  ["post", "/api/dashboard/admin/certificates/{id}/verify", "Mark a certificate as checked by the county"],
]);

async function coop(c: Context<DashEnv>, id: string) {
  const row = await coopInScope(c.env.DB, c.var.account, id);
  if (!row) throw notFoundProblem();
  return row.id;
}

const profilePage = (coopId: string) => `/dashboard/coop/${coopId}/profile/`;

/** A multipart upload answers a browser with a 303 back to the page, a script with JSON. */
function uploaded(c: Context<DashEnv>, next: unknown, coopId: string, done: string, result: object) {
  if (!isBrowserForm(c)) return c.json(result);
  return formDone(c, NextPath.parse(typeof next === "string" ? next : undefined), profilePage(coopId), done);
}

cooperativeProfileApi.get("/cooperatives/:coop/profile", validate("param", CoopParam), async (c) => {
  return c.json(await profileOf(c.env.DB, await coop(c, c.req.valid("param").coop)));
});

cooperativeProfileApi.post("/cooperatives/:coop/profile", validate("param", CoopParam), async (c) => {
  const id = await coop(c, c.req.valid("param").coop);
  const { data, isForm, next } = await readInput(c, ProfileUpdate);
  const result = await updateProfile(c.env.DB, c.var.account, id, data);
  if (isForm) return formDone(c, next, profilePage(id), "profile_saved");
  return c.json(result);
});

cooperativeProfileApi.post("/cooperatives/:coop/photos", validate("param", CoopParam), async (c) => {
  const id = await coop(c, c.req.valid("param").coop);
  const image = await readImage(c);
  const result = await addPhoto(c.env.DB, c.env.MEDIA, c.var.account, id, image);
  return uploaded(c, image.next, id, "photo_added", result);
});

cooperativeProfileApi.post("/cooperatives/:coop/photos/:id/delete", validate("param", ItemParam), async (c) => {
  const p = c.req.valid("param");
  const coopId = await coop(c, p.coop);
  const { isForm, next } = await readInput(c, Empty);
  const result = await deletePhoto(c.env.DB, c.env.MEDIA, c.var.account, coopId, p.id);
  if (isForm) return formDone(c, next, profilePage(coopId), "photo_deleted");
  return c.json(result);
});

cooperativeProfileApi.post("/cooperatives/:coop/certificates", validate("param", CoopParam), async (c) => {
  const coopId = await coop(c, c.req.valid("param").coop);
  const { data, isForm, next } = await readInput(c, CertificateFields);
  const result = await createCertificate(c.env.DB, c.var.account, coopId, data);
  if (isForm) return formDone(c, next, profilePage(coopId), "certificate_added");
  return c.json(result, 201);
});

cooperativeProfileApi.post("/cooperatives/:coop/certificates/:id", validate("param", ItemParam), async (c) => {
  const p = c.req.valid("param");
  const coopId = await coop(c, p.coop);
  const { data, isForm, next } = await readInput(c, CertificateFields);
  const result = await updateCertificate(c.env.DB, c.var.account, coopId, p.id, data);
  if (isForm) return formDone(c, next, profilePage(coopId), "certificate_saved");
  return c.json(result);
});

cooperativeProfileApi.post("/cooperatives/:coop/certificates/:id/image", validate("param", ItemParam), async (c) => {
  const p = c.req.valid("param");
  const coopId = await coop(c, p.coop);
  const image = await readImage(c);
  const result = await certificateImage(c.env.DB, c.env.MEDIA, c.var.account, coopId, p.id, image);
  return uploaded(c, image.next, coopId, "certificate_image", result);
});

cooperativeProfileApi.post("/cooperatives/:coop/certificates/:id/delete", validate("param", ItemParam), async (c) => {
  const p = c.req.valid("param");
  const coopId = await coop(c, p.coop);
  const { isForm, next } = await readInput(c, Empty);
  const result = await deleteCertificate(c.env.DB, c.env.MEDIA, c.var.account, coopId, p.id);
  if (isForm) return formDone(c, next, profilePage(coopId), "certificate_deleted");
  return c.json(result);
});

adminCertificatesApi.post("/certificates/:id/verify", validate("param", IdParam), async (c) => {
  const { isForm, next } = await readInput(c, Empty);
  const result = await verifyCertificate(c.env.DB, c.var.account, c.req.valid("param").id);
  if (isForm) return formDone(c, next, "/dashboard/admin/coops/", "certificate_verified");
  return c.json(result);
});
