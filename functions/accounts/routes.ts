import { type Context, Hono } from "hono";
import type { z } from "zod";
import { county } from "../../county.config";
import { clientAddress } from "../lib/client-address";
import { readBody, seeOther } from "../lib/forms";
import { localePath, requestLang } from "../lib/lang";
import { documented } from "../lib/openapi";
import { requireTokenKeys } from "../lib/token-secret";
import { badRequest, parseInput } from "../lib/validate";
import { acceptInvite } from "./invites";
import { deviceCookie } from "./known-device";
import { changePassword, login, reauthenticate } from "./login";
import { assertNotCrossSite, type DashEnv, requireAccount } from "./middleware";
import { EnrolConfirmRequest, InviteAcceptRequest, LoginRequest, PasswordChangeRequest, ReauthRequest } from "./schema";
import { confirmEnrolment, startEnrolment } from "./second-factor";
import { clearedSessionCookie, revokeSession, sessionCookie, tokenFromCookies } from "./sessions";
import { onceCookie } from "./show-once";
import { otpauthUri } from "./totp";

documented({
  method: "post",
  path: "/api/auth/login",
  summary: "Sign in to the dashboard; the session cookie is set on success",
  tags: ["auth"],
  body: LoginRequest,
  responses: {
    204: {
      description:
        "Signed in: `Set-Cookie: __Host-portal_session=...; HttpOnly; Secure; SameSite=Lax`, and a known-device cookie",
    },
    401: {
      description:
        "Unknown e-mail or wrong password (the same answer for both); `code-required` / `code-wrong` for an account with a second factor",
    },
    429: {
      description:
        "Growing waits after 5 failures for this account from this address; 10 for the account from anywhere (not for a known device); see Retry-After",
    },
  },
});
documented({
  method: "post",
  path: "/api/auth/logout",
  summary: "End this session",
  tags: ["auth"],
  responses: { 204: { description: "Signed out; the cookie is cleared and the session revoked" } },
});
documented({
  method: "post",
  path: "/api/auth/password",
  summary: "Change the password; every other session of the account ends",
  tags: ["auth"],
  body: PasswordChangeRequest,
  responses: { 204: { description: "Changed" }, 400: { description: "Wrong current password or too short" } },
});
documented({
  method: "post",
  path: "/api/auth/invites/accept",
  summary: "Set a first password with a one-time invitation link, and sign in",
  tags: ["auth"],
  body: InviteAcceptRequest,
  responses: { 204: { description: "Password set, signed in" }, 404: { description: "Invalid, used or expired" } },
});
documented({
  method: "post",
  path: "/api/auth/reauth",
  summary: "Type the password (and code) again before inviting or resetting a password; valid 10 minutes",
  tags: ["auth"],
  body: ReauthRequest,
  responses: {
    204: { description: "Confirmed" },
    400: { description: "Wrong password" },
    401: { description: "Code" },
  },
});
documented({
  method: "post",
  path: "/api/auth/two-factor/start",
  summary: "Admins: make (or show again) the secret to enrol in an authenticator app",
  tags: ["auth"],
  responses: { 200: { description: "`{ secret, uri }`" } },
});
documented({
  method: "post",
  path: "/api/auth/two-factor/confirm",
  summary: "Admins: switch the second factor on with a first code; answers ten one-time recovery codes",
  tags: ["auth"],
  body: EnrolConfirmRequest,
  responses: { 200: { description: "`{ recoveryCodes }`" }, 401: { description: "Wrong code" } },
});
documented({
  method: "get",
  path: "/api/auth/me",
  summary: "The signed-in account: id, email, name, role, cooperativeId, campsiteIds",
  tags: ["auth"],
  responses: { 200: { description: "The account" }, 401: { description: "Not signed in" } },
});

function parse<T extends z.ZodType>(schema: T, value: unknown, c: Context) {
  const parsed = parseInput(schema, value, requestLang(c.req.raw));
  if (!parsed.ok) throw badRequest(parsed.errors);
  return parsed.data;
}

