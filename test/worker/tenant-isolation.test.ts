import { env } from "cloudflare:workers";
import { dashboardApi } from "@functions/api";
import { beforeEach, describe, expect, it } from "vitest";
import { as, book, createAccount, postAs, seedTwoSites, signIn, snapshot } from "./accounts";
import { inDays, postJson } from "./helpers";
import { checkout, type PlacedBody, postOrder, seedProduce } from "./produce";
import { type Attack, attacks, housingNotice, requestInit, type TenantB } from "./tenant-routes";

/**
 * Operator A manages Gajian Lawn only; cooperative member A works for
 * pear-coop only. Every dashboard route is tried against campsite B's and
 * cooperative B's rows: each must answer 404, word for word what a row that
 * does not exist gets, and leave every table (and R2) as it was.
 */
let b: TenantB;

beforeEach(async () => {
  await seedTwoSites();
  await seedProduce();
  await createAccount("ops-a@example.cn", "operator", { campsites: ["gajian-lawn"] });
  const operator = await createAccount("ops-b@example.cn", "operator", { campsites: ["pear-valley"] });
  await createAccount("coop-a@example.cn", "cooperative", { cooperativeId: "pear-coop" });
  await createAccount("coop-b@example.cn", "cooperative", { cooperativeId: "wine-coop" });
  await createAccount("admin@example.cn", "admin");
  const booking = await book("pear-valley-cabin", 0, 1, 2);
  const closure = await env.DB.prepare(
    "INSERT INTO closures (unit_type_id, from_date, to_date) VALUES ('pear-valley-cabin', ?, ?) RETURNING id",
  )
    .bind(inDays(5), inDays(6))
    .first<{ id: number }>();
  const placed = await (await postOrder(checkout([{ product: "wine", quantity: 1 }]))).json<PlacedBody>();
  const certificate = await env.DB.prepare(
    `INSERT INTO cooperative_certificates (cooperative_id, name_zh, name_en, number, issuer, valid_until)
     VALUES ('wine-coop', '有机产品', 'Organic', 'B-1', 'x', '2030-01-01') RETURNING id`,
  ).first<number>("id");
  const photo = await env.DB.prepare(
    "INSERT INTO cooperative_photos (cooperative_id, image) VALUES ('wine-coop', '/media/cooperatives/wine-coop/b.png') RETURNING id",
  ).first<number>("id");
  await createAccount("editor-a@example.cn", "editor", { agencies: ["agriculture-bureau"] });
  const letter = await postJson("/api/letters", {
    type: "complaint",
    subject: "房屋漏水",
    message: "安置房的屋顶漏水已经一个月了，请住建局派人维修。",
    name: "赵六",
    phone: "13600000006",
    publish: true,
  });
  const { reference } = await letter.json<{ reference: string }>();
  await postAs(await signIn("admin@example.cn"), `/api/dashboard/letters/${reference}/accept`, {
    agency: "housing-bureau",
  });
  await createAccount("editor-b@example.cn", "editor", { agencies: ["housing-bureau"] });
  const drafted = await postAs(await signIn("editor-b@example.cn"), "/api/dashboard/notices", housingNotice);
  const { id: edition } = await drafted.json<{ id: number }>();
  b = {
    edition,
    letter: reference,
    booking,
    closure: closure?.id ?? 0,
    operator,
    order: placed.orders[0]?.reference ?? "",
    certificate: certificate ?? 0,
    photo: photo ?? 0,
  };
});

async function send(cookie: string, key: string, a: Attack) {
  const init = await requestInit(key.split(" ")[0] ?? "GET", a);
  return as(cookie, `/api/dashboard${a.path}`, init);
}

const NOT_FOUND = { type: "/api/problems/not-found", title: "未找到", status: 404, detail: "没有找到，或您无权查看。" };

