import { z } from "zod";
import { agencyField } from "../lib/agencies";
import { singleLine } from "../lib/fields";
import { NextPath } from "../lib/forms";
import { PASSWORD_MAX, PASSWORD_MIN } from "./passwords";

/** Request shapes for sign-in and accounts, shared by the API, the no-JS forms and the tests. */

const Email = singleLine({ error: "field.required" })
  .toLowerCase()
  .pipe(z.email({ error: "auth.email" }).max(254, { error: "auth.email" }));

/** Length only (ASVS 2.1.1/2.1.2/2.1.9); spaces and any Unicode allowed, nothing trimmed. */
const NewPassword = z
  .string({ error: "field.required" })
  .refine((p) => [...p].length >= PASSWORD_MIN && [...p].length <= PASSWORD_MAX, { error: "auth.passwordLength" });

const SecondFactorCode = z
  .string()
  .trim()
  .max(32, { error: "security.codeWrong" })
  .optional()
  .transform((c) => c || undefined);

export const LoginRequest = z.object({
  email: singleLine({ error: "field.required" }).min(1, { error: "field.required" }).max(254),
  // Checked against the hash only; never longer than the longest we let anyone set.
  password: z
    .string({ error: "field.required" })
    .min(1, { error: "field.required" })
    .max(PASSWORD_MAX * 4),
  /** The authenticator code, or a recovery code, for an account with a second factor. */
  code: SecondFactorCode,
  next: NextPath,
});

/** The password again (and the code when enrolled), before handing out access. */
export const ReauthRequest = z.object({
  password: z
    .string({ error: "field.required" })
    .min(1, { error: "field.required" })
    .max(PASSWORD_MAX * 4),
  code: SecondFactorCode,
  next: NextPath,
});

export const EnrolConfirmRequest = z.object({
  code: z
    .string({ error: "security.codeRequired" })
    .trim()
    .regex(/^\d{6}$/, { error: "security.codeRequired" }),
});

export const PasswordChangeRequest = z.object({
  current: z
    .string({ error: "field.required" })
    .min(1, { error: "field.required" })
    .max(PASSWORD_MAX * 4),
  password: NewPassword,
});

export const InviteAcceptRequest = z.object({
  reference: z.string({ error: "field.required" }).min(1).max(32),
  token: z.string({ error: "field.required" }).min(8).max(64),
  password: NewPassword,
});

export const Slug = z
  .string({ error: "field.required" })
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "dash.slug" })
  .max(64);

export const InviteRequest = z.object({
  email: Email,
  name: singleLine({ error: "field.required" }).min(1, { error: "field.required" }).max(80),
  role: z.enum(["admin", "operator", "cooperative", "editor", "reviewer"]),
  /** Campsite slugs, for a site operator. */
  campsites: z.array(Slug).max(50).default([]),
  /** The cooperative's id (its slug), for a cooperative member. */
  cooperative: Slug.optional(),
  /** Agency keys (content/taxonomy/agencies.json), for an editor or reviewer. */
  agencies: z.array(agencyField("dash.unknownAgency")).max(20).default([]),
});

export const CampsitesRequest = z.object({ campsites: z.array(Slug).max(50).default([]) });

export const IdParam = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
