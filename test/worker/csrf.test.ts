import { describe, expect, it } from "vitest";
import { as, createAccount, PASSWORD, seedTwoSites, signIn, snapshot } from "./accounts";
import { call, inDays, scalar } from "./helpers";

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = "application/x-www-form-urlencoded";

describe("CSRF", () => {
  it("refuses a sign-in form posted from another site", async () => {
    await createAccount("ops@example.cn", "operator");
    const res = await call("/api/auth/login", {
      method: "POST",
      headers: { "content-type": FORM, origin: "https://evil.example" },
      body: form({ email: "ops@example.cn", password: PASSWORD }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(await scalar("SELECT count(*) FROM sessions")).toBe(0);
  });

  it("refuses a dashboard form posted from another site, even with the victim's cookie, and writes nothing", async () => {
    await seedTwoSites();
    await createAccount("ops@example.cn", "operator", { campsites: ["gajian-lawn"] });
    const cookie = await signIn("ops@example.cn");
    const before = await snapshot();
    const body = form({ unit: "gajian-byo-tent", from: inDays(1), to: inDays(2) });
    for (const headers of [
      { origin: "https://evil.example" },
      { origin: "null", referer: "https://evil.example/page" },
      { "sec-fetch-site": "cross-site" },
      {},
    ]) {
      const res = await as(cookie, "/api/dashboard/sites/gajian-lawn/closures", {
        method: "POST",
        headers: { "content-type": FORM, ...headers },
        body,
      });
      expect(res.status, JSON.stringify(headers)).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses JSON from a cross-site context and content types a form could send without a preflight", async () => {
    await seedTwoSites();
    await createAccount("ops@example.cn", "operator", { campsites: ["gajian-lawn"] });
    const cookie = await signIn("ops@example.cn");
    const json = JSON.stringify({ unit: "gajian-byo-tent", from: inDays(1), to: inDays(2) });
    const crossSite = await as(cookie, "/api/dashboard/sites/gajian-lawn/closures", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body: json,
    });
    expect(crossSite.status).toBe(403);
    for (const type of ["text/plain", "multipart/form-data; boundary=x"]) {
      const res = await as(cookie, "/api/dashboard/sites/gajian-lawn/closures", {
        method: "POST",
        headers: { "content-type": type },
        body: json,
      });
      expect(res.status, type).toBe(415);
    }
    expect(await scalar("SELECT count(*) FROM closures")).toBe(0);
  });

  it("accepts the same form from the portal's own page", async () => {
    await seedTwoSites();
    await createAccount("ops@example.cn", "operator", { campsites: ["gajian-lawn"] });
    const cookie = await signIn("ops@example.cn");
    const res = await as(cookie, "/api/dashboard/sites/gajian-lawn/closures", {
      method: "POST",
      headers: { "content-type": FORM, origin: "http://localhost", "sec-fetch-site": "same-origin" },
      body: form({ unit: "gajian-byo-tent", from: inDays(1), to: inDays(2), next: "/dashboard/sites/gajian-lawn/" }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/dashboard/sites/gajian-lawn/?done=closure_added&affected=0");
    expect(await scalar("SELECT count(*) FROM closures")).toBe(1);
  });

  it("never redirects a form to another site through `next`", async () => {
    await createAccount("ops@example.cn", "operator");
    for (const next of ["//evil.example/", "https://evil.example/", "/\\evil.example"]) {
      const res = await call("/api/auth/login", {
        method: "POST",
        headers: { "content-type": FORM, origin: "http://localhost" },
        body: form({ email: "ops@example.cn", password: PASSWORD, next }),
      });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/dashboard/");
    }
  });
});
