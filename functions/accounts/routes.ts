import { type Context, Hono } from "hono";
import type { z } from "zod";
import { clientAddress } from "../lib/client-address";
import { readBody, seeOther } from "../lib/forms";
import { localePath, requestLang } from "../lib/lang";
import { documented } from "../lib/openapi";
import { badRequest, parseInput } from "../lib/validate";
import { acceptInvite } from "./invites";
import { changePassword, login } from "./login";
import { assertNotCrossSite, type DashEnv, requireAccount } from "./middleware";
import { InviteAcceptRequest, LoginRequest, PasswordChangeRequest } from "./schema";
import { clearedSessionCookie, revokeSession, sessionCookie, tokenFromCookies } from "./sessions";

documented({
  method: "post",
  path: "/api/auth/login",
  summary: "Sign in to the dashboard; the session cookie is set on success",
  tags: ["auth"],
  body: LoginRequest,
  responses: {
    204: { description: "Signed in: `Set-Cookie: __Host-portal_session=...; HttpOnly; Secure; SameSite=Lax`" },
    401: { description: "Unknown e-mail or wrong password (the same answer for both)" },
    429: { description: "5 failures in 15 minutes for this account or address; see Retry-After" },
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

export const authApi = new Hono<DashEnv>();

authApi.post("/login", async (c) => {
  assertNotCrossSite(c);
  const lang = requestLang(c.req.raw);
  const { value, isForm } = await readBody(c);
  const input = parse(LoginRequest, value, c);
  // A refused form sign-in goes back to the form with the e-mail kept (never the
  // password, never in a URL): see refusedForm in lib/forms.ts.
  const { token } = await login(c.env.DB, input, clientAddress(c));
  c.header("set-cookie", sessionCookie(token));
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
authApi.get("/me", requireAccount(), (c) => {
  const { id, email, name, role, cooperativeId, campsiteIds } = c.var.account;
  return c.json({ id, email, name, role, cooperativeId, campsiteIds });
});
