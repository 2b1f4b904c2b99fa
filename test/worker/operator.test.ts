import { env } from "cloudflare:workers";
import { checkIn } from "@functions/bookings/staff-actions";
import { beforeEach, describe, expect, it } from "vitest";
import { as, book, createAccount, postAs, seedTwoSites, signIn, snapshot } from "./accounts";
import { inDays, scalar } from "./helpers";

let ops: string;
beforeEach(async () => {
  await seedTwoSites();
  await createAccount("ops@example.cn", "operator", { campsites: ["gajian-lawn"] });
  ops = await signIn("ops@example.cn");
});

const audit = (action: string) =>
  env.DB.prepare(
    "SELECT a.email, l.target_id, l.before, l.after FROM audit_log l JOIN accounts a ON a.id = l.actor_id WHERE action = ?",
  )
    .bind(action)
    .all<{ email: string; target_id: string; before: string; after: string }>()
    .then((r) => r.results);

describe("check-in and no-show", () => {
  it("checks a guest in on the arrival day, once, with an audit entry", async () => {
    const ref = await book("gajian-byo-tent", 0, 1, 2);
    const res = await postAs(ops, `/api/dashboard/bookings/${ref.toLowerCase()}/check-in`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ reference: ref, status: "checked_in" });
    expect(await scalar("SELECT status FROM bookings")).toBe("checked_in");
    expect(await audit("booking.checked_in")).toEqual([
      { email: "ops@example.cn", target_id: ref, before: '{"status":"confirmed"}', after: '{"status":"checked_in"}' },
    ]);
    const again = await postAs(ops, `/api/dashboard/bookings/${ref}/check-in`, {}, { "accept-language": "en" });
    expect(again.status).toBe(409);
    expect((await again.json<{ detail: string }>()).detail).toContain("checked in");
    expect(await audit("booking.checked_in")).toHaveLength(1);
  });

  it("records one check-in when two people press the button at once", async () => {
    const ref = await book("gajian-byo-tent", 0);
    const results = await Promise.all([1, 2, 3].map(() => postAs(ops, `/api/dashboard/bookings/${ref}/check-in`)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(await audit("booking.checked_in")).toHaveLength(1);
  });

  it("refuses a check-in before the arrival day and after the last night", async () => {
    const ref = await book("gajian-byo-tent", 3, 1, 2);
    expect((await postAs(ops, `/api/dashboard/bookings/${ref}/check-in`)).status).toBe(409);
    const account = {
      id: 1,
      email: "",
      name: "",
      role: "admin" as const,
      cooperativeId: null,
      campsiteIds: [],
      agencies: [],
      sessionHash: "",
      twoFactor: false,
      reauthAt: null,
    };
    await expect(checkIn(env.DB, account, ref, inDays(5))).rejects.toMatchObject({ slug: "too-late" });
    expect((await checkIn(env.DB, account, ref, inDays(4))).status).toBe("checked_in");
  });

  it("marks a no-show, which can still check in late", async () => {
    const ref = await book("gajian-byo-tent", 0, 1, 2);
    expect((await postAs(ops, `/api/dashboard/bookings/${ref}/no-show`)).status).toBe(200);
    expect(await scalar("SELECT status FROM bookings")).toBe("no_show");
    expect(await scalar("SELECT booked FROM night_inventory WHERE night = ?", inDays(0))).toBe(1);
    expect((await postAs(ops, `/api/dashboard/bookings/${ref}/check-in`)).status).toBe(200);
  });

  it("answers a form post with a 303 back to the check-in page", async () => {
    const ref = await book("gajian-byo-tent", 0);
    const res = await as(ops, `/api/dashboard/bookings/${ref}/check-in?lang=en`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" },
      body: "",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/en/dashboard/check-in/?ref=${ref}&done=checked_in`);
  });
});

describe("arrivals and occupancy", () => {
  it("lists today's arrivals and the booked share per night", async () => {
    const ref = await book("gajian-byo-tent", 0, 2, 2);
    await book("gajian-byo-tent", 1);
    const arrivals = await (await as(ops, "/api/dashboard/sites/gajian-lawn/arrivals")).json<{
      arrivals: Array<{ reference: string }>;
    }>();
    expect(arrivals.arrivals.map((a) => a.reference)).toEqual([ref]);
    const occ = await (await as(ops, `/api/dashboard/sites/gajian-lawn/occupancy?from=${inDays(0)}&days=3`)).json<{
      nights: Array<{ date: string; cells: Array<{ booked: number; capacity: number }> }>;
    }>();
    expect(occ.nights.map((n) => n.cells[0]?.booked)).toEqual([2, 3, 0]);
    expect(occ.nights.every((n) => n.cells[0]?.capacity === 3)).toBe(true);
  });
});

describe("closures", () => {
  it("closes nights, cancelling the bookings on them when asked to, and reopens them", async () => {
    const ref = await book("gajian-byo-tent", 2);
    const res = await postAs(ops, "/api/dashboard/sites/gajian-lawn/closures", {
      unit: "gajian-byo-tent",
      from: inDays(1),
      to: inDays(3),
      reasonZh: "草坪养护",
      cancelAffected: true,
    });
    expect(res.status).toBe(201);
    const closure = await res.json<{ id: number; cancelledBookings: string[] }>();
    expect(closure.cancelledBookings).toEqual([ref]);
    const avail = await as(ops, `/api/campsites/gajian-lawn/availability?from=${inDays(0)}&to=${inDays(4)}`);
    const nights = (await avail.json<{ units: Array<{ nights: Array<{ closed: boolean }> }> }>()).units[0]?.nights;
    expect(nights?.map((n) => n.closed)).toEqual([false, true, true, true]);
    expect((await postAs(ops, `/api/dashboard/closures/${closure.id}/delete`)).status).toBe(200);
    expect(await scalar("SELECT count(*) FROM closures")).toBe(0);
    const entries = await audit("closure.delete");
    expect(JSON.parse(entries[0]?.before ?? "{}")).toMatchObject({
      from: inDays(1),
      to: inDays(3),
      reasonZh: "草坪养护",
    });
  });

  it("refuses a range that ends before it starts or lies in the past", async () => {
    for (const [from, to] of [
      [inDays(3), inDays(1)],
      [inDays(-3), inDays(-1)],
    ]) {
      const res = await postAs(ops, "/api/dashboard/sites/gajian-lawn/closures", { unit: "gajian-byo-tent", from, to });
      expect(res.status).toBe(400);
    }
    expect(await scalar("SELECT count(*) FROM closures")).toBe(0);
  });

  it("refuses a second closure over nights already closed with a 409 in the person's language, writing nothing", async () => {
    const first = await postAs(ops, "/api/dashboard/sites/gajian-lawn/closures", {
      unit: "gajian-byo-tent",
      from: inDays(2),
      to: inDays(4),
    });
    expect(first.status).toBe(201);
    const before = await snapshot();
    for (const [from, to, lang, words] of [
      [inDays(2), inDays(4), "zh-CN", "已经关闭"],
      [inDays(4), inDays(6), "en", "already closed"],
      [inDays(0), inDays(2), "zh-CN", "已经关闭"],
    ] as const) {
      const res = await postAs(
        ops,
        "/api/dashboard/sites/gajian-lawn/closures",
        { unit: "gajian-byo-tent", from, to },
        { "accept-language": lang },
      );
      expect(res.status, `${from}..${to}`).toBe(409);
      const body = await res.json<{ detail: string; closed: { from: string; to: string } }>();
      expect(body.detail).toContain(words);
      expect(body.detail).toContain(inDays(2));
      expect(body.closed).toEqual({ from: inDays(2), to: inDays(4) });
    }
    expect(await snapshot()).toEqual(before);
    // The nights right after it are not a duplicate.
    const after = { unit: "gajian-byo-tent", from: inDays(5), to: inDays(6) };
    expect((await postAs(ops, "/api/dashboard/sites/gajian-lawn/closures", after)).status).toBe(201);
  });

  it("lets only one of two racing identical closures through", async () => {
    const body = { unit: "gajian-byo-tent", from: inDays(1), to: inDays(3) };
    const results = await Promise.all(
      [1, 2, 3].map(() => postAs(ops, "/api/dashboard/sites/gajian-lawn/closures", body)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(await scalar("SELECT count(*) FROM closures")).toBe(1);
    expect(await scalar("SELECT count(*) FROM audit_log WHERE action = 'closure.create'")).toBe(1);
  });
});

describe("capacity", () => {
  it("refuses to go below what is booked on any night, and changes nothing (not even the audit log)", async () => {
    await book("gajian-byo-tent", 4, 2);
    await book("gajian-byo-tent", 5, 3);
    const before = await snapshot();
    const res = await postAs(
      ops,
      "/api/dashboard/units/gajian-byo-tent/capacity",
      { capacity: 2 },
      { "accept-language": "en" },
    );
    expect(res.status).toBe(409);
    const problem = await res.json<{ detail: string; nights: Array<{ date: string; booked: number }> }>();
    expect(problem.nights).toEqual([{ date: inDays(5), booked: 3 }]);
    expect(problem.detail).toContain(inDays(5));
    const ranged = await postAs(ops, "/api/dashboard/units/gajian-byo-tent/capacity", {
      capacity: 1,
      from: inDays(4),
      to: inDays(4),
    });
    expect(ranged.status).toBe(409);
    expect(await snapshot()).toEqual(before);
  });

  it("changes the standard capacity from today on, down to exactly what is booked", async () => {
    await book("gajian-byo-tent", 5, 3);
    const res = await postAs(ops, "/api/dashboard/units/gajian-byo-tent/capacity", { capacity: 3 });
    expect(res.status).toBe(200);
    expect((await postAs(ops, "/api/dashboard/units/gajian-byo-tent/capacity", { capacity: 5 })).status).toBe(200);
    expect(await scalar("SELECT capacity FROM unit_types WHERE id = 'gajian-byo-tent'")).toBe(5);
    expect(await scalar("SELECT capacity FROM night_inventory WHERE night = ?", inDays(5))).toBe(5);
    const entries = await audit("unit_type.capacity");
    expect(entries.map((e) => [JSON.parse(e.before).capacity, JSON.parse(e.after).capacity])).toEqual([
      [3, 3],
      [3, 5],
    ]);
  });

  it("sets capacity for a range of nights only, including nights nobody has booked yet", async () => {
    const res = await postAs(ops, "/api/dashboard/units/gajian-byo-tent/capacity", {
      capacity: 1,
      from: inDays(10),
      to: inDays(12),
    });
    expect(res.status).toBe(200);
    expect(await scalar("SELECT count(*) FROM night_inventory WHERE capacity = 1")).toBe(3);
    await book("gajian-byo-tent", 11);
    // The second booking on a night of capacity 1 is refused by the booking engine.
    const refused = await book("gajian-byo-tent", 11).catch((e: Error) => e.message);
    expect(refused).toMatch(/409/);
    expect(await scalar("SELECT capacity FROM unit_types WHERE id = 'gajian-byo-tent'")).toBe(3);
  });

  it("asks for both dates or neither", async () => {
    const res = await postAs(ops, "/api/dashboard/units/gajian-byo-tent/capacity", { capacity: 1, from: inDays(1) });
    expect(res.status).toBe(400);
  });
});

describe("CSV export", () => {
  it("opens in Excel: UTF-8 with BOM, CRLF, quoted, formulas neutralised, names in Chinese", async () => {
    const ref = await book("gajian-byo-tent", 1);
    await env.DB.prepare(
      "UPDATE bookings SET contact_name = '=HYPERLINK(\"http://x\")', notes = '说明, \"引号\"'",
    ).run();
    const res = await as(ops, `/api/dashboard/sites/gajian-lawn/bookings.csv?from=${inDays(0)}&to=${inDays(30)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="gajian-lawn-bookings-.*\.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(
      '"预订号","营位类型","入住日期","离开日期","晚数","营位数","成人","儿童","联系人","电话","电子邮箱","状态","金额（元）","备注","预订时间（UTC）"',
    );
    expect(lines[1]).toContain(`"${ref}","自带帐篷营位","${inDays(1)}","${inDays(2)}"`);
    expect(lines[1]).toContain('"\'=HYPERLINK(""http://x"")"');
    expect(lines[1]).toContain('"说明, ""引号"""');
    expect(lines[1]).toContain('"80.00"');
    expect(lines[2]).toBe("");
  });
});
