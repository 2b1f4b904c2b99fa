import { env } from "cloudflare:workers";
import { portalApp } from "@functions/api";
import { describe, expect, it } from "vitest";
import { as, createAccount, PASSWORD, seedTwoSites, signIn, snapshot } from "./accounts";
import { databaseDigest } from "./digest";
import { call, inDays, newKey, scalar, seedCampsites, stay } from "./helpers";
import { seedProduce } from "./produce";

/**
 * Requests nobody's browser would send: crafted form keys, broken escapes,
 * bodies that never end. Each gets a 4xx answer in the person's language and
 * writes nothing; none reaches a 500.
 */
const FORM = "application/x-www-form-urlencoded";
const SELF = "http://localhost";

function formPost(path: string, body: string, headers: Record<string, string> = {}) {
  return call(path, {
    method: "POST",
    headers: { "content-type": FORM, origin: SELF, "accept-language": "en", ...headers },
    body,
    redirect: "manual",
  });
}

/** Keys that fight over one name: a value and a group, an array and an object, prototype names, depth. */
const NASTY_FORMS = [
  "contact=x&contact[name]=y",
  "contact[name]=y&contact=x",
  "contact[name]=y&contact[name][first]=z",
  "email=a&email[x]=b&password=p",
  "items=1&items[0][product]=syrup",
  "items[0]=x&items[0][product]=syrup",
  "items[0][product]=syrup&items[x]=1",
  "items[x]=1&items[0][product]=syrup",
  "items[99999999999999999999][product]=syrup",
  "items[-1][product]=syrup",
  "__proto__[polluted]=1",
  "a[__proto__][polluted]=1",
  "constructor[prototype][polluted]=1",
  "toString=1&hasOwnProperty=1&valueOf[x]=1",
  `${"a".concat("[b]".repeat(500))}=1`,
  "contact[]=1&contact[][]=2",
  "[]=1&[x]=2&=3",
  "contact[name=y&contact]name[=z",
  Array.from({ length: 2000 }, () => "notes=x").join("&"),
];

