import { env } from "cloudflare:workers";
import type { AppEnv } from "@functions/env";
import { buildManifest } from "@functions/publishing/build-manifest";
import { type LiveNotices, liveNotices, SEQ_KEY } from "@functions/publishing/live";
import { publishScheduled } from "@functions/publishing/publish";
import { Hono } from "hono";
import { beforeEach, describe, expect, it } from "vitest";
import { englishProblems } from "../../src/collections/english-problems";
import { createAccount, postAs, signIn } from "./accounts";
import { countingD1 } from "./d1-counter";
import { call, scalar } from "./helpers";

/**
 * Notices from the dashboard: an editor drafts, a reviewer of the agency approves, the
 * edition is published in D1 with its 索引号, the audit log has every step, the
 * Worker serves it on demand until the build includes it, and a notice that the build
 * already holds costs no D1 query. Every step through the Worker, against D1.
 */
const draft = (overrides: Record<string, unknown> = {}) => ({
  slug: "spring-planting-subsidy-2026",
  language: "zh-CN",
  title: "2026 年春耕补贴申领指南",
  summary: "种植梨树和莴笋的农户可在 3 月底前到乡镇农业服务中心申领春耕补贴。",
  agency: "agriculture-bureau",
  topic: "pear-industry",
  written: "2026-11-20",
  validity: { status: "in-force", effective: "2026-12-01" },
  tags: ["春耕", "补贴"],
  body: "## 谁可以申领\n\n- 本县种植梨树的农户\n- **莴笋**种植户\n\n| 项目 | 标准 |\n|---|---|\n| 梨树 | 每亩 100 元 |\n",
  ...overrides,
});

let admin = "";
let editor = "";
let reviewer = "";
let reviewer2 = "";
let housing = "";

beforeEach(async () => {
  await createAccount("office@county.example", "admin");
  await createAccount("editor@county.example", "editor", {
    agencies: ["human-resources-bureau", "agriculture-bureau"],
  });
  await createAccount("reviewer@county.example", "reviewer", { agencies: ["agriculture-bureau"] });
  await createAccount("reviewer2@county.example", "reviewer", { agencies: ["agriculture-bureau"] });
  await createAccount("housing@county.example", "reviewer", { agencies: ["housing-bureau"] });
  admin = await signIn("office@county.example");
  editor = await signIn("editor@county.example");
  reviewer = await signIn("reviewer@county.example");
  reviewer2 = await signIn("reviewer2@county.example");
  housing = await signIn("housing@county.example");
  await env.PUBLISHING?.delete(SEQ_KEY);
});

async function drafted(cookie = editor, body = draft()): Promise<number> {
  const res = await postAs(cookie, "/api/dashboard/notices", body);
  expect(res.status, await res.clone().text()).toBe(201);
  const json = (await res.json()) as { id: number; status: string };
  expect(json.status).toBe("draft");
  return json.id;
}

async function submitted(body = draft()): Promise<number> {
  const id = await drafted(editor, body);
  expect((await postAs(editor, `/api/dashboard/notices/${id}/submit`)).status).toBe(200);
  return id;
}