async function everythingRefused(cookie: string, allowed: Record<string, (res: Response) => Promise<void>> = {}) {
  const before = await snapshot();
  for (const [key, a] of Object.entries(attacks(b))) {
    const res = await send(cookie, key, a);
    const check = allowed[key];
    if (check) {
      await check(res);
      continue;
    }
    expect(res.status, key).toBe(404);
    const { instance: _, ...body } = await res.json<Record<string, unknown>>();
    expect(body, key).toEqual(NOT_FOUND);
  }
  expect(await snapshot()).toEqual(before);
  expect((await env.MEDIA.list()).objects).toEqual([]);
}

describe("tenant isolation", () => {
  it("covers every route the dashboard API has", () => {
    const routes = dashboardApi.routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`);
    expect(new Set(routes)).toEqual(new Set(Object.keys(attacks(b))));
  });

  it("refuses operator A everything at campsite B, every cooperative and admin route, and changes nothing", async () => {
    const cookie = await signIn("ops-a@example.cn");
    await everythingRefused(cookie, {
      "GET /sites": async (res) => {
        expect(res.status).toBe(200);
        expect((await res.json<Array<{ slug: string }>>()).map((s) => s.slug)).toEqual(["gajian-lawn"]);
      },
    });
    // A unit type of site B through A's own campsite's path is refused too.
    const sideways = await send(cookie, "POST", {
      path: "/sites/gajian-lawn/closures",
      body: { unit: "pear-valley-cabin", from: inDays(0), to: inDays(0) },
    });
    expect(sideways.status).toBe(404);
  });

  it("refuses cooperative A everything of cooperative B, every campsite and admin route, and changes nothing", async () => {
    await everythingRefused(await signIn("coop-a@example.cn"));
  });

  it("refuses an editor of agency A every letter of agency B and every other route, and changes nothing", async () => {
    await everythingRefused(await signIn("editor-a@example.cn"), {
      "GET /letters": async (res) => {
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual([]);
      },
      "GET /notices": async (res) => {
        expect(res.status).toBe(200);
        expect((await res.json<{ editions: unknown[] }>()).editions).toEqual([]);
      },
      // Drafting in another agency's name is refused, saying whose notices the editor may write.
      "POST /notices": async (res) => {
        expect(res.status).toBe(403);
        expect((await res.json<{ detail: string }>()).detail).toContain("农业农村局");
      },
      // Festival events belong to no agency: an editor lists them all (none here).
      "GET /events": async (res) => {
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual([]);
      },
      // Event pages likewise: an editor sees every event edition (none here).
      "GET /event-editions": async (res) => {
        expect(res.status).toBe(200);
        expect((await res.json<{ editions: unknown[] }>()).editions).toEqual([]);
      },
      // An editor may draft events; this incomplete one is refused by field and writes nothing.
      "POST /event-editions": async (res) => {
        expect(res.status).toBe(400);
      },
    });
  });

  it("answers 401 to every route without a session, and changes nothing", async () => {
    const before = await snapshot();
    for (const cookie of ["", "__Host-portal_session=forged-token-of-the-right-length-000000000"]) {
      for (const [key, a] of Object.entries(attacks(b))) expect((await send(cookie, key, a)).status, key).toBe(401);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("lets B's own accounts and the admin reach the same rows (the 404s are about scope, not broken routes)", async () => {
    const opsB = await signIn("ops-b@example.cn");
    expect((await as(opsB, `/api/dashboard/bookings/${b.booking}`)).status).toBe(200);
    const coopB = await signIn("coop-b@example.cn");
    expect((await as(coopB, `/api/dashboard/orders/${b.order}`)).status).toBe(200);
    expect((await send(coopB, "POST", { path: "/products/wine/image", upload: true })).status).toBe(200);
    const admin = await signIn("admin@example.cn");
    expect((await as(admin, "/api/dashboard/sites/pear-valley/occupancy")).status).toBe(200);
    expect((await as(admin, "/api/dashboard/cooperatives/wine-coop/orders")).status).toBe(200);
  });
});
