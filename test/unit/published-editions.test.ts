import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { englishProblems } from "../../src/collections/english-problems";
import {
  readManagedEvents,
  readManagedSessions,
  readPublishedEditions,
  readPublishedEventEditions,
} from "../../src/collections/published-editions";
import { eventSchema } from "../../src/lib/events/schema";

/**
 * The build reads the notices published from the dashboard from D1: here a real local
 * database (wrangler, the real migrations), as after `npm start`. Only published editions
 * are read, and what the loader then checks gives the build's message for a bad field.
 */
let state = "";
const wrangler = (...args: string[]) =>
  execFileSync(process.execPath, ["node_modules/wrangler/bin/wrangler.js", ...args, "--local", "--persist-to", state], {
    encoding: "utf8",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });

const eventFrontMatter = {
  title: "2028 金秋采摘节",
  summary: "采摘",
  start: "2028-09-16",
  end: "2028-09-24",
  updated: "2026-12-01",
  place: "gajian-lawn",
  organizer: { name: "县农业农村局" },
  price: "free",
};
const eventVersions = JSON.stringify({ "zh-CN": { frontMatter: eventFrontMatter, body: "## 须知" } });

beforeAll(() => {
  state = mkdtempSync(join(tmpdir(), "portal-editions-"));
  wrangler("d1", "migrations", "apply", "DB");
  const data = (title: string, topic = "pear-industry") =>
    JSON.stringify({
      title,
      summary: "摘要",
      language: "zh-CN",
      indexNumber: "11513226MB1520038K/2026-00001",
      agency: "agriculture-bureau",
      topic,
      written: "2026-11-01",
      published: "2026-11-02",
      validity: { status: "in-force", effective: "2026-11-02" },
    }).replaceAll("'", "''");
  wrangler(
    "d1",
    "execute",
    "DB",
    "--command",
    `INSERT INTO accounts (email, name, role) VALUES ('e@x.cn', 'e', 'editor');
     INSERT INTO notice_slugs (slug, agency) VALUES ('frost-grant', 'agriculture-bureau'), ('draft-only', 'agriculture-bureau');
     INSERT INTO notice_editions (slug, lang, status, data, body, author_id, publish_seq) VALUES ('frost-grant', 'zh-CN', 'published', '${data("防冻补贴")}', '## 条件', 1, 1);
     INSERT INTO notice_editions (slug, lang, status, data, body, author_id) VALUES ('draft-only', 'zh-CN', 'draft', '${data("草稿", "pears")}', 'x', 1);
     INSERT INTO session_events (slug, status, reason_zh, reason_en, managed_at, managed_by) VALUES ('pear-picking-2026', 'cancelled', '冰雹', 'Hail', '2026-12-01T00:00:00Z', 1);
     INSERT INTO session_events (slug, status) VALUES ('pear-blossom-2027', 'scheduled');
     INSERT INTO activity_slots (id, event_slug, date, start_time, end_time, capacity, booked, price_fen, name_zh, name_en, active)
       VALUES ('pear-picking-2026-a', 'pear-picking-2026', '2026-09-20', '09:00', '10:00', 10, 2, 0, '采摘', 'Picking', 0),
              ('pear-blossom-2027-b', 'pear-blossom-2027', '2027-03-21', '09:00', '10:00', 10, 0, 0, '导览', 'Tour', 1);
     INSERT INTO event_editions (slug, status, versions, author_id, publish_seq) VALUES ('harvest-fair-2028', 'published', '${eventVersions}', 1, 1);
     INSERT INTO event_editions (slug, status, versions, author_id) VALUES ('draft-fair-2028', 'draft', '${eventVersions}', 1);`,
  );
}, 120_000);

afterAll(() => rmSync(state, { recursive: true, force: true }));

describe("published editions at build time", () => {
  it("reads the published editions of the local database, and no draft", () => {
    const editions = readPublishedEditions({ ...process.env, PORTAL_BUILD_D1: "local", PORTAL_PERSIST: state });
    expect(editions.map((e) => [e.slug, e.lang, e.seq, e.body])).toEqual([["frost-grant", "zh-CN", 1, "## 条件"]]);
    expect(englishProblems(editions[0]?.data)).toEqual([]);
  }, 60_000);

  it("reads the status staff gave an event in the dashboard, and not an event content still decides", () => {
    expect(readManagedEvents({ ...process.env, PORTAL_BUILD_D1: "local", PORTAL_PERSIST: state })).toEqual([
      { slug: "pear-picking-2026", status: "cancelled", reason: { "zh-CN": "冰雹", en: "Hail" } },
    ]);
  }, 60_000);

  it("reads the festival events published from the dashboard, and the sessions of events staff manage", () => {
    const env = { ...process.env, PORTAL_BUILD_D1: "local", PORTAL_PERSIST: state };
    const events = readPublishedEventEditions(env);
    expect(events.map((e) => [e.slug, e.seq, e.versions["zh-CN"]?.body])).toEqual([
      ["harvest-fair-2028", 1, "## 须知"],
    ]);
    expect(englishProblems(events[0]?.versions["zh-CN"]?.frontMatter, eventSchema)).toEqual([]);
    expect(readManagedSessions(env).map((s) => [s.event, s.id, s.title.en])).toEqual([
      ["pear-picking-2026", "pear-picking-2026-a", "Picking"],
    ]);
  }, 60_000);

  it("reads nothing when told to, or when no local database exists", () => {
    expect(readPublishedEditions({ ...process.env, PORTAL_BUILD_D1: "off" })).toEqual([]);
    expect(readPublishedEditions({ PORTAL_PERSIST: join(state, "none") })).toEqual([]);
    expect(() => readPublishedEditions({ PORTAL_BUILD_D1: "sometimes" })).toThrow(/local, remote or off/);
  });
});
