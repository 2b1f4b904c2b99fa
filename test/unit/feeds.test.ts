import { describe, expect, it } from "vitest";
import type { NoticeData } from "../../src/collections/notice-schema";
import { atomDate, atomFeed, xmlEscape } from "../../src/lib/atom";
import { noticesFeed } from "../../src/lib/notices/feeds";
import { groupNotices } from "../../src/lib/notices/model";

const notice = (id: string, overrides: Partial<NoticeData>) => ({
  id,
  data: {
    title: "标题",
    summary: "摘要",
    language: id.startsWith("en/") ? "en" : "zh-CN",
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
  } as NoticeData,
  entry: null,
});

const { notices } = groupNotices([
  notice("zh-CN/loans", { title: "创业贷款 & 补贴 <指南>", published: "2024-03-01", updated: "2024-05-10" }),
  notice("en/loans", { title: "Loans & subsidies", published: "2024-03-01", updated: "2024-05-10" }),
  notice("zh-CN/celtuce", { title: "莴笋采收", topic: "agriculture", published: "2024-06-18" }),
]);

const entries = (xml: string) => xml.split("<entry").slice(1);

describe("Atom feeds", () => {
  it("escape every character XML reserves and drop forbidden control characters", () => {
    expect(xmlEscape(`a & b < c > d "e" 'f'\u0007`)).toBe("a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;");
  });

  it("write dates as full timestamps in China Standard Time", () => {
    expect(atomDate("2024-05-10")).toBe("2024-05-10T00:00:00+08:00");
  });

  it("list the language's notices newest first, each linking to its page", () => {
    const xml = noticesFeed(notices, "zh-CN");
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(
      true,
    );
    const [first, second] = entries(xml);
    expect(entries(xml)).toHaveLength(2);
    expect(first).toContain("<title>莴笋采收</title>");
    expect(first).toContain('href="https://www.jinchuan.gov.cn/notices/celtuce/"');
    expect(second).toContain("<title>创业贷款 &amp; 补贴 &lt;指南&gt;</title>");
    expect(second).toContain("<updated>2024-05-10T00:00:00+08:00</updated>");
    expect(xml).toContain(
      '<link rel="self" type="application/atom+xml" href="https://www.jinchuan.gov.cn/notices/feed.xml"/>',
    );
    // The feed's own update time is its newest entry's.
    expect(xml.split("<entry")[0]).toContain("<updated>2024-06-18T00:00:00+08:00</updated>");
  });

  it("mark a notice that exists only in the other language with its language", () => {
    const xml = noticesFeed(notices, "en");
    const celtuce = entries(xml).find((e) => e.includes("莴笋"));
    expect(celtuce).toMatch(/^ xml:lang="zh-CN">/);
    expect(celtuce).toContain('href="https://www.jinchuan.gov.cn/en/notices/celtuce/"');
    expect(entries(xml).find((e) => e.includes("Loans"))).toMatch(/^>/);
  });

  it("give each topic its own feed with only that topic's notices", () => {
    const xml = noticesFeed(notices, "zh-CN", "agriculture");
    expect(entries(xml)).toHaveLength(1);
    expect(xml).toContain('href="https://www.jinchuan.gov.cn/notices/topics/agriculture/feed.xml"');
    expect(xml).toContain('<category term="agriculture" label="农业农村"/>');
  });

  it("stay valid with no entries", () => {
    const xml = atomFeed({ id: "x", title: "t", lang: "en", self: "s", alternate: "a", author: "p", entries: [] });
    expect(xml).toContain("<updated>1970-01-01T00:00:00+08:00</updated>");
    expect(xml.trimEnd().endsWith("</feed>")).toBe(true);
  });
});
