import { env } from "cloudflare:workers";
import { totpCode, totpStep } from "@functions/accounts/totp";
import { beforeEach, describe, expect, it } from "vitest";
import { as, createAccount, PASSWORD, postAs, seedTwoSites, signIn } from "./accounts";
import { app } from "./entry";
import { postJson, scalar } from "./helpers";

const ip = { "cf-connecting-ip": "192.0.2.60" };
const login = (body: Record<string, string>) => postJson("/api/auth/login", body, null, ip);
const codeAt = (secret: string, offsetSteps = 0) => totpCode(secret, totpStep(new Date()) + offsetSteps);

/** Enrols the signed-in admin and returns the secret and the recovery codes. */
async function enrol(cookie: string) {
  const start = await postAs(cookie, "/api/auth/two-factor/start");
  expect(start.status).toBe(200);
  const { secret, uri } = await start.json<{ secret: string; uri: string }>();
  expect(uri).toMatch(/^otpauth:\/\/totp\/.+\?secret=[A-Z2-7]{32}&issuer=.+&algorithm=SHA1&digits=6&period=30$/);
  const confirm = await postAs(cookie, "/api/auth/two-factor/confirm", { code: await codeAt(secret, -1) });
  expect(confirm.status).toBe(200);
  const { recoveryCodes } = await confirm.json<{ recoveryCodes: string[] }>();
  return { secret, recoveryCodes };
}

let admin: string;
beforeEach(async () => {
  await seedTwoSites();
  await createAccount("admin@example.cn", "admin");
  admin = await signIn("admin@example.cn");
});

describe("second factor for admins", () => {
  it("computes RFC 6238 codes (SHA-1, 6 digits, 30 s)", async () => {
    // RFC 6238 appendix B, secret "12345678901234567890", T = 59 s and 1111111109 s.
    const secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    expect(await totpCode(secret, totpStep(new Date(59_000)))).toBe("287082");
    expect(await totpCode(secret, totpStep(new Date(1_111_111_109_000)))).toBe("081804");
  });

  it("enrols with a first code and then wants { email, password, code } at sign-in", async () => {
    const { secret, recoveryCodes } = await enrol(admin);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = (await env.DB.prepare("SELECT code_hash FROM recovery_codes").all<{ code_hash: string }>()).results;
    expect(stored).toHaveLength(10);
    for (const code of recoveryCodes) expect(JSON.stringify(stored)).not.toContain(code.replace("-", ""));

    const missing = await login({ email: "admin@example.cn", password: PASSWORD });
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ errors: [{ field: "code" }] });
    expect((await login({ email: "admin@example.cn", password: PASSWORD, code: "000000" })).status).toBe(401);
    const code = await codeAt(secret);
    expect((await login({ email: "admin@example.cn", password: PASSWORD, code })).status).toBe(204);
    // The same code does not work twice.
    expect((await login({ email: "admin@example.cn", password: PASSWORD, code })).status).toBe(401);
    expect(await scalar("SELECT count(*) FROM audit_log WHERE action = 'account.two_factor_on'")).toBe(1);
  });

  it("takes a recovery code instead of the code, once", async () => {
    const { recoveryCodes } = await enrol(admin);
    const typed = (recoveryCodes[3] ?? "").toLowerCase().replace("-", " ");
    expect((await login({ email: "admin@example.cn", password: PASSWORD, code: typed })).status).toBe(204);
    expect((await login({ email: "admin@example.cn", password: PASSWORD, code: typed })).status).toBe(401);
    expect(await scalar("SELECT count(*) FROM recovery_codes WHERE used_at IS NULL")).toBe(9);
  });

  it("refuses a wrong first code and keeps the factor off", async () => {
    await postAs(admin, "/api/auth/two-factor/start");
    expect((await postAs(admin, "/api/auth/two-factor/confirm", { code: "123456" })).status).toBe(401);
    expect(await scalar("SELECT count(*) FROM accounts WHERE totp_secret IS NOT NULL")).toBe(0);
    expect((await login({ email: "admin@example.cn", password: PASSWORD })).status).toBe(204);
  });

  it("in production, keeps an admin without a second factor out of the admin API until enrolled", async () => {
    const prod = (path: string, cookie: string, init: RequestInit = {}) =>
      Promise.resolve(
        app.request(
          path,
          { ...init, headers: { cookie, ...ip, ...(init.headers as object) } },
          {
            ...env,
            PORTAL_ENV: "production",
            TOKEN_SECRET: "a-production-secret-of-forty-random-characters-0123",
          },
        ),
      );
    const refused = await prod("/api/dashboard/admin/accounts", admin);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ type: expect.stringContaining("second-factor-required") });
    const { secret } = await enrol(admin);
    expect((await prod("/api/dashboard/admin/accounts", admin)).status).toBe(200);
    expect(secret).toHaveLength(32);
  });
});

