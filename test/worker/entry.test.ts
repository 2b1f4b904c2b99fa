import { createExecutionContext, createScheduledController, SELF, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { SECURITY_HEADERS } from "@functions/lib/security";
import { describe, expect, it } from "vitest";
import { createAccount } from "./accounts";
import worker, { app } from "./entry";
import { inDays, postJson, scalar, seedCampsites, stay } from "./helpers";
import { checkout, postOrder, seedProduce } from "./produce";

/**
 * The Worker as functions/index.ts builds it (functions/api/index.ts), with a
 * stand-in for Astro's pages: the API document matches the routers, and what
 * sits around the API (security headers, /media/, the API's 404, the crons)
 * answers through the Worker's own fetch and scheduled handlers.
 */
const url = (path: string) => `http://localhost${path}`;

/** The Worker's scheduled handler at `cron`, waited for as the runtime would. */
async function runCron(cron: string): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron, scheduledTime: Date.now() }), env, ctx);
  await waitOnExecutionContext(ctx);
}

function expectSecurityHeaders(res: Response) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(name), name).toBe(value);
}

describe("the API document", () => {
  it("lists every route the Worker answers under /api, and no other", async () => {
    const routed = new Set(
      app.routes
        // Middleware (use, the API's 404) registers as ALL; pages and /media/ are not API routes.
        .filter((r) => r.method !== "ALL" && r.path.startsWith("/api/"))
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)(\{[^}]*\})?/g, "{$1}")}`),
    );
    const doc = await (await SELF.fetch(url("/api/openapi.json"))).json<{ paths: Record<string, object> }>();
    const described = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)),
    );
    expect(
      [...routed].filter((r) => !described.has(r)),
      "routed but not documented",
    ).toEqual([]);
    expect(
      [...described].filter((r) => !routed.has(r)),
      "documented but not routed",
    ).toEqual([]);
    expect(routed.size).toBeGreaterThan(40);
  });
});

describe("around the API", () => {
  it("answers an unknown API path with the problem+json 404 and the security headers", async () => {
    const res = await SELF.fetch(url("/api/nope?lang=en"));
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ type: "/api/problems/not-found", status: 404, instance: "/api/nope" });
    expectSecurityHeaders(res);
  });

  it("answers a missing or malformed picture under /media/ with a 404, not a 500", async () => {
    for (const path of ["/media/0123456789abcdef.png", "/media/not-a-key", "/media/%2e%2e%2fsecret", "/media/"]) {
      const res = await SELF.fetch(url(path));
      expect(res.status, path).toBe(404);
      expectSecurityHeaders(res);
      await res.arrayBuffer();
    }
    const head = await SELF.fetch(url("/media/missing.webp"), { method: "HEAD" });
    expect(head.status).toBe(404);
  });

  it("hands other paths to the pages, with the security headers on their answer too", async () => {
    const res = await SELF.fetch(url("/no-such-page/"));
    expect(res.status).toBe(404);
    expectSecurityHeaders(res);
    await res.arrayBuffer();
  });
});

describe("the crons", () => {
  it("runs housekeeping at the hourly cron", async () => {
    await seedCampsites();
    await postJson("/api/bookings", stay({ checkIn: inDays(1) }));
    await env.DB.prepare("UPDATE idempotency_keys SET created_at = '2000-01-01T00:00:00.000Z'").run();
    // A stay whose arrival day has passed without a check-in.
    await env.DB.prepare("UPDATE bookings SET check_in = ?").bind(inDays(-1)).run();
    await runCron("15 * * * *");
    expect(await scalar("SELECT count(*) FROM idempotency_keys")).toBe(0);
    expect(await scalar("SELECT status FROM bookings")).toBe("no_show");
  });

  it("sends new-order e-mails at the one-minute cron", async () => {
    await seedProduce();
    await createAccount("li@pear.example.cn", "cooperative", { cooperativeId: "pear-coop" });
    expect((await postOrder(checkout([{ product: "syrup", quantity: 1 }]))).status).toBe(201);
    await env.DB.prepare("UPDATE idempotency_keys SET created_at = '2000-01-01T00:00:00.000Z'").run();
    await runCron("* * * * *");
    expect(await scalar("SELECT count(*) FROM outbox WHERE channel = 'email' AND status = 'sent'")).toBe(1);
    expect(await scalar("SELECT recipient FROM outbox WHERE channel = 'email'")).toBe("li@pear.example.cn");
    // Not housekeeping's work: old idempotency records stay until the hourly run.
    expect(await scalar("SELECT count(*) FROM idempotency_keys")).toBe(1);
  });
});
