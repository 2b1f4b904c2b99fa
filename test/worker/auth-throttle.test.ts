import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createAccount, PASSWORD } from "./accounts";
import { postJson, scalar } from "./helpers";

const attempt = (email: string, password: string, ip = "203.0.113.7") =>
  postJson("/api/auth/login", { email, password }, null, { "cf-connecting-ip": ip });

describe("sign-in throttling", () => {
  it("answers 429 with Retry-After after 10 failures for an account from anywhere, even with the right password", async () => {
    await createAccount("ops@example.cn", "operator");
    for (let i = 0; i < 10; i++) {
      // A different address each time: the account's own count must still trip.
      expect((await attempt("ops@example.cn", `wrong ${i}`, `198.51.100.${i}`)).status).toBe(401);
    }
    const res = await attempt("ops@example.cn", PASSWORD, "198.51.100.99");
    expect(res.status).toBe(429);
    const retry = Number(res.headers.get("retry-after"));
    expect(retry).toBeGreaterThan(14 * 60);
    expect(retry).toBeLessThanOrEqual(15 * 60);
    expect(await res.json()).toMatchObject({ status: 429, retryAfter: retry });
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(await scalar("SELECT count(*) FROM sessions")).toBe(0);
  });

  it("throttles an address that guesses across many accounts", async () => {
    await createAccount("ops@example.cn", "operator");
    for (let i = 0; i < 20; i++) expect((await attempt(`guess${i}@example.cn`, "x")).status).toBe(401);
    expect((await attempt("ops@example.cn", PASSWORD)).status).toBe(429);
    // Another address is not affected.
    expect((await attempt("ops@example.cn", PASSWORD, "192.0.2.1")).status).toBe(204);
  });

  it("lets 4 failures pass, and a success clears the account's count", async () => {
    await createAccount("ops@example.cn", "operator");
    for (let i = 0; i < 4; i++) await attempt("ops@example.cn", "wrong", `198.51.100.${i}`);
    expect((await attempt("ops@example.cn", PASSWORD, "192.0.2.1")).status).toBe(204);
    for (let i = 0; i < 4; i++) await attempt("ops@example.cn", "wrong", `198.51.100.${10 + i}`);
    expect((await attempt("ops@example.cn", PASSWORD, "192.0.2.2")).status).toBe(204);
  });

  it("opens again once the wait after the last failure has passed", async () => {
    await createAccount("ops@example.cn", "operator");
    for (let i = 0; i < 5; i++) await attempt("ops@example.cn", "wrong");
    expect((await attempt("ops@example.cn", PASSWORD)).status).toBe(429);
    await env.DB.prepare("UPDATE login_failures SET at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-2 minutes')").run();
    expect((await attempt("ops@example.cn", PASSWORD)).status).toBe(204);
  });

  it("lets at most a handful of 20 parallel guesses through to the password check", async () => {
    await createAccount("ops@example.cn", "operator");
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt("ops@example.cn", `guess ${i}`)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(15);
  });

  it("stores neither the address nor the e-mail in clear", async () => {
    await attempt("someone@example.cn", "wrong", "203.0.113.50");
    const keys = (await env.DB.prepare("SELECT key_hash FROM login_failures").all<{ key_hash: string }>()).results;
    expect(keys).toHaveLength(3);
    for (const k of keys) expect(k.key_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
