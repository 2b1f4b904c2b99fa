import { env } from "cloudflare:workers";
import type { AppEnv } from "@functions/env";
import { publishScheduledEvents } from "@functions/events/edition-steps";
import { EVENTS_SEQ_KEY, liveEvents } from "@functions/events/live";
import { Hono } from "hono";
import { beforeEach, describe, expect, it } from "vitest";
import { englishProblems } from "../../src/collections/english-problems";
import { eventSchema } from "../../src/lib/events/schema";
import { as, createAccount, postAs, signIn } from "./accounts";
import { countingD1 } from "./d1-counter";
import { scalar } from "./helpers";

/**
 * Festival events from the dashboard: an editor drafts both language versions in the
 * shape of content/events, a reviewer approves, the edition is published in D1 (what
 * the build reads), every step is in the audit log, and the schema's messages are the
 * build's. Every step through the Worker, against D1.
 */
const frontMatter = (overrides: Record<string, unknown> = {}) => ({
  title: "2028 梨花节",
  summary: "梨花盛开时节在主会场赏花、参加果园导览。",
  start: "2028-03-18",
  end: "2028-03-26",
  status: "tentative",
  statusNote: "具体日期取决于花期。",
  updated: "2026-12-01",
  venue: {
    name: "梨花节主会场",
    area: "沙耳乡",
    address: "沙耳乡梨园",
    directions: "从县城向南约 20 公里。",
    latitude: 31.37,
    longitude: 102.08,
  },
  organizer: { name: "县文化体育和旅游局" },
  price: "free",
  programme: [{ date: "2028-03-18", start: "10:00", end: "11:00", title: "开幕式" }],
  slots: [
    {
      id: "pear-blossom-2028-tour-0319-0930",
      date: "2028-03-19",
      start: "09:30",
      end: "11:00",
      capacity: 20,
      price: 3000,
      title: "梨园导览",
    },
  ],
  ...overrides,
});

const english = (overrides: Record<string, unknown> = {}) =>
  frontMatter({
    title: "Pear Blossom Festival 2028",
    summary: "See the orchards in bloom and join a guided tour.",
    statusNote: "The dates depend on the bloom.",
    venue: {
      ...frontMatter().venue,
      name: "Main venue",
      area: "Sha'er",
      address: "Sha'er orchards",
      directions: "20 km south.",
    },
    organizer: { name: "County Bureau of Culture and Tourism" },
    programme: [{ date: "2028-03-18", start: "10:00", end: "11:00", title: "Opening" }],
    slots: [{ ...frontMatter().slots[0], title: "Orchard tour" }],
    ...overrides,
  });

const draft = (zh: Record<string, unknown> = {}, en: Record<string, unknown> | null = {}) => ({
  slug: "pear-blossom-2028",
  versions: {
    "zh-CN": { frontMatter: frontMatter(zh), body: "## 赏花\n\n请勿攀折花枝。" },
    ...(en ? { en: { frontMatter: english(en), body: "Please do not break branches." } } : {}),
  },
});

let admin = "";
let editor = "";
let reviewer = "";
let reviewer2 = "";

beforeEach(async () => {
  await createAccount("office@county.example", "admin");
  await createAccount("editor@county.example", "editor", { agencies: ["agriculture-bureau"] });
  await createAccount("reviewer@county.example", "reviewer", { agencies: ["agriculture-bureau"] });
  await createAccount("reviewer2@county.example", "reviewer", { agencies: ["housing-bureau"] });
  admin = await signIn("office@county.example");
  editor = await signIn("editor@county.example");
  reviewer = await signIn("reviewer@county.example");
  reviewer2 = await signIn("reviewer2@county.example");
  await env.PUBLISHING?.delete(EVENTS_SEQ_KEY);
});

async function submitted(body: unknown = draft()): Promise<number> {
  const res = await postAs(editor, "/api/dashboard/event-editions", body);
  expect(res.status, await res.clone().text()).toBe(201);
  const { id, status } = (await res.json()) as { id: number; status: string };
  expect(status).toBe("draft");
  expect((await postAs(editor, `/api/dashboard/event-editions/${id}/submit`)).status).toBe(200);
  return id;
}