describe("re-authentication before handing out access", () => {
  const invite = (cookie = admin) =>
    postAs(cookie, "/api/dashboard/admin/accounts", { email: "new@example.cn", name: "新", role: "operator" });

  it("wants the password again when the sign-in is older than 10 minutes", async () => {
    await env.DB.prepare("UPDATE sessions SET reauth_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-11 minutes')").run();
    const refused = await invite();
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ type: expect.stringContaining("reauth-required") });
    const id = await createAccount("ops@example.cn", "operator");
    expect((await postAs(admin, `/api/dashboard/admin/accounts/${id}/reset-password`)).status).toBe(403);
    expect(await scalar("SELECT count(*) FROM invites")).toBe(0);

    expect((await postAs(admin, "/api/auth/reauth", { password: "wrong password" }, ip)).status).toBe(400);
    expect((await postAs(admin, "/api/auth/reauth", { password: PASSWORD }, ip)).status).toBe(204);
    expect((await invite()).status).toBe(201);
    expect(await scalar("SELECT count(*) FROM audit_log WHERE action = 'session.reauth'")).toBe(1);
  });

  it("wants the code too when the admin has a second factor, and sends a form to the confirm page", async () => {
    const { secret } = await enrol(admin);
    await env.DB.prepare("UPDATE sessions SET reauth_at = NULL").run();
    const form = await as(admin, "/api/dashboard/admin/accounts?lang=en", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" },
      body: "email=new%40example.cn&name=x&role=operator",
    });
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toMatch(/^\/en\/dashboard\/confirm\/\?next=/);
    expect((await postAs(admin, "/api/auth/reauth", { password: PASSWORD }, ip)).status).toBe(401);
    const code = await codeAt(secret, 1);
    expect((await postAs(admin, "/api/auth/reauth", { password: PASSWORD, code }, ip)).status).toBe(204);
    expect((await invite()).status).toBe(201);
  });
});

describe("new passwords", () => {
  it("refuses common and breached passwords and ones with the e-mail name or the county's name", async () => {
    const res = await invite();
    const { reference, token } = await res.json<{ reference: string; token: string }>();
    for (const password of [
      "Password1234!",
      "qwertyuiop123",
      "woaini1314520",
      "iloveyou2026",
      "111111111111",
      "newcomer-pear-orchard",
      "Jinchuan orchard days",
      "金川县的梨花开了呀",
    ]) {
      const refused = await postJson("/api/auth/invites/accept", { reference, token, password }, null);
      expect(refused.status, password).toBe(400);
      expect(await refused.json()).toMatchObject({ errors: [{ field: "password" }] });
    }
    expect(
      await scalar("SELECT count(*) FROM accounts WHERE email = 'newcomer@example.cn' AND password_hash IS NULL"),
    ).toBe(1);
    expect(
      (await postJson("/api/auth/invites/accept", { reference, token, password: "quiet river under pears" }, null))
        .status,
    ).toBe(204);

    const change = await postAs(admin, "/api/auth/password", { current: PASSWORD, password: "abcdefghijkl" }, ip);
    expect(change.status).toBe(400);
  });

  const invite = () =>
    postAs(admin, "/api/dashboard/admin/accounts", { email: "newcomer@example.cn", name: "新", role: "operator" });
});
