import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { as, book, createAccount, postAs, seedTwoSites, signIn, snapshot } from "./accounts";
import { call, postJson, scalar } from "./helpers";

let admin: string;
beforeEach(async () => {
  await seedTwoSites();
  await createAccount("admin@example.cn", "admin");
  admin = await signIn("admin@example.cn");
});

const linkParts = (link: string) => {
  const url = new URL(link, "http://localhost");
  return { reference: url.searchParams.get("ref") ?? "", token: url.searchParams.get("token") ?? "" };
};

describe("invitations", () => {
  it("invites an operator, who sets a password with the one-time link, is signed in and sees their campsite", async () => {
    const res = await postAs(admin, "/api/dashboard/admin/accounts", {
      email: "New.Operator@Example.cn",
      name: "李明",
      role: "operator",
      campsites: ["pear-valley"],
    });
    expect(res.status).toBe(201);
    const invite = await res.json<{ link: string; expiresAt: string }>();
    // Built on the county's own address, never on the request's Host.
    expect(invite.link).toMatch(/^https:\/\/www\.jinchuan\.gov\.cn\/dashboard\/invite\/\?ref=[2-9A-Z]{8}&token=/);
    expect(Date.parse(invite.expiresAt) - Date.now()).toBeGreaterThan(71 * 3_600_000);
    const { reference, token } = linkParts(invite.link);
    expect(await scalar<string>("SELECT token_hash FROM invites")).not.toContain(token);
    // Cannot sign in before accepting.
    expect((await postJson("/api/auth/login", { email: "new.operator@example.cn", password: "x" }, null)).status).toBe(
      401,
    );

    const accept = await postJson(
      "/api/auth/invites/accept",
      { reference, token, password: "pear blossom in april" },
      null,
    );
    expect(accept.status).toBe(204);
    const cookie = accept.headers.get("set-cookie")?.split(";")[0] ?? "";
    const sites = await (await as(cookie, "/api/dashboard/sites")).json<Array<{ slug: string }>>();
    expect(sites.map((s) => s.slug)).toEqual(["pear-valley"]);

    // The link is spent.
    const again = await postJson(
      "/api/auth/invites/accept",
      { reference, token, password: "another password here" },
      null,
    );
    expect(again.status).toBe(404);
    expect(await signIn("new.operator@example.cn", "pear blossom in april")).toBeTruthy();
    const actions = (await env.DB.prepare("SELECT action FROM audit_log ORDER BY id").all<{ action: string }>())
      .results;
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(["account.invite", "account.accept_invite"]));
  });

  it("refuses an expired link, a wrong token, and an e-mail that already has an account", async () => {
    const res = await postAs(admin, "/api/dashboard/admin/accounts", {
      email: "a@example.cn",
      name: "A",
      role: "admin",
    });
    const { reference, token } = linkParts((await res.json<{ link: string }>()).link);
    expect(
      (
        await postJson(
          "/api/auth/invites/accept",
          { reference, token: `${token}x`, password: "long enough password" },
          null,
        )
      ).status,
    ).toBe(404);
    await env.DB.prepare("UPDATE invites SET expires_at = '2000-01-01T00:00:00.000Z'").run();
    expect(
      (await postJson("/api/auth/invites/accept", { reference, token, password: "long enough password" }, null)).status,
    ).toBe(404);
    expect(await scalar("SELECT count(*) FROM accounts WHERE password_hash IS NULL")).toBe(1);
    const dup = await postAs(admin, "/api/dashboard/admin/accounts", {
      email: "A@example.cn",
      name: "A",
      role: "admin",
    });
    expect(dup.status).toBe(409);
    // A fresh link for the same person works.
    const again = await postAs(
      admin,
      `/api/dashboard/admin/accounts/${await scalar("SELECT id FROM accounts WHERE email = 'a@example.cn'")}/invite`,
    );
    expect(again.status).toBe(201);
    const fresh = linkParts((await again.json<{ link: string }>()).link);
    expect(
      (await postJson("/api/auth/invites/accept", { ...fresh, password: "long enough password" }, null)).status,
    ).toBe(204);
  });

  it("lets only one of two racing tabs set the password", async () => {
    const res = await postAs(admin, "/api/dashboard/admin/accounts", {
      email: "a@example.cn",
      name: "A",
      role: "admin",
    });
    const link = linkParts((await res.json<{ link: string }>()).link);
    const results = await Promise.all(
      ["first password here", "second password here"].map((password) =>
        postJson("/api/auth/invites/accept", { ...link, password }, null),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([204, 404]);
    expect(await scalar("SELECT count(*) FROM audit_log WHERE action = 'account.accept_invite'")).toBe(1);
  });

  it("needs a cooperative for a cooperative member and real campsites for an operator", async () => {
    expect(
      (await postAs(admin, "/api/dashboard/admin/accounts", { email: "c@example.cn", name: "C", role: "cooperative" }))
        .status,
    ).toBe(400);
    const bad = await postAs(admin, "/api/dashboard/admin/accounts", {
      email: "o@example.cn",
      name: "O",
      role: "operator",
      campsites: ["nowhere"],
    });
    expect(bad.status).toBe(400);
    expect(await scalar("SELECT count(*) FROM accounts")).toBe(1);
  });
});

describe("account administration", () => {
  it("disables and enables an account, but never the admin's own", async () => {
    const id = await createAccount("ops@example.cn", "operator", { campsites: ["gajian-lawn"] });
    expect((await postAs(admin, `/api/dashboard/admin/accounts/${id}/disable`)).status).toBe(200);
    await expect(signIn("ops@example.cn")).rejects.toThrow(/401/);
    expect((await postAs(admin, `/api/dashboard/admin/accounts/${id}/enable`)).status).toBe(200);
    expect(await signIn("ops@example.cn")).toBeTruthy();
    const self = await scalar<number>("SELECT id FROM accounts WHERE email = 'admin@example.cn'");
    expect((await postAs(admin, `/api/dashboard/admin/accounts/${self}/disable`)).status).toBe(409);
    const list = await (await as(admin, "/api/dashboard/admin/accounts")).json<
      Array<{ email: string; status: string }>
    >();
    expect(list.map((a) => [a.email, a.status])).toEqual([
      ["admin@example.cn", "active"],
      ["ops@example.cn", "active"],
    ]);
  });

  it("changes which campsites an operator manages, with the change in the audit log", async () => {
    const id = await createAccount("ops@example.cn", "operator", { campsites: ["gajian-lawn"] });
    const res = await postAs(admin, `/api/dashboard/admin/accounts/${id}/campsites`, { campsites: ["pear-valley"] });
    expect(res.status).toBe(200);
    const ops = await signIn("ops@example.cn");
    expect((await as(ops, "/api/dashboard/sites/gajian-lawn/occupancy")).status).toBe(404);
    expect((await as(ops, "/api/dashboard/sites/pear-valley/occupancy")).status).toBe(200);
    const entry = await env.DB.prepare("SELECT before, after FROM audit_log WHERE action = 'account.campsites'").first<{
      before: string;
      after: string;
    }>();
    expect(JSON.parse(entry?.before ?? "")).toEqual({ campsites: [1] });
    expect(JSON.parse(entry?.after ?? "")).toEqual({ campsites: [2] });
  });
});

describe("password reset", () => {
  const reset = (id: number, cookie = admin) => postAs(cookie, `/api/dashboard/admin/accounts/${id}/reset-password`);

  it("ends the old password and every session, and the one-time link sets a new password", async () => {
    const id = await createAccount("ops@example.cn", "operator", { campsites: ["gajian-lawn"] });
    const ops = await signIn("ops@example.cn");
    expect((await as(ops, "/api/dashboard/sites")).status).toBe(200);

    const res = await reset(id);
    expect(res.status).toBe(201);
    const { link } = await res.json<{ link: string }>();
    // Signed out everywhere, and the old password no longer works.
    expect((await as(ops, "/api/dashboard/sites")).status).toBe(401);
    await expect(signIn("ops@example.cn")).rejects.toThrow(/401/);
    const list = await (await as(admin, "/api/dashboard/admin/accounts")).json<
      Array<{ email: string; status: string }>
    >();
    expect(list.find((a) => a.email === "ops@example.cn")?.status).toBe("invited");

    const accept = await postJson(
      "/api/auth/invites/accept",
      { ...linkParts(link), password: "a new pear season" },
      null,
    );
    expect(accept.status).toBe(204);
    const again = await signIn("ops@example.cn", "a new pear season");
    expect((await as(again, "/api/dashboard/sites")).status).toBe(200);
    const actions = (
      await env.DB.prepare("SELECT action FROM audit_log WHERE action LIKE 'account.%' ORDER BY id").all<{
        action: string;
      }>()
    ).results;
    expect(actions.map((a) => a.action)).toEqual(["account.reset_password", "account.accept_invite"]);
  });

  it("refuses the admin's own account, an invited or disabled one and an unknown id, and writes nothing", async () => {
    const self = await scalar<number>("SELECT id FROM accounts WHERE email = 'admin@example.cn'");
    const invited = await createAccount("new@example.cn", "operator", { password: null });
    const disabled = await createAccount("gone@example.cn", "operator");
    await env.DB.prepare("UPDATE accounts SET disabled_at = '2026-01-01T00:00:00.000Z' WHERE id = ?")
      .bind(disabled)
      .run();
    const before = await snapshot();
    const own = await postAs(
      admin,
      `/api/dashboard/admin/accounts/${self}/reset-password`,
      {},
      { "accept-language": "en" },
    );
    expect(own.status).toBe(409);
    expect((await own.json<{ detail: string }>()).detail).toContain("Change password page");
    const zh = await reset(invited);
    expect(zh.status).toBe(409);
    expect((await zh.json<{ detail: string }>()).detail).toContain("重新发送邀请");
    expect((await reset(disabled)).status).toBe(409);
    expect((await reset(99_999)).status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it("gives one link when two admins reset the same account at once", async () => {
    const id = await createAccount("ops@example.cn", "operator");
    await createAccount("admin2@example.cn", "admin");
    const other = await signIn("admin2@example.cn");
    const results = await Promise.all([reset(id), reset(id, other)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await scalar("SELECT count(*) FROM invites WHERE account_id = ?", id)).toBe(1);
    expect(await scalar("SELECT count(*) FROM audit_log WHERE action = 'account.reset_password'")).toBe(1);
  });

  it("answers the accounts page's form with a 303 back to it", async () => {
    const id = await createAccount("ops@example.cn", "operator");
    const res = await as(admin, `/api/dashboard/admin/accounts/${id}/reset-password?lang=en`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" },
      body: "",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/en/dashboard/admin/accounts/?done=reset");
    expect(await scalar("SELECT password_hash FROM accounts WHERE id = ?", id)).toBeNull();
  });
});

describe("campsites and unit types", () => {
  it("creates a campsite with a unit type that the public API then offers", async () => {
    expect(
      (
        await postAs(admin, "/api/dashboard/admin/campsites", {
          slug: "river-bend",
          nameZh: "河湾营地",
          nameEn: "River Bend",
        })
      ).status,
    ).toBe(201);
    expect(
      (await postAs(admin, "/api/dashboard/admin/campsites", { slug: "river-bend", nameZh: "x", nameEn: "x" })).status,
    ).toBe(409);
    const unit = await postAs(admin, "/api/dashboard/admin/campsites/river-bend/units", {
      id: "river-bend-pitch",
      nameZh: "河边营位",
      nameEn: "Riverside pitch",
      capacity: 10,
      maxGuests: 4,
      priceYuan: "65.50",
      minNights: 1,
      maxNights: 5,
      bookingWindowDays: 60,
      freeCancelDays: 1,
    });
    expect(unit.status).toBe(201);
    const sites = await (await call("/api/campsites")).json<
      Array<{ slug: string; units: Array<{ id: string; price: number }> }>
    >();
    expect(sites.find((s) => s.slug === "river-bend")?.units).toMatchObject([{ id: "river-bend-pitch", price: 6550 }]);
  });

  it("edits a unit type; capacity below what is booked is refused and nothing changes", async () => {
    await book("pear-valley-cabin", 3, 2);
    const edit = (capacity: number) =>
      postAs(admin, "/api/dashboard/admin/units/pear-valley-cabin", {
        nameZh: "梨园木屋",
        nameEn: "Orchard cabin (new)",
        capacity,
        maxGuests: 4,
        priceYuan: 500,
        minNights: 1,
        maxNights: 5,
        bookingWindowDays: 90,
        freeCancelDays: 2,
      });
    expect((await edit(1)).status).toBe(409);
    expect(await scalar("SELECT name_en FROM unit_types WHERE id = 'pear-valley-cabin'")).toBe("Orchard cabin");
    expect((await edit(4)).status).toBe(200);
    expect(
      await scalar(
        "SELECT name_en || ' ' || capacity || ' ' || price_fen FROM unit_types WHERE id = 'pear-valley-cabin'",
      ),
    ).toBe("Orchard cabin (new) 4 50000");
    expect(await scalar("SELECT count(*) FROM audit_log WHERE target_id = 'pear-valley-cabin'")).toBe(2);
  });

  it("closes a campsite to the public with active = false", async () => {
    const res = await postAs(admin, "/api/dashboard/admin/campsites/pear-valley", {
      nameZh: "梨花谷",
      nameEn: "Pear Valley",
      active: false,
    });
    expect(res.status).toBe(200);
    const sites = await (await call("/api/campsites")).json<Array<{ slug: string }>>();
    expect(sites.map((s) => s.slug)).toEqual(["gajian-lawn"]);
  });
});

describe("the audit log", () => {
  it("pages newest first with who did what", async () => {
    await postAs(admin, "/api/dashboard/admin/campsites", { slug: "river-bend", nameZh: "河湾", nameEn: "River Bend" });
    const page = await (await as(admin, "/api/dashboard/admin/audit?limit=1")).json<
      Array<{ id: number; action: string; actorEmail: string }>
    >();
    expect(page).toMatchObject([{ action: "campsite.create", actorEmail: "admin@example.cn" }]);
    const next = await (await as(admin, `/api/dashboard/admin/audit?before=${page[0]?.id}`)).json<
      Array<{ action: string }>
    >();
    expect(next.map((e) => e.action)).toEqual(["session.login"]);
  });
});