describe("drafting and review", () => {
  it("drafts, submits and publishes with a 索引号 above every one the build holds", async () => {
    const id = await submitted();
    expect(await scalar("SELECT status FROM notice_editions WHERE id = ?", id)).toBe("submitted");
    const res = await postAs(reviewer, `/api/dashboard/notices/${id}/approve`, {});
    expect(res.status, await res.clone().text()).toBe(200);
    const row = await env.DB.prepare("SELECT status, data, publish_seq, reviewer_id FROM notice_editions WHERE id = ?")
      .bind(id)
      .first<{ status: string; data: string; publish_seq: number; reviewer_id: number }>();
    expect(row?.status).toBe("published");
    expect(row?.publish_seq).toBe(1);
    const data = JSON.parse(row?.data ?? "{}");
    // The agency's credit code, this year, and a serial above the build's (2024-00027 is in content/notices).
    const year = new Date().getUTCFullYear();
    expect(data.indexNumber).toMatch(new RegExp(`^11513226MB1520038K/${year}-\\d{5}$`));
    const manifest = await buildManifest(env);
    const builtSerials = manifest.notices
      .flatMap((n) => Object.values(n.versions))
      .map((v) => v?.data.indexNumber ?? "")
      .filter((n) => n.startsWith(`11513226MB1520038K/${year}-`))
      .map((n) => Number(n.slice(-5)));
    expect(Number(data.indexNumber.slice(-5))).toBe(Math.max(0, ...builtSerials) + 1);
    expect(data.published).toBeTruthy();
    expect(await scalar("SELECT index_number FROM notice_slugs WHERE slug = ?", "spring-planting-subsidy-2026")).toBe(
      data.indexNumber,
    );
    const actions = await env.DB.prepare(
      "SELECT action FROM audit_log WHERE target_type = 'notice_edition' ORDER BY id",
    ).all<{
      action: string;
    }>();
    expect(actions.results.map((r) => r.action)).toEqual(["notice.drafted", "notice.submitted", "notice.published"]);
    expect(await env.PUBLISHING?.get(SEQ_KEY)).toBe("1");
    expect(await scalar("SELECT status FROM deploy_requests ORDER BY id DESC LIMIT 1")).toBe("not-configured");
  });

  it("refuses the author's own approval with 403 and writes nothing", async () => {
    await createAccount("both@county.example", "reviewer", { agencies: ["agriculture-bureau"] });
    const id = await submitted();
    const res = await postAs(editor, `/api/dashboard/notices/${id}/approve`, {});
    expect(res.status).toBe(403);
    // An admin who drafted it may publish it only with a reason, which is recorded.
    const own = await drafted(admin, draft({ slug: "county-office-own" }));
    expect((await postAs(admin, `/api/dashboard/notices/${own}/submit`)).status).toBe(200);
    const refused = await postAs(admin, `/api/dashboard/notices/${own}/approve`, {});
    expect(refused.status).toBe(403);
    expect(await scalar("SELECT status FROM notice_editions WHERE id = ?", own)).toBe("submitted");
    const forced = await postAs(admin, `/api/dashboard/notices/${own}/approve`, {
      forceReason: "县政府紧急通知，须当日发布",
    });
    expect(forced.status).toBe(200);
    expect(await scalar("SELECT force_reason FROM notice_editions WHERE id = ?", own)).toBe(
      "县政府紧急通知，须当日发布",
    );
    expect(await scalar("SELECT count(*) FROM audit_log WHERE action = 'notice.force_published'")).toBe(1);
  });

  it("lets exactly one of two reviewers approving at once win", async () => {
    const id = await submitted();
    const [a, b] = await Promise.all([
      postAs(reviewer, `/api/dashboard/notices/${id}/approve`, {}),
      postAs(reviewer2, `/api/dashboard/notices/${id}/approve`, {}),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await scalar("SELECT count(*) FROM notice_editions WHERE status = 'published'")).toBe(1);
    expect(await scalar("SELECT count(*) FROM audit_log WHERE action = 'notice.published'")).toBe(1);
  });

  it("returns with a comment, and keeps another agency's reviewer out", async () => {
    const id = await submitted();
    expect((await postAs(housing, `/api/dashboard/notices/${id}/return`, { comment: "请补充申领地点" })).status).toBe(
      404,
    );
    const empty = await postAs(reviewer, `/api/dashboard/notices/${id}/return`, {}, { "accept-language": "en" });
    expect(empty.status).toBe(400);
    const res = await postAs(reviewer, `/api/dashboard/notices/${id}/return`, { comment: "请补充申领地点" });
    expect(res.status).toBe(200);
    expect(await scalar("SELECT review_comment FROM notice_editions WHERE id = ?", id)).toBe("请补充申领地点");
    expect(await scalar("SELECT status FROM notice_editions WHERE id = ?", id)).toBe("returned");
  });

  it("gives a bad field the same message as the build, in the person's language, and writes nothing", async () => {
    const bad = draft({ topic: "pears" });
    const en = await postAs(editor, "/api/dashboard/notices", bad, { "accept-language": "en" });
    expect(en.status).toBe(400);
    const enBody = (await en.json()) as { errors: { field: string; message: string }[] };
    const fromBuild = englishProblems({
      ...bad,
      indexNumber: "11513226MB1520038K/2026-00001",
      published: "2026-12-01",
    });
    expect(fromBuild).toContain(`topic: ${enBody.errors.find((e) => e.field === "topic")?.message}`);
    const zh = await postAs(editor, "/api/dashboard/notices", bad);
    const zhBody = (await zh.json()) as { errors: { field: string; message: string }[] };
    expect(zhBody.errors.find((e) => e.field === "topic")?.message).toMatch(/^须为以下之一/);
    expect(await scalar("SELECT count(*) FROM notice_editions")).toBe(0);
    expect(await scalar("SELECT count(*) FROM notice_slugs")).toBe(0);
  });

  it("needs a change note to amend, and shows it in the change log when published", async () => {
    const id = await submitted();
    await postAs(reviewer, `/api/dashboard/notices/${id}/approve`, {});
    const noNote = await postAs(editor, "/api/dashboard/notices", draft({ title: "2026 年春耕补贴申领指南（修订）" }));
    expect(noNote.status).toBe(400);
    const amend = await submitted(
      draft({ title: "2026 年春耕补贴申领指南（修订）", changeNote: "延长申领期限至 4 月 15 日" }),
    );
    expect((await postAs(reviewer, `/api/dashboard/notices/${amend}/approve`, {})).status).toBe(200);
    const data = JSON.parse(await scalar<string>("SELECT data FROM notice_editions WHERE id = ?", amend));
    expect(data.changes.at(-1).note).toBe("延长申领期限至 4 月 15 日");
    expect(await scalar("SELECT status FROM notice_editions WHERE id = ?", id)).toBe("superseded");
    const first = JSON.parse(await scalar<string>("SELECT data FROM notice_editions WHERE id = ?", id));
    expect(data.indexNumber).toBe(first.indexNumber);
  });

  it("publishes a scheduled edition from the minute cron once its time has come", async () => {
    const id = await submitted();
    const soon = new Date(Date.now() + 2 * 60_000 + 8 * 3600_000).toISOString().slice(0, 16);
    const res = await postAs(reviewer, `/api/dashboard/notices/${id}/approve`, { publishAt: soon });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await scalar("SELECT status FROM notice_editions WHERE id = ?", id)).toBe("scheduled");
    expect(await publishScheduled(env, new Date())).toBe(0);
    expect(await publishScheduled(env, new Date(Date.now() + 5 * 60_000))).toBe(1);
    expect(await scalar("SELECT status FROM notice_editions WHERE id = ?", id)).toBe("published");
  });
});