describe("crafted form keys", () => {
  const routes = ["/api/auth/login", "/api/bookings", "/api/orders", "/api/recover"];
  for (const path of routes) {
    it(`${path}: never a 500, never a polluted prototype, nothing written`, async () => {
      await seedCampsites();
      const before = await databaseDigest();
      for (const body of NASTY_FORMS) {
        const res = await formPost(path, body, { "idempotency-key": newKey() });
        expect(res.status, `${path} ${body.slice(0, 60)}`).toBeLessThan(500);
        expect(res.status, body.slice(0, 60)).toBeGreaterThanOrEqual(300);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }
      // A refused sign-in is counted by the throttle; it never starts a session.
      if (path === "/api/auth/login") expect(await scalar("SELECT count(*) FROM sessions")).toBe(0);
      else expect(await databaseDigest()).toBe(before);
    });
  }

  it("a dashboard form with the same keys, signed in: refused, nothing written", async () => {
    await seedTwoSites();
    await createAccount("ops@example.cn", "operator", { campsites: ["gajian-lawn"] });
    const cookie = await signIn("ops@example.cn");
    const before = await snapshot();
    for (const body of NASTY_FORMS) {
      const res = await as(cookie, "/api/dashboard/sites/gajian-lawn/closures", {
        method: "POST",
        headers: { "content-type": FORM, origin: SELF },
        body,
        redirect: "manual",
      });
      expect(res.status, body.slice(0, 60)).toBeLessThan(500);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("broken percent escapes", () => {
  it("a media address that does not decode is simply not found", async () => {
    for (const path of ["/media/%", "/media/%E0%A4%A", "/media/products/%ZZ", "/media/%C0%80", "/media/%ED%A0%80"]) {
      const res = await call(path);
      expect(res.status, path).toBe(404);
    }
  });

  it("API paths and queries that do not decode answer 400 or 404", async () => {
    for (const path of ["/api/bookings/%E0%A4%A?token=%", "/api/orders/%?token=%E0%A4%A", "/api/products/%FF"]) {
      const res = await call(path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
    }
  });

  it("a session cookie that is not a cookie at all is signed out, not an error", async () => {
    for (const cookie of [
      "__Host-portal_session=%",
      "__Host-portal_session=%E0%A4%A; x",
      "=;=;;",
      "__Host-portal_session",
    ]) {
      const res = await call("/api/auth/me", { headers: { cookie } });
      expect(res.status, cookie).toBe(401);
    }
  });
});

const LIMIT = 64 * 1024;

/** A body that never ends: the Worker must stop reading it, not wait for the end. */
function endless(chunk: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(chunk);
  return new ReadableStream({
    pull(controller) {
      controller.enqueue(bytes);
    },
  });
}

describe("body limits", () => {
  it("refuses a declared Content-Length over the limit before reading, in the person's language", async () => {
    await seedCampsites();
    const res = await call("/api/bookings", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "content-length": String(LIMIT + 1),
        "accept-language": "en",
        "idempotency-key": newKey(),
      },
      body: "x".repeat(LIMIT + 1),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    const problem = await res.json<{ detail: string }>();
    expect(problem.detail).toMatch(/too large/i);
  });

  it("counts bytes, not characters: 30,000 Chinese characters are 90 KB", async () => {
    await seedCampsites();
    const body = JSON.stringify(stay({ notes: "梨".repeat(30_000) }));
    const res = await call("/api/bookings", {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": newKey(), "accept-language": "zh-CN" },
      body: new Blob([body]).stream(),
    });
    expect(res.status).toBe(413);
    expect((await res.json<{ detail: string }>()).detail).toBe("请求内容过大。");
    expect(await scalar("SELECT count(*) FROM bookings")).toBe(0);
  });

  it("stops reading a body without a length at the limit (JSON and forms)", async () => {
    await seedCampsites();
    for (const [type, chunk] of [
      ["application/json", '{"notes":"'],
      [FORM, "notes=xxxxxxxx&"],
    ] as const) {
      const res = await call("/api/bookings", {
        method: "POST",
        headers: { "content-type": type, origin: SELF, "idempotency-key": newKey() },
        body: endless(chunk),
      });
      expect(res.status, type).toBe(413);
    }
    expect(await scalar("SELECT count(*) FROM bookings")).toBe(0);
  }, 20_000);

  it("a small body without a length is read as usual", async () => {
    await seedCampsites();
    const res = await call("/api/bookings", {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": newKey() },
      body: new Blob([JSON.stringify(stay())]).stream(),
    });
    expect(res.status).toBe(201);
  });

  it("a picture upload without a length stops at its own limit", async () => {
    await seedProduce();
    await createAccount("coop@example.cn", "cooperative", { cooperativeId: "pear-coop" });
    const cookie = await signIn("coop@example.cn");
    const res = await as(cookie, "/api/dashboard/products/syrup/image", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=b", origin: SELF },
      body: endless("--b\r\nx"),
    });
    expect(res.status).toBe(413);
  }, 20_000);
});

describe("security headers", () => {
  it("keep what a page asked for and add only what is missing", async () => {
    const page = portalApp(async (c) => {
      c.header("referrer-policy", "same-origin");
      return c.text("dashboard page");
    });
    const res = await page.request("/dashboard/", {}, env);
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    const plain = await call("/api/health");
    expect(plain.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  });
});

describe("where a refused form sends people back", () => {
  const hostile = [
    `${SELF}//evil.example/x`,
    `${SELF}/\\evil.example/x`,
    `${SELF}//evil.example`,
    "https://evil.example/campsites/",
    `${SELF}/api/bookings`,
  ];
  for (const referer of hostile) {
    it(`never off the site: ${referer}`, async () => {
      for (const query of ["", "?form=booking"]) {
        const res = await formPost(`/api/bookings${query}`, "unit=x", { referer, "idempotency-key": newKey() });
        const location = res.headers.get("location");
        if (location !== null) expect(location, query).toMatch(/^\/(?![/\\])/);
        if (res.status === 400) {
          const href = /class="back" href="([^"]*)"/.exec(await res.text())?.[1] ?? "";
          expect(href, query).toMatch(/^\/(?![/\\])/);
        } else {
          expect(res.status, query).toBe(303);
        }
      }
    });
  }

  it("a same-origin page still gets its way back", async () => {
    const res = await formPost("/api/bookings", "unit=x", {
      referer: `${SELF}/campsites/gajian-lawn/?a=1`,
      "idempotency-key": newKey(),
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('href="/campsites/gajian-lawn/?a=1"');
  });
});

describe("Origin: null is not this site", () => {
  it("refuses a sign-in form from an opaque origin even with this site's Referer", async () => {
    await createAccount("ops@example.cn", "operator");
    const body = new URLSearchParams({ email: "ops@example.cn", password: PASSWORD }).toString();
    const res = await formPost("/api/auth/login", body, { origin: "null", referer: `${SELF}/dashboard/login/` });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(await scalar("SELECT count(*) FROM sessions")).toBe(0);
  });

  it("refuses a signed-in JSON write from an opaque origin", async () => {
    await seedTwoSites();
    await createAccount("ops@example.cn", "operator", { campsites: ["gajian-lawn"] });
    const cookie = await signIn("ops@example.cn");
    const before = await snapshot();
    const res = await as(cookie, "/api/dashboard/sites/gajian-lawn/closures", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "null" },
      body: JSON.stringify({ unit: "gajian-byo-tent", from: inDays(1), to: inDays(2) }),
    });
    expect(res.status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it("a page of this site that sends no referrer still posts its forms (the browser says same-origin)", async () => {
    await createAccount("ops@example.cn", "operator");
    const body = new URLSearchParams({ email: "ops@example.cn", password: PASSWORD }).toString();
    const res = await formPost("/api/auth/login", body, { origin: "null", "sec-fetch-site": "same-origin" });
    expect(res.status).toBe(303);
  });
});
