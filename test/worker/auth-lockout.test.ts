import { env } from "cloudflare:workers";
import { pairDelay } from "@functions/accounts/throttle";
import { describe, expect, it } from "vitest";
import { as, createAccount, PASSWORD, postAs, signIn } from "./accounts";
import { postJson, scalar } from "./helpers";

/** Someone who knows a staff e-mail must not be able to keep its owner out. */
const attempt = (email: string, password: string, ip: string, cookie = "") =>
  postJson("/api/auth/login", { email, password }, null, { "cf-connecting-ip": ip, ...(cookie ? { cookie } : {}) });

const deviceCookieOf = (res: Response) =>
  (res.headers.getSetCookie().find((c) => c.startsWith("__Host-portal_device=")) ?? "").split(";")[0] ?? "";

async function guess(email: string, times: number, from = "203.0.113") {
  for (let i = 0; i < times; i++) await attempt(email, `wrong ${i}`, `${from}.${i + 1}`);
}

describe("staff lockout", () => {
  it("lets the owner's known device sign in while others keep the account locked", async () => {
    await createAccount("ops@example.cn", "operator");
    const first = await attempt("ops@example.cn", PASSWORD, "192.0.2.10");
    expect(first.status).toBe(204);
    const device = deviceCookieOf(first);
    expect(device).toMatch(/^__Host-portal_device=\d+\.[A-Za-z0-9_-]{4}\.[A-Za-z0-9_-]{43}$/);
    expect(first.headers.getSetCookie().find((c) => c.startsWith("__Host-portal_device="))).toMatch(
      /HttpOnly; Secure; SameSite=Strict/,
    );

    // Fifteen minutes of guessing from many addresses, again and again.
    for (let round = 0; round < 3; round++) {
      await guess("ops@example.cn", 10, `198.51.${100 + round}`);
      // A browser that never signed in to the account is held back...
      expect((await attempt("ops@example.cn", PASSWORD, "192.0.2.77")).status).toBe(429);
      // ...the owner's own device is not, even from a new address.
      expect((await attempt("ops@example.cn", PASSWORD, `192.0.2.${20 + round}`, device)).status).toBe(204);
    }
  });

  it("does not accept a device cookie of another account, a forged or an expired one", async () => {
    await createAccount("ops@example.cn", "operator");
    await createAccount("other@example.cn", "operator");
    const device = deviceCookieOf(await attempt("other@example.cn", PASSWORD, "192.0.2.10"));
    await guess("ops@example.cn", 10);
    expect((await attempt("ops@example.cn", PASSWORD, "192.0.2.30", device)).status).toBe(429);
    const forged = device.replace(/.$/, (ch) => (ch === "A" ? "B" : "A"));
    expect((await attempt("ops@example.cn", PASSWORD, "192.0.2.31", forged)).status).toBe(429);
    const expired = `__Host-portal_device=1000.${device.split(".").slice(1).join(".")}`;
    expect((await attempt("ops@example.cn", PASSWORD, "192.0.2.32", expired)).status).toBe(429);
  });

  it("makes one address wait longer after each failure beyond five", async () => {
    await createAccount("ops@example.cn", "operator");
    expect([4, 5, 6, 7, 20].map(pairDelay)).toEqual([0, 60, 120, 240, 3600]);
    for (let i = 0; i < 5; i++) expect((await attempt("ops@example.cn", "wrong", "203.0.113.9")).status).toBe(401);
    const held = await attempt("ops@example.cn", PASSWORD, "203.0.113.9");
    expect(held.status).toBe(429);
    expect(Number(held.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    // The same account from another address is not held back by this one.
    expect((await attempt("ops@example.cn", PASSWORD, "192.0.2.40")).status).toBe(204);
  });

  it("lets an admin unlock an account, with an audit entry; others may not", async () => {
    const id = await createAccount("ops@example.cn", "operator");
    await createAccount("admin@example.cn", "admin");
    const admin = await signIn("admin@example.cn", PASSWORD, { "cf-connecting-ip": "192.0.2.1" });
    const ops2 = await createAccount("ops2@example.cn", "operator");
    const operator = await signIn("ops2@example.cn", PASSWORD, { "cf-connecting-ip": "192.0.2.2" });
    await guess("ops@example.cn", 10);
    expect((await attempt("ops@example.cn", PASSWORD, "192.0.2.50")).status).toBe(429);
    expect((await postAs(operator, `/api/dashboard/admin/accounts/${id}/unlock`)).status).toBe(404);
    const res = await postAs(admin, `/api/dashboard/admin/accounts/${id}/unlock`);
    expect(res.status).toBe(200);
    expect(await scalar("SELECT count(*) FROM login_failures WHERE account_hash IS NOT NULL")).toBe(0);
    expect(await scalar<string>("SELECT after FROM audit_log WHERE action = 'account.unlock'")).toContain(
      '"failedSignIns":0',
    );
    expect(await scalar<string>("SELECT before FROM audit_log WHERE action = 'account.unlock'")).toContain(
      '"failedSignIns":10',
    );
    expect((await attempt("ops@example.cn", PASSWORD, "192.0.2.50")).status).toBe(204);
    expect(ops2).toBeGreaterThan(0);
    // The accounts page offers the button only for a held-back account.
    const page = await as(admin, "/api/dashboard/admin/accounts");
    expect(page.status).toBe(200);
    void env;
  });
});
