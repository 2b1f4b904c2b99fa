import { env } from "cloudflare:workers";
import { derivedToken, keyId, sha256Hex } from "@functions/lib/tokens";
import { describe, expect, it } from "vitest";
import { createAccount, postAs, seedTwoSites, signIn } from "./accounts";
import { app } from "./entry";
import { call, newKey, scalar, seedCampsites, stay } from "./helpers";
import { checkout, type PlacedBody, seedProduce } from "./produce";

const STRONG = "a-production-secret-of-forty-random-characters-0123";
const OLD = "the-previous-production-secret-also-long-enough-987";

function callWith(vars: Record<string, string | undefined>, path: string, init?: RequestInit) {
  return Promise.resolve(app.request(path, init, { ...env, ...vars }));
}
const bookWith = (vars: Record<string, string | undefined>) =>
  callWith(vars, "/api/bookings", {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": newKey() },
    body: JSON.stringify(stay()),
  });

/** A token as the portal made them before key ids: the HMAC alone. */
async function legacyToken(secret: string, reference: string) {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const sig = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`booking:${reference}`)));
  return btoa(String.fromCharCode(...sig))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "")
    .slice(0, 32);
}

describe("the token secret", () => {
  it("is refused in production when missing, short or a published demo value; health says so", async () => {
    await seedCampsites();
    for (const [secret, state] of [
      [undefined, "missing"],
      ["short-but-16-chars", "weak"],
      ["worker-test-secret-0123456789", "weak"],
      ["local-demo-secret-not-for-production", "weak"],
    ] as const) {
      const vars = { PORTAL_ENV: "production", TOKEN_SECRET: secret };
      const health = await callWith(vars, "/api/health");
      expect(health.status, String(secret)).toBe(503);
      expect(await health.json()).toMatchObject({
        status: "degraded",
        db: "ok",
        secret: state,
        version: expect.any(String),
      });
      const booking = await bookWith(vars);
      expect(booking.status).toBe(503);
      expect(booking.headers.get("content-type")).toContain("application/problem+json");
      expect(await booking.json()).toMatchObject({ status: 503, detail: expect.stringContaining("安全密钥") });
    }
    expect(await scalar("SELECT count(*) FROM bookings")).toBe(0);
    const ok = await callWith({ PORTAL_ENV: "production", TOKEN_SECRET: STRONG }, "/api/health");
    expect(await ok.json()).toMatchObject({ status: "ok", db: "ok", secret: "ok" });
    // The demo and the tests keep their own values.
    expect(await (await call("/api/health")).json()).toMatchObject({ status: "ok", secret: "ok" });
  });

  it("puts the key's id in new tokens and still opens records made with the previous key or none", async () => {
    await seedCampsites();
    const made = await bookWith({ TOKEN_SECRET: OLD });
    const { reference, token } = await made.json<{ reference: string; token: string }>();
    expect(token.startsWith(`${await keyId(OLD)}.`)).toBe(true);
    const rotated = { TOKEN_SECRET: STRONG, TOKEN_SECRET_PREVIOUS: OLD };
    expect((await callWith(rotated, `/api/bookings/${reference}?token=${token}`)).status).toBe(200);
    const stored = await scalar<string>("SELECT token_hash FROM bookings WHERE reference = ?", reference);
    const keys = { current: STRONG, previous: [OLD] };
    // A new message for the old booking carries the token it was issued with.
    expect(await derivedToken(keys, "booking", reference, stored)).toBe(token);
    const fresh = await (await bookWith(rotated)).json<{ token: string }>();
    expect(fresh.token.startsWith(`${await keyId(STRONG)}.`)).toBe(true);

    // A booking from before key ids: its bare token keeps working and is re-derived as it was.
    const legacy = await legacyToken(OLD, reference);
    await env.DB.prepare("UPDATE bookings SET token_hash = ? WHERE reference = ?")
      .bind(await sha256Hex(legacy), reference)
      .run();
    expect((await callWith(rotated, `/api/bookings/${reference}?token=${legacy}`)).status).toBe(200);
    expect(await derivedToken(keys, "booking", reference, await sha256Hex(legacy))).toBe(legacy);
  });

  it("hands a checkout replayed after a key change the tokens its orders were made with", async () => {
    await seedProduce();
    const key = newKey();
    const order = (vars: Record<string, string | undefined>) =>
      callWith(vars, "/api/orders", {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": key },
        body: JSON.stringify(checkout([{ product: "syrup", quantity: 1 }])),
      });
    const first = await (await order({ TOKEN_SECRET: OLD })).json<PlacedBody>();
    const replay = await order({ TOKEN_SECRET: STRONG, TOKEN_SECRET_PREVIOUS: OLD });
    expect(replay.status).toBe(201);
    expect((await replay.json<PlacedBody>()).orders.map((o) => o.token)).toEqual(first.orders.map((o) => o.token));
  });

  it("makes invitation links random one-time tokens, stored hashed", async () => {
    await seedTwoSites();
    await createAccount("admin@example.cn", "admin");
    const admin = await signIn("admin@example.cn");
    const invite = async (email: string) =>
      (await postAs(admin, "/api/dashboard/admin/accounts", { email, name: "x", role: "operator" })).json<{
        token: string;
      }>();
    const [a, b] = [await invite("a@example.cn"), await invite("b@example.cn")];
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    const hashes = (await env.DB.prepare("SELECT token_hash FROM invites").all<{ token_hash: string }>()).results;
    expect(hashes.map((h) => h.token_hash)).toContain(await sha256Hex(a.token));
  });
});