describe("the rebuild", () => {
  it("asks the deploy hook for a rebuild after a publication, and records a hook that fails", async () => {
    const hook = crypto.randomUUID();
    const posts = async () =>
      ((await (await fetch(new URL(`/__deploy-hooks?key=${hook}`, env.FAKE_SMS_URL))).json()) as { posts: number })
        .posts;
    const schedule = async (slug: string) => {
      const id = await submitted(draft({ slug }));
      const at = new Date(Date.now() + 2 * 60_000 + 8 * 3600_000).toISOString().slice(0, 16);
      expect((await postAs(reviewer, `/api/dashboard/notices/${id}/approve`, { publishAt: at })).status).toBe(200);
    };
    await schedule("hook-works");
    const later = new Date(Date.now() + 5 * 60_000);
    const withHook = { ...env, DEPLOY_HOOK_URL: new URL(`/__deploy-hook/${hook}`, env.FAKE_SMS_URL).href };
    expect(await publishScheduled(withHook, later)).toBe(1);
    expect(await posts()).toBe(1);
    expect(await scalar("SELECT status FROM deploy_requests ORDER BY id DESC LIMIT 1")).toBe("sent");
    await schedule("hook-down");
    const down = { ...env, DEPLOY_HOOK_URL: new URL(`/__deploy-hook-down/${hook}`, env.FAKE_SMS_URL).href };
    expect(await publishScheduled(down, later)).toBe(1);
    // The notice is published all the same; the dashboard says the rebuild request failed.
    expect(await scalar("SELECT status FROM notice_editions WHERE slug = 'hook-down'")).toBe("published");
    expect(await scalar("SELECT status || ' ' || detail FROM deploy_requests ORDER BY id DESC LIMIT 1")).toBe(
      "failed HTTP 503",
    );
  });
});

