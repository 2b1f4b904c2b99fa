import { type Context, Hono } from "hono";
import { z } from "zod";
import { auditPage } from "../db/audit";
import { requestLang } from "../lib/lang";
import { documentedDashboard } from "../lib/openapi";
import { formDone, readInput } from "../lib/staff-forms";
import { validate } from "../lib/validate";
import { disableAccount, enableAccount, setCampsites, unlockSignIn } from "./account-admin";
import { inviteAccount, inviteLink, reinvite, resetPassword } from "./invites";
import { type DashEnv, requireRecentAuth } from "./middleware";
import { listAccounts } from "./queries";
import { CampsitesRequest, IdParam, InviteRequest } from "./schema";
import { onceCookie } from "./show-once";

/** County staff only (the router is mounted behind requireAccount("admin")). */
export const adminApi = new Hono<DashEnv>();

documentedDashboard("dashboard: admin", "Not an admin, or unknown", [
  ["get", "/api/dashboard/admin/accounts", "Every account with its role, scope and status"],
  ["post", "/api/dashboard/admin/accounts", "Invite someone: the account and a one-time link valid 72 hours"],
  ["post", "/api/dashboard/admin/accounts/{id}/invite", "A new link for an account that has not set a password"],
  [
    "post",
    "/api/dashboard/admin/accounts/{id}/reset-password",
    "Clear a password, end the account's sessions and create a one-time link to set a new one",
  ],
  ["post", "/api/dashboard/admin/accounts/{id}/disable", "Disable an account and end its sessions"],
  ["post", "/api/dashboard/admin/accounts/{id}/unlock", "Forget the failed sign-ins that hold an account back"],
  ["post", "/api/dashboard/admin/accounts/{id}/enable", "Enable a disabled account"],
  ["post", "/api/dashboard/admin/accounts/{id}/campsites", "Set the campsites a site operator manages"],
  ["get", "/api/dashboard/admin/audit", "The audit log, newest first (before, limit)"],
]);

adminApi.get("/accounts", async (c) => c.json(await listAccounts(c.env.DB)));

type Invite = { reference: string; token: string; expiresAt: string; accountId: number };

/**
 * The new link, answered once: in the JSON, or for a form in a five-minute HttpOnly
 * cookie the accounts page shows and clears (never in the redirect's address).
 */
function answerInvite(c: Context<DashEnv>, invite: Invite, isForm: boolean, next: string | undefined, done: string) {
  const link = inviteLink(invite.reference, invite.token, requestLang(c.req.raw));
  if (isForm) {
    c.header(
      "set-cookie",
      onceCookie({ kind: "invite-link", account: c.var.account.id, about: invite.accountId, value: link }),
    );
    return formDone(c, next, "/dashboard/admin/accounts/", done);
  }
  const { reference, token, expiresAt } = invite;
  return c.json({ reference, token, expiresAt, link }, 201);
}

// Handing out access: the admin typed the password (and code) within 10 minutes.
for (const path of ["/accounts", "/accounts/:id/invite", "/accounts/:id/reset-password"]) {
  adminApi.post(path, requireRecentAuth());
}

adminApi.post("/accounts", async (c) => {
  const { data, isForm, next } = await readInput(c, InviteRequest);
  const invite = await inviteAccount(c.env.DB, c.var.account, data);
  return answerInvite(c, invite, isForm, next, "invited");
});

const Empty = z.object({});
adminApi.post("/accounts/:id/invite", validate("param", IdParam), async (c) => {
  const { isForm, next } = await readInput(c, Empty);
  const id = c.req.valid("param").id;
  const invite = await reinvite(c.env.DB, c.var.account, id);
  return answerInvite(c, { ...invite, accountId: id }, isForm, next, "invited");
});

adminApi.post("/accounts/:id/reset-password", validate("param", IdParam), async (c) => {
  const { isForm, next } = await readInput(c, Empty);
  const id = c.req.valid("param").id;
  const invite = await resetPassword(c.env.DB, c.var.account, id);
  return answerInvite(c, { ...invite, accountId: id }, isForm, next, "reset");
});

adminApi.post("/accounts/:id/unlock", validate("param", IdParam), async (c) => {
  const { isForm, next } = await readInput(c, Empty);
  const { id } = c.req.valid("param");
  await unlockSignIn(c.env.DB, c.var.account, id);
  if (isForm) return formDone(c, next, "/dashboard/admin/accounts/", "unlocked");
  return c.json({ id, status: "unlocked" });
});

for (const [action, run] of [
  ["disable", disableAccount],
  ["enable", enableAccount],
] as const) {
  adminApi.post(`/accounts/:id/${action}`, validate("param", IdParam), async (c) => {
    const { isForm, next } = await readInput(c, Empty);
    const { id } = c.req.valid("param");
    await run(c.env.DB, c.var.account, id);
    if (isForm) return formDone(c, next, "/dashboard/admin/accounts/", `${action}d`);
    return c.json({ id, status: action === "disable" ? "disabled" : "enabled" });
  });
}

adminApi.post("/accounts/:id/campsites", validate("param", IdParam), async (c) => {
  const { data, isForm, next } = await readInput(c, CampsitesRequest);
  const { id } = c.req.valid("param");
  await setCampsites(c.env.DB, c.var.account, id, data.campsites);
  if (isForm) return formDone(c, next, "/dashboard/admin/accounts/", "campsites");
  return c.json({ id, campsites: data.campsites });
});

const AuditQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
adminApi.get("/audit", validate("query", AuditQuery), async (c) => {
  const { before, limit } = c.req.valid("query");
  return c.json(await auditPage(c.env.DB, limit, before));
});
