import { describe, expect, it } from "vitest";
import type { NoticeData } from "../../src/collections/notice-schema";
import {
  groupNotices,
  neighbours,
  type RawNoticeEntry,
  relatedNotices,
  summariseTopics,
  versionFor,
} from "../../src/lib/notices/model";

function data(overrides: Partial<NoticeData> = {}): NoticeData {
  return {
    title: "标题",
    summary: "摘要",
    language: "zh-CN",
    indexNumber: "11513226MB1520038K/2024-00001",
    agency: "agriculture-bureau",
    topic: "pear-industry",
    written: "2024-01-01",
    published: "2024-01-02",
    validity: { status: "in-force", effective: "2024-01-02" },
    attachments: [],
    tags: [],
    changes: [],
    ...overrides,
  };
}

const entry = (id: string, overrides: Partial<NoticeData> = {}): RawNoticeEntry<null> => ({
  id,
  filePath: `content/notices/${id}.md`,
  data: data({ language: id.startsWith("en/") ? "en" : "zh-CN", ...overrides }),
  entry: null,
});

describe("grouping language versions into notices", () => {
  it("links the two versions that share a file name, newest notice first", () => {
    const { notices, problems } = groupNotices([
      entry("zh-CN/old", { published: "2023-05-01", written: "2023-05-01" }),
      entry("zh-CN/new"),
      entry("en/new"),
    ]);
    expect(problems).toEqual([]);
    expect(notices.map((n) => n.slug)).toEqual(["new", "old"]);
    expect(Object.keys(notices[0]?.versions ?? {}).sort()).toEqual(["en", "zh-CN"]);
  });

  it("reports a file whose language does not match its folder", () => {
    const { problems } = groupNotices([entry("en/a", { language: "zh-CN" })]);
    expect(problems).toEqual(['content/notices/en/a.md: language is "zh-CN" but the file is in the en/ folder']);
  });

  it("reports files outside the language folders and reserved names", () => {
    expect(groupNotices([entry("fr/a")]).problems[0]).toMatch(/^content\/notices\/fr\/a\.md: notices go in/);
    expect(groupNotices([entry("zh-CN/page")]).problems).toEqual([
      'content/notices/zh-CN/page.md: the file name "page" is reserved for a page',
    ]);
  });

  it("reports versions whose catalogue facts disagree", () => {
    const { problems } = groupNotices([entry("zh-CN/a"), entry("en/a", { topic: "tourism" })]);
    expect(problems).toEqual([
      'content/notices/en/a.md: topic differs from content/notices/zh-CN/a.md ("tourism" vs "pear-industry")',
    ]);
  });

  it("reports a repealed or amended notice that points at no notice", () => {
    const { problems } = groupNotices([
      entry("zh-CN/a", {
        validity: { status: "repealed", effective: "2024-01-02", repealed: "2024-02-01", replacedBy: "b" },
      }),
      entry("zh-CN/c", { validity: { status: "amended", effective: "2024-01-02", amendedBy: "c" } }),
    ]);
    expect(problems).toEqual([
      'content/notices/zh-CN/a.md: validity.replacedBy "b" is not a notice',
      "content/notices/zh-CN/c.md: validity.amendedBy points at the notice itself",
    ]);
  });

  it("dates a notice by its latest change when the editor gave no updated date", () => {
    const { notices } = groupNotices([entry("zh-CN/a", { changes: [{ date: "2024-03-05", note: "改" }] })]);
    expect(notices[0]?.updated).toBe("2024-03-05");
  });
});

describe("what a page shows", () => {
  const { notices } = groupNotices([
    entry("zh-CN/a", { published: "2024-03-01", written: "2024-03-01" }),
    entry("en/a", { published: "2024-03-01", written: "2024-03-01" }),
    entry("zh-CN/b", { published: "2024-02-01", written: "2024-02-01" }),
    entry("en/c", { published: "2024-01-01", written: "2024-01-01", topic: "tourism" }),
  ]);
  const [a, b, c] = notices;
  if (!a || !b || !c) throw new Error("fixture");

  it("shows the page's own language, or the other version marked as a fallback", () => {
    expect(versionFor(a, "en")).toMatchObject({ fallback: false, version: { locale: "en" } });
    expect(versionFor(b, "en")).toMatchObject({ fallback: true, version: { locale: "zh-CN" } });
    expect(versionFor(c, "zh-CN")).toMatchObject({ fallback: true, version: { locale: "en" } });
  });

  it("links to the newer and older notice, and to others on the same topic", () => {
    expect(neighbours(a, notices)).toEqual({ older: b });
    expect(neighbours(b, notices)).toEqual({ newer: a, older: c });
    expect(relatedNotices(a, notices)).toEqual([b]);
  });

  it("gives each topic its count and last update, empty topics included", () => {
    expect(summariseTopics(notices, ["pear-industry", "tourism", "planning"])).toEqual([
      { topic: "pear-industry", count: 2, lastUpdated: "2024-03-01" },
      { topic: "tourism", count: 1, lastUpdated: "2024-01-01" },
      { topic: "planning", count: 0, lastUpdated: undefined },
    ]);
  });
});