describe("the public pages", () => {
  /** The Worker's notice routing with a stand-in for Astro: says which page would answer. */
  function site(db: D1Database) {
    const app = new Hono<AppEnv>();
    app.use(
      liveNotices((c, path) => {
        c.set("live" as never, path as never);
      }),
    );
    app.get("*", (c) => c.text((c.get("live" as never) as string | undefined) ?? "static"));
    return (path: string) => app.request(path, {}, { ...env, DB: db });
  }

  it("serves a notice the build holds with no D1 query, and a newer edition on demand", async () => {
    const counting = countingD1(env.DB);
    const get = site(counting.db);
    const built = (await buildManifest(env)).notices[0]?.slug ?? "";
    expect(built).not.toBe("");
    // The build's own page, from the assets binding.
    const before = await get(`/notices/${built}/`);
    expect(before.status).toBe(200);
    expect(await before.text()).toContain("<h1");
    expect((await get("/en/notices/")).status).toBe(200);
    expect((await get("/notices/feed.xml")).status).toBe(200);
    expect(counting.counts.queries + counting.counts.batches).toBe(0);

    const id = await submitted();
    expect((await postAs(reviewer, `/api/dashboard/notices/${id}/approve`, {})).status).toBe(200);
    expect(await (await get("/notices/spring-planting-subsidy-2026/")).text()).toBe(
      "/live-notices/notices/spring-planting-subsidy-2026/",
    );
    expect(await (await get("/en/notices/topics/pear-industry/")).text()).toBe(
      "/live-notices/en/notices/topics/pear-industry/",
    );
    expect(counting.counts.queries).toBeGreaterThan(0);
    // A notice the publication did not touch stays the static file.
    expect(await (await get(`/notices/${built}/`)).text()).toContain("<h1");
  });

  it("lets staff of the agency preview a draft at its address, and nobody else", async () => {
    const id = await drafted();
    const get = site(env.DB);
    expect(await (await get(`/notices/spring-planting-subsidy-2026/?preview=${id}`)).text()).toBe("static");
    const app = new Hono<AppEnv>();
    app.use(
      liveNotices((c, path, locals) =>
        c.set("live" as never, `${path} ${(locals.liveNotices as LiveNotices).preview}` as never),
      ),
    );
    app.get("*", (c) => c.text((c.get("live" as never) as string | undefined) ?? "static"));
    const as = (cookie: string) =>
      app.request(`/notices/spring-planting-subsidy-2026/?preview=${id}`, { headers: { cookie } }, env);
    expect(await (await as(reviewer)).text()).toBe("/live-notices/notices/spring-planting-subsidy-2026/ true");
    expect(await (await as(housing)).text()).toBe("static");
  });

  it("serves an uploaded attachment once checked by its bytes, and refuses a file that is not one", async () => {
    const id = await drafted();
    const pdf = new Uint8Array([...new TextEncoder().encode("%PDF-1.7\n"), ...new Uint8Array(200)]);
    const form = new FormData();
    form.set("file", new File([pdf], "指南.pdf", { type: "application/pdf" }));
    form.set("title", "申领表");
    const res = await call(`/api/dashboard/notices/${id}/attachments`, {
      method: "POST",
      body: form,
      headers: { cookie: editor, origin: "http://localhost", "sec-fetch-site": "same-origin" },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const attachment = (await res.json()) as { file: string; type: string; bytes: number };
    expect(attachment.type).toBe("PDF");
    expect(attachment.bytes).toBe(pdf.byteLength);
    const served = await call(attachment.file);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("application/pdf");
    const html = new FormData();
    html.set("file", new File(["<script>alert(1)</script>"], "指南.pdf", { type: "application/pdf" }));
    const refused = await call(`/api/dashboard/notices/${id}/attachments`, {
      method: "POST",
      body: html,
      headers: { cookie: editor, origin: "http://localhost", "sec-fetch-site": "same-origin" },
    });
    expect(refused.status).toBe(400);
    expect(await scalar("SELECT count(*) FROM notice_attachments")).toBe(1);
  });
});
