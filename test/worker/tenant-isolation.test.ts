import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { dashboardApi } from "../../functions/api/dashboard";
import { as, book, createAccount, seedTwoSites, signIn, snapshot } from "./accounts";
import { inDays } from "./helpers";
import { seedProduce } from "./produce";

/**
 * Operator A manages Gajian Lawn only. Every dashboard route is tried against
 * Pear Valley's booking, closure, unit type and operator: each must answer 404
 * (the same as "does not exist") and leave every row as it was.
 */
interface Ids {
  refB: string;
  closureB: number;
  opsB: number;
}

let ids: Ids;

beforeEach(async () => {
  await seedTwoSites();
  await createAccount("ops-a@example.cn", "operator", { campsites: ["gajian-lawn"] });
  const opsB = await createAccount("ops-b@example.cn", "operator", { campsites: ["pear-valley"] });
  await createAccount("admin@example.cn", "admin");
  const refB = await book("pear-valley-cabin", 0, 1, 2);
  const closure = await env.DB.prepare(
    "INSERT INTO closures (unit_type_id, from_date, to_date) VALUES ('pear-valley-cabin', ?, ?) RETURNING id",
  )
    .bind(inDays(5), inDays(6))
    .first<{ id: number }>();
  ids = { refB, closureB: closure?.id ?? 0, opsB };
});

const today = inDays(0);
/** Every route of dashboardApi, aimed at site B. The test below fails if a route is missing here. */
const attacks = (i: Ids): Record<string, { path: string; body?: unknown }> => ({
  "GET /sites/:slug/occupancy": { path: "/sites/pear-valley/occupancy" },
  "GET /sites/:slug/arrivals": { path: "/sites/pear-valley/arrivals" },
  "GET /sites/:slug/bookings.csv": { path: "/sites/pear-valley/bookings.csv" },
  "GET /bookings/:reference": { path: `/bookings/${i.refB}` },
  "POST /bookings/:reference/check-in": { path: `/bookings/${i.refB}/check-in`, body: {} },
  "POST /bookings/:reference/no-show": { path: `/bookings/${i.refB}/no-show`, body: {} },
  "POST /sites/:slug/closures": {
    path: "/sites/pear-valley/closures",
    body: { unit: "pear-valley-cabin", from: today, to: today },
  },
  "POST /closures/:id/delete": { path: `/closures/${i.closureB}/delete`, body: {} },
  "POST /units/:unit/capacity": { path: "/units/pear-valley-cabin/capacity", body: { capacity: 0 } },
  "GET /admin/accounts": { path: "/admin/accounts" },
  "POST /admin/accounts": {
    path: "/admin/accounts",
    body: { email: "x@example.cn", name: "X", role: "operator", campsites: ["pear-valley"] },
  },
  "POST /admin/accounts/:id/invite": { path: `/admin/accounts/${i.opsB}/invite`, body: {} },
  "POST /admin/accounts/:id/disable": { path: `/admin/accounts/${i.opsB}/disable`, body: {} },
  "POST /admin/accounts/:id/enable": { path: `/admin/accounts/${i.opsB}/enable`, body: {} },
  "POST /admin/accounts/:id/campsites": { path: `/admin/accounts/${i.opsB}/campsites`, body: { campsites: [] } },
  "POST /admin/campsites": { path: "/admin/campsites", body: { slug: "new-site", nameZh: "新", nameEn: "New" } },
  "POST /admin/campsites/:slug": {
    path: "/admin/campsites/pear-valley",
    body: { nameZh: "x", nameEn: "x", active: false },
  },
  "POST /admin/campsites/:slug/units": {
    path: "/admin/campsites/pear-valley/units",
    body: {
      id: "x",
      nameZh: "x",
      nameEn: "x",
      capacity: 1,
      maxGuests: 1,
      priceYuan: "1",
      minNights: 1,
      maxNights: 1,
      bookingWindowDays: 1,
      freeCancelDays: 0,
    },
  },
  "POST /admin/units/:unit": {
    path: "/admin/units/pear-valley-cabin",
    body: {
      nameZh: "x",
      nameEn: "x",
      capacity: 0,
      maxGuests: 1,
      priceYuan: "1",
      minNights: 1,
      maxNights: 1,
      bookingWindowDays: 1,
      freeCancelDays: 0,
    },
  },
  "GET /admin/audit": { path: "/admin/audit" },
  "GET /sites": { path: "/sites" },
});

function request(cookie: string, a: { path: string; body?: unknown }, key: string) {
  const method = key.split(" ")[0] ?? "GET";
  return as(cookie, `/api/dashboard${a.path}`, {
    method,
    ...(a.body !== undefined ? { headers: { "content-type": "application/json" }, body: JSON.stringify(a.body) } : {}),
  });
}

describe("tenant isolation", () => {
  it("covers every route the dashboard API has", () => {
    const routes = dashboardApi.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`);
    expect(new Set(routes)).toEqual(new Set(Object.keys(attacks({ refB: "", closureB: 0, opsB: 0 }))));
  });

  it("refuses operator A everything at site B with 404, and changes nothing", async () => {
    const cookie = await signIn("ops-a@example.cn");
    const before = await snapshot();
    for (const [key, a] of Object.entries(attacks(ids))) {
      const res = await request(cookie, a, key);
      if (key === "GET /sites") {
        expect(res.status).toBe(200);
        expect((await res.json<Array<{ slug: string }>>()).map((s) => s.slug)).toEqual(["gajian-lawn"]);
        continue;
      }
      expect(res.status, key).toBe(404);
      // Word for word what an unknown row gets: nothing tells A that B's row exists.
      const { instance: _, ...body } = await res.json<Record<string, unknown>>();
      expect(body, key).toEqual({
        type: "/api/problems/not-found",
        title: "未找到",
        status: 404,
        detail: "没有找到，或您无权查看。",
      });
    }
    // A unit type of site B through A's own campsite path is refused too.
    const sideways = await request(
      cookie,
      { path: "/sites/gajian-lawn/closures", body: { unit: "pear-valley-cabin", from: today, to: today } },
      "POST",
    );
    expect(sideways.status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a cooperative member every operator and admin route", async () => {
    await seedProduce();
    await createAccount("coop@example.cn", "cooperative", { cooperativeId: "pear-coop" });
    const cookie = await signIn("coop@example.cn");
    const before = await snapshot();
    for (const [key, a] of Object.entries(attacks(ids))) {
      expect((await request(cookie, a, key)).status, key).toBe(404);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("answers 401 to every route without a session, and changes nothing", async () => {
    const before = await snapshot();
    for (const [key, a] of Object.entries(attacks(ids))) {
      expect((await request("", a, key)).status, key).toBe(401);
      expect(
        (await request("__Host-portal_session=forged-token-of-the-right-length-000000000", a, key)).status,
        key,
      ).toBe(401);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("lets the admin see site B (the same routes do work in scope)", async () => {
    const cookie = await signIn("admin@example.cn");
    expect((await as(cookie, `/api/dashboard/bookings/${ids.refB}`)).status).toBe(200);
    expect((await as(cookie, "/api/dashboard/sites/pear-valley/occupancy")).status).toBe(200);
    const opsB = await signIn("ops-b@example.cn");
    expect((await as(opsB, `/api/dashboard/bookings/${ids.refB}`)).status).toBe(200);
  });
});
