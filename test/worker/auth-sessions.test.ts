import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { as, createAccount, PASSWORD, postAs, seedTwoSites, signIn } from "./accounts";
import { postJson, scalar } from "./helpers";

describe("POST /api/auth/login", () => {
  it("answers 204 with a __Host- session cookie: HttpOnly, Secure, SameSite=Lax, Path=/", async () => {
    await createAccount("ops@example.cn", "operator");
    const res = await postJson("/api/auth/login", { email: " OPS@example.cn ", password: PASSWORD }, null);
    expect(res.status).toBe(204);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("__Host-portal_session=")) ?? "";
    expect(cookie).toMatch(/^__Host-portal_session=[A-Za-z0-9_-]{43};/);
    const attrs = cookie.split(";").map((a) => a.trim().toLowerCase());
    expect(attrs).toEqual(expect.arrayContaining(["path=/", "httponly", "secure", "samesite=lax"]));
    expect(attrs.some((a) => a.startsWith("domain="))).toBe(false);
    expect(res.headers.get("cache-control")).toBe("no-store");
    // Only the token's hash is stored.
    const token = cookie.split(";")[0]?.split("=")[1] ?? "";
    const stored = await scalar<string>("SELECT token_hash FROM sessions");
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain(token);
  });

  it("gives the same answer for an unknown e-mail, a wrong password, a disabled or an invited account", async () => {
    await createAccount("ops@example.cn", "operator");
    await createAccount("gone@example.cn", "operator");
    await env.DB.prepare(
      "UPDATE accounts SET disabled_at = '2026-01-01T00:00:00.000Z' WHERE email = 'gone@example.cn'",
    ).run();
    await createAccount("new@example.cn", "operator", { password: null });
    const answers = await Promise.all(
      [
        { email: "nobody@example.cn", password: PASSWORD },
        { email: "ops@example.cn", password: "wrong password here" },
        { email: "gone@example.cn", password: PASSWORD },
        { email: "new@example.cn", password: PASSWORD },
      ].map(async (body) => {
        const res = await postJson("/api/auth/login", body, null, { "cf-connecting-ip": body.email });
        return {
          status: res.status,
          cookie: res.headers.get("set-cookie"),
          body: await res.json<{ detail: string }>(),
        };
      }),
    );
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(answers[0]?.status).toBe(401);
    expect(answers[0]?.cookie).toBeNull();
    expect(await scalar("SELECT count(*) FROM sessions")).toBe(0);
  });

  it("spends as long on an unknown e-mail as on a wrong password (a dummy hash is checked)", async () => {
    await createAccount("ops@example.cn", "operator");
    const time = async (email: string, i: number) => {
      const start = performance.now();
      await postJson("/api/auth/login", { email, password: "wrong password" }, null, {
        "cf-connecting-ip": `192.0.2.${i}`,
      });
      return performance.now() - start;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await time("ops@example.cn", i));
      unknown.push(await time(`nobody${i}@example.cn`, 10 + i));
    }
    // PBKDF2 at 100,000 iterations dominates both; without the dummy the unknown case would be near zero.
    expect(Math.min(...unknown)).toBeGreaterThan(Math.min(...known) * 0.5);
  });

  it("refuses a malformed body with 400 and a form from another site with 403", async () => {
    expect((await postJson("/api/auth/login", { email: "x" }, null)).status).toBe(400);
    const res = await postJson("/api/auth/login", { email: "a@b.cn", password: "x" }, null, {
      origin: "https://evil.example",
    });
    expect(res.status).toBe(403);
  });
});

describe("a session's life", () => {
  it("signs in, is recognised, signs out, and the old cookie no longer works", async () => {
    await createAccount("ops@example.cn", "operator");
    const cookie = await signIn("ops@example.cn");
    const me = await as(cookie, "/api/auth/me");
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: "ops@example.cn", role: "operator" });

    const out = await postAs(cookie, "/api/auth/logout");
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/^__Host-portal_session=; Path=\/; Max-Age=0/);
    expect(await scalar("SELECT count(*) FROM sessions")).toBe(0);
    // Replaying the cookie after logout: the session is gone on the server, not just in the browser.
    const replay = await as(cookie, "/api/auth/me");
    expect(replay.status).toBe(401);
    expect((await as(cookie, "/api/dashboard/sites")).status).toBe(401);
  });

  it("ends a session after 12 hours, or after an hour unused", async () => {
    await createAccount("ops@example.cn", "operator");
    const cookie = await signIn("ops@example.cn");
    await env.DB.prepare(
      "UPDATE sessions SET last_seen_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-61 minutes')",
    ).run();
    expect((await as(cookie, "/api/auth/me")).status).toBe(401);
    const second = await signIn("ops@example.cn");
    await env.DB.prepare("UPDATE sessions SET expires_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1 second')").run();
    expect((await as(second, "/api/auth/me")).status).toBe(401);
  });

  it("gives each sign-in a new token (no session fixation)", async () => {
    await createAccount("ops@example.cn", "operator");
    const a = await signIn("ops@example.cn");
    const b = await signIn("ops@example.cn");
    expect(a).not.toBe(b);
    expect(await scalar("SELECT count(*) FROM sessions")).toBe(2);
  });

  it("ends the account's other sessions when the password changes, and keeps this one", async () => {
    await createAccount("ops@example.cn", "operator");
    const laptop = await signIn("ops@example.cn");
    const phone = await signIn("ops@example.cn");
    const res = await postAs(laptop, "/api/auth/password", { current: PASSWORD, password: "a brand new passphrase" });
    expect(res.status).toBe(204);
    expect((await as(laptop, "/api/auth/me")).status).toBe(200);
    expect((await as(phone, "/api/auth/me")).status).toBe(401);
    await expect(signIn("ops@example.cn")).rejects.toThrow(/401/);
    expect(await signIn("ops@example.cn", "a brand new passphrase")).toMatch(/^__Host-portal_session=/);
    expect(await scalar("SELECT count(*) FROM audit_log WHERE action = 'account.password'")).toBe(1);
    expect(await scalar<string>("SELECT after FROM audit_log WHERE action = 'account.password'")).not.toContain(
      "pbkdf2",
    );
  });

  it("refuses a password change with a wrong current password or a short new one, and changes nothing", async () => {
    await createAccount("ops@example.cn", "operator");
    const cookie = await signIn("ops@example.cn");
    const before = await scalar<string>("SELECT password_hash FROM accounts");
    const wrong = await postAs(cookie, "/api/auth/password", {
      current: "not it at all",
      password: "a brand new passphrase",
    });
    expect(wrong.status).toBe(400);
    const short = await postAs(cookie, "/api/auth/password", { current: PASSWORD, password: "short" });
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ errors: [{ field: "password" }] });
    expect(await scalar<string>("SELECT password_hash FROM accounts")).toBe(before);
  });

  it("ends every session of an account that is disabled", async () => {
    await seedTwoSites();
    await createAccount("admin@example.cn", "admin");
    const opsId = await createAccount("ops@example.cn", "operator", { campsites: ["gajian-lawn"] });
    const ops = await signIn("ops@example.cn");
    const admin = await signIn("admin@example.cn");
    expect((await postAs(admin, `/api/dashboard/admin/accounts/${opsId}/disable`)).status).toBe(200);
    expect((await as(ops, "/api/dashboard/sites")).status).toBe(401);
    await expect(signIn("ops@example.cn")).rejects.toThrow(/401/);
  });
});