describe("festival events drafted and reviewed in the dashboard", () => {
  it("publishes a new event with both languages, each step audited", async () => {
    const id = await submitted();
    const own = await postAs(editor, `/api/dashboard/event-editions/${id}/approve`, {});
    expect(own.status).toBe(403);
    const res = await postAs(reviewer, `/api/dashboard/event-editions/${id}/approve`, {});
    expect(res.status, await res.clone().text()).toBe(200);
    const row = await env.DB.prepare("SELECT status, versions, publish_seq FROM event_editions WHERE id = ?")
      .bind(id)
      .first<{ status: string; versions: string; publish_seq: number }>();
    expect(row?.status).toBe("published");
    expect(row?.publish_seq).toBe(1);
    const versions = JSON.parse(row?.versions ?? "{}");
    expect(versions.en.frontMatter.title).toBe("Pear Blossom Festival 2028");
    // What the build reads passes the content schema as it is.
    expect(englishProblems(versions["zh-CN"].frontMatter, eventSchema)).toEqual([]);
    const actions = await env.DB.prepare(
      "SELECT action FROM audit_log WHERE target_type = 'event_edition' AND target_id = ? ORDER BY id",
    )
      .bind(String(id))
      .all<{ action: string }>();
    expect(actions.results.map((r) => r.action)).toEqual(["event.drafted", "event.submitted", "event.published"]);
    const listed = (await (await as(reviewer, "/api/dashboard/event-editions")).json()) as {
      editions: { id: number; site: string }[];
    };
    // Published in D1, not yet in the running build.
    expect(listed.editions).toContainEqual(expect.objectContaining({ id, site: "rebuilding" }));
  });

  it("refuses a bad field with the content schema's message in the person's language and writes nothing", async () => {
    const zh = await postAs(editor, "/api/dashboard/event-editions", draft({ end: "2028-03-10" }, null), {
      "accept-language": "zh-CN",
    });
    expect(zh.status).toBe(400);
    const body = (await zh.json()) as { errors: { field: string; message: string }[] };
    expect(body.errors).toContainEqual({ field: "versions.zh-CN.frontMatter.end", message: "结束时间早于开始时间。" });
    const en = await postAs(editor, "/api/dashboard/event-editions", draft({ start: "2028-02-30" }, null), {
      "accept-language": "en",
    });
    const enBody = (await en.json()) as { errors: { field: string; message: string }[] };
    // The same words the build prints for content/events.
    expect(enBody.errors[0]?.message).toBe(
      englishProblems(frontMatter({ start: "2028-02-30" }), eventSchema)[0]?.replace(/^start: /, ""),
    );
    expect(await scalar("SELECT count(*) FROM event_editions")).toBe(0);
  });

  it("refuses an English version whose programme does not match the Chinese one", async () => {
    const res = await postAs(editor, "/api/dashboard/event-editions", draft({}, { programme: [] }));
    expect(res.status).toBe(400);
    expect(await scalar("SELECT count(*) FROM event_editions")).toBe(0);
  });

  it("lets exactly one of two reviewers approving at once win", async () => {
    await createAccount("reviewer3@county.example", "reviewer", { agencies: ["agriculture-bureau"] });
    const third = await signIn("reviewer3@county.example");
    const id = await submitted();
    const [a, b] = await Promise.all([
      postAs(reviewer, `/api/dashboard/event-editions/${id}/approve`, {}),
      postAs(third, `/api/dashboard/event-editions/${id}/approve`, {}),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await scalar("SELECT count(*) FROM event_editions WHERE status = 'published'")).toBe(1);
    expect(await scalar("SELECT count(*) FROM audit_log WHERE action = 'event.published'")).toBe(1);
  });

  it("returns with a comment, and an amendment needs a change note and supersedes the published edition", async () => {
    const id = await submitted();
    expect(
      (await postAs(reviewer2, `/api/dashboard/event-editions/${id}/return`, { comment: "请补充交通" })).status,
    ).toBe(200);
    expect(await scalar("SELECT status FROM event_editions WHERE id = ?", id)).toBe("returned");
    expect((await postAs(editor, `/api/dashboard/event-editions/${id}/submit`)).status).toBe(200);
    expect((await postAs(reviewer, `/api/dashboard/event-editions/${id}/approve`, {})).status).toBe(200);

    const noNote = await postAs(editor, "/api/dashboard/event-editions", draft({ status: "postponed" }));
    expect(noNote.status).toBe(400);
    const amended = await postAs(editor, "/api/dashboard/event-editions", {
      ...draft({ status: "postponed", statusNote: "因天气延期。" }, { status: "postponed" }),
      changeNote: "因天气延期",
    });
    expect(amended.status, await amended.clone().text()).toBe(201);
    const second = ((await amended.json()) as { id: number }).id;
    const open = await postAs(editor, "/api/dashboard/event-editions", { ...draft(), changeNote: "再改一次" });
    expect(open.status).toBe(409);
    expect((await postAs(editor, `/api/dashboard/event-editions/${second}/submit`)).status).toBe(200);
    expect((await postAs(reviewer, `/api/dashboard/event-editions/${second}/approve`, {})).status).toBe(200);
    expect(await scalar("SELECT status FROM event_editions WHERE id = ?", id)).toBe("superseded");
    expect(await scalar("SELECT publish_seq FROM event_editions WHERE id = ?", second)).toBe(2);
  });

  it("keeps the sessions the booking database holds instead of typed ones", async () => {
    await env.DB.prepare(
      `INSERT INTO activity_slots (id, event_slug, date, start_time, end_time, capacity, booked, price_fen, name_zh, name_en, active)
       VALUES ('pear-blossom-2028-held', 'pear-blossom-2028', '2028-03-20', '14:00', '15:00', 12, 5, 0, '授粉体验', 'Pollination', 1)`,
    ).run();
    const res = await postAs(admin, "/api/dashboard/event-editions", draft());
    expect(res.status, await res.clone().text()).toBe(201);
    const { id } = (await res.json()) as { id: number };
    const versions = JSON.parse(await scalar<string>("SELECT versions FROM event_editions WHERE id = ?", id));
    expect(versions["zh-CN"].frontMatter.slots.map((s: { id: string }) => s.id)).toEqual(["pear-blossom-2028-held"]);
    expect(versions.en.frontMatter.slots[0].title).toBe("Pollination");
  });

  it("publishes a scheduled edition from the cron, and an admin may publish directly with a reason", async () => {
    const id = await submitted();
    const res = await postAs(reviewer, `/api/dashboard/event-editions/${id}/approve`, {
      publishAt: "2099-01-01T09:00",
    });
    expect(res.status).toBe(200);
    expect(await scalar("SELECT status FROM event_editions WHERE id = ?", id)).toBe("scheduled");
    expect(await publishScheduledEvents(env, new Date("2099-01-01T02:00:00Z"))).toBe(1);
    expect(await scalar("SELECT status FROM event_editions WHERE id = ?", id)).toBe("published");

    const mine = await postAs(admin, "/api/dashboard/event-editions", {
      ...draft({ status: "cancelled" }),
      changeNote: "取消",
    });
    const own = ((await mine.json()) as { id: number }).id;
    expect((await postAs(admin, `/api/dashboard/event-editions/${own}/approve`, {})).status).toBe(403);
    const forced = await postAs(admin, `/api/dashboard/event-editions/${own}/approve`, {
      forceReason: "暴雨预警，紧急取消",
    });
    expect(forced.status, await forced.clone().text()).toBe(200);
    expect(await scalar("SELECT count(*) FROM audit_log WHERE action = 'event.force_published'")).toBe(1);
  });

  it("serves an event the build holds with no D1 query, and a newly published one on demand", async () => {
    const counting = countingD1(env.DB);
    const app = new Hono<AppEnv>();
    app.use(liveEvents((c, path) => c.set("live" as never, path as never)));
    app.get("*", (c) => c.text((c.get("live" as never) as string | undefined) ?? "static"));
    const get = (path: string) => app.request(path, {}, { ...env, DB: counting.db });
    const before = await get("/events/pear-blossom-2027/");
    expect(before.status).toBe(200);
    expect(await before.text()).toContain("<h1");
    expect((await get("/en/events/")).status).toBe(200);
    expect((await get("/events/pear-blossom-2027.ics")).status).toBe(200);
    expect(counting.counts.queries + counting.counts.batches).toBe(0);

    const id = await submitted();
    expect((await postAs(reviewer, `/api/dashboard/event-editions/${id}/approve`, {})).status).toBe(200);
    expect(await (await get("/events/pear-blossom-2028/")).text()).toBe("/live-events/events/pear-blossom-2028/");
    expect(await (await get("/en/events/")).text()).toBe("/live-events/en/events/");
    // An event the publication did not touch stays the static file.
    expect(await (await get("/events/pear-blossom-2027/")).text()).toContain("<h1");
  });
});