/** Known-device cookies need a usable secret; without one sign-in still works, only without them. */
function usableKeys(c: Context<DashEnv>) {
  try {
    return requireTokenKeys(c.env);
  } catch {
    return null;
  }
}

export const authApi = new Hono<DashEnv>();

authApi.post("/login", async (c) => {
  assertNotCrossSite(c);
  const lang = requestLang(c.req.raw);
  const { value, isForm } = await readBody(c);
  const input = parse(LoginRequest, value, c);
  // A refused form sign-in goes back to the form with the e-mail kept (never the
  // password, never in a URL): see refusedForm in lib/forms.ts.
  const keys = usableKeys(c);
  const context = { address: clientAddress(c), keys, cookies: c.req.header("cookie") };
  const { token, email } = await login(c.env.DB, input, context);
  c.header("set-cookie", sessionCookie(token));
  if (keys) c.header("set-cookie", await deviceCookie(keys.current, email), { append: true });
  c.header("cache-control", "no-store");
  if (isForm) return seeOther(c, input.next ?? localePath(lang, "/dashboard/"));
  return c.body(null, 204);
});

authApi.post("/logout", async (c) => {
  assertNotCrossSite(c);
  const token = tokenFromCookies(c.req.header("cookie"));
  if (token) await revokeSession(c.env.DB, token);
  c.header("set-cookie", clearedSessionCookie());
  c.header("cache-control", "no-store");
  const form = (c.req.header("content-type") ?? "").startsWith("application/x-www-form-urlencoded");
  if (form) return seeOther(c, localePath(requestLang(c.req.raw), "/dashboard/login/?signedOut=1"));
  return c.body(null, 204);
});

authApi.post("/invites/accept", async (c) => {
  assertNotCrossSite(c);
  const { value, isForm } = await readBody(c);
  const { token } = await acceptInvite(c.env.DB, parse(InviteAcceptRequest, value, c));
  c.header("set-cookie", sessionCookie(token));
  c.header("cache-control", "no-store");
  if (isForm) return seeOther(c, localePath(requestLang(c.req.raw), "/dashboard/?welcome=1"));
  return c.body(null, 204);
});

authApi.post("/password", requireAccount(), async (c) => {
  const { value, isForm } = await readBody(c);
  await changePassword(c.env.DB, c.var.account, parse(PasswordChangeRequest, value, c), clientAddress(c));
  if (isForm) return seeOther(c, localePath(requestLang(c.req.raw), "/dashboard/password/?changed=1"));
  return c.body(null, 204);
});
authApi.post("/reauth", requireAccount(), async (c) => {
  const { value, isForm } = await readBody(c);
  const input = parse(ReauthRequest, value, c);
  await reauthenticate(c.env.DB, c.var.account, input, clientAddress(c));
  if (isForm) return seeOther(c, input.next ?? localePath(requestLang(c.req.raw), "/dashboard/"));
  return c.body(null, 204);
});

authApi.post("/two-factor/start", requireAccount("admin"), async (c) => {
  const { isForm } = await readBody(c);
  const secret = await startEnrolment(c.env.DB, c.var.account);
  if (isForm) return seeOther(c, localePath(requestLang(c.req.raw), "/dashboard/two-factor/"));
  return c.json({ secret, uri: otpauthUri(secret, new URL(county.siteUrl).hostname, c.var.account.email) });
});

authApi.post("/two-factor/confirm", requireAccount("admin"), async (c) => {
  const { value, isForm } = await readBody(c);
  const { code } = parse(EnrolConfirmRequest, value, c);
  const codes = await confirmEnrolment(c.env.DB, c.var.account, code);
  if (isForm) {
    c.header("set-cookie", onceCookie({ kind: "recovery-codes", account: c.var.account.id, value: codes.join(" ") }));
    return seeOther(c, localePath(requestLang(c.req.raw), "/dashboard/two-factor/?done=on"));
  }
  return c.json({ recoveryCodes: codes });
});

authApi.get("/me", requireAccount(), (c) => {
  const { id, email, name, role, cooperativeId, campsiteIds } = c.var.account;
  return c.json({ id, email, name, role, cooperativeId, campsiteIds });
});
