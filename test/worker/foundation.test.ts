import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, seedCampsites } from "./helpers";

describe("GET /api/health", () => {
  it("reports the database ok after a real query", async () => {
    const res = await call("/api/health");
    expect(res.status).toBe(200);
    const body = await res.json<{ status: string; db: string; version: string }>();
    expect(body).toMatchObject({ status: "ok", db: "ok" });
    expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("reports the database down when its tables are missing", async () => {
    await env.DB.exec("DROP TABLE cron_heartbeats;");
    const res = await call("/api/health");
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: "degraded", db: "error" });
  });
});

describe("problem responses", () => {
  it("answers an unknown API path with a 404 problem in Chinese by default", async () => {
    const res = await call("/api/no-such-thing");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const body = await res.json<Record<string, unknown>>();
    expect(body).toMatchObject({ status: 404, title: "未找到", instance: "/api/no-such-thing" });
  });

  it("speaks English when Accept-Language asks for it", async () => {
    const res = await call("/api/no-such-thing", { headers: { "accept-language": "en-GB,en;q=0.9" } });
    expect(await res.json()).toMatchObject({ title: "Not found" });
  });

  it("never leaks a stack trace", async () => {
    const res = await call("/api/health", { method: "DELETE" });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    const text = await res.text();
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe("security headers", () => {
  it("are on every API response", async () => {
    for (const path of ["/api/health", "/api/nope", "/api/openapi.json"]) {
      const res = await call(path);
      expect(res.headers.get("content-security-policy"), path).toContain("frame-ancestors 'none'");
      expect(res.headers.get("content-security-policy"), path).not.toContain("unsafe-inline");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(res.headers.get("referrer-policy"), path).toBeTruthy();
      expect(res.headers.get("strict-transport-security"), path).toContain("max-age=");
    }
  });
});

describe("GET /api/campsites", () => {
  it("lists campsites with their unit types from D1", async () => {
    await seedCampsites();
    const res = await call("/api/campsites?lang=en");
    expect(res.status).toBe(200);
    const body = await res.json<Array<{ slug: string; name: string; units: Array<Record<string, unknown>> }>>();
    expect(body).toHaveLength(1);
    expect(body[0]).toMatchObject({ slug: "gajian-lawn", name: "Gajian Lawn" });
    expect(body[0]?.units[0]).toMatchObject({
      id: "gajian-byo-tent",
      name: "Bring-your-own-tent pitch",
      capacity: 3,
      maxGuests: 4,
      price: 8000,
      minNights: 1,
      maxNights: 7,
    });
  });
});

describe("GET /api/openapi.json", () => {
  it("describes the routes from their schemas", async () => {
    const res = await call("/api/openapi.json");
    const doc = await res.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/health", "/api/campsites"]));
  });
});
