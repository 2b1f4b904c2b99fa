import { describe, expect, it } from "vitest";
import { englishProblems } from "../../src/collections/english-problems";
import { noticeSchema } from "../../src/collections/notice-schema";

/** A complete, valid frontmatter block; each test breaks one field. */
const valid = () => ({
  title: "梨园管护服务队为缺少劳力的农户免费修剪梨树",
  summary: "老人和外出务工家庭可以登记，由服务队上门修剪。",
  language: "zh-CN",
  indexNumber: "11513226MB1520038K/2023-00052",
  agency: "agriculture-bureau",
  topic: "pear-industry",
  written: "2023-11-15",
  published: "2023-11-20",
  validity: { status: "in-force", effective: "2023-11-20" },
});

/** The dotted path and message of every problem, as the build prints them (src/collections/english-problems.ts). */
const problems = (input: unknown): string[] => englishProblems(input);

describe("notice frontmatter", () => {
  it("accepts a complete notice and fills in the optional lists", () => {
    const result = noticeSchema.parse(valid());
    expect(result.attachments).toEqual([]);
    expect(result.tags).toEqual([]);
    expect(result.changes).toEqual([]);
  });

  it("accepts dates that YAML has already turned into Date objects", () => {
    const result = noticeSchema.parse({ ...valid(), written: new Date("2023-11-15T00:00:00Z") });
    expect(result.written).toBe("2023-11-15");
  });

  it("names each missing field", () => {
    const { title: _t, indexNumber: _i, validity: _v, ...rest } = valid();
    const found = problems(rest);
    expect(found.some((p) => p.startsWith("title:"))).toBe(true);
    expect(found.some((p) => p.startsWith("indexNumber:"))).toBe(true);
    expect(found.some((p) => p.startsWith("validity:"))).toBe(true);
  });

  it("rejects a topic or agency outside the fixed lists, naming the list", () => {
    expect(problems({ ...valid(), topic: "pears" })).toEqual([
      expect.stringMatching(/^topic: must be one of .*pear-industry.*content\/taxonomy\/topics\.json/),
    ]);
    expect(problems({ ...valid(), agency: "someone" })[0]).toMatch(/^agency: must be one of/);
  });

  it("rejects an index number that is not in the catalogue format", () => {
    expect(problems({ ...valid(), indexNumber: "2023-52" })[0]).toMatch(/^indexNumber: 索引号 must look like/);
  });

  it("rejects impossible and out-of-order dates", () => {
    expect(problems({ ...valid(), published: "2023-13-01" })[0]).toMatch(/^published: must be a date/);
    expect(problems({ ...valid(), published: "2023-11-01" })).toEqual(["published: cannot be before the date written"]);
    expect(problems({ ...valid(), updated: "2023-11-19" })).toEqual(["updated: cannot be before the date published"]);
  });

  it("requires a repeal date on a repealed notice and the amending notice on an amended one", () => {
    expect(problems({ ...valid(), validity: { status: "repealed", effective: "2023-11-20" } })).toEqual([
      expect.stringMatching(/^validity\.repealed: /),
    ]);
    expect(problems({ ...valid(), validity: { status: "amended", effective: "2023-11-20" } })).toEqual([
      expect.stringMatching(/^validity\.amendedBy: /),
    ]);
    expect(problems({ ...valid(), validity: { status: "withdrawn", effective: "2023-11-20" } })[0]).toMatch(
      /^validity.*status must be/,
    );
    expect(
      problems({
        ...valid(),
        validity: { status: "repealed", effective: "2023-11-20", repealed: "2023-11-01", replacedBy: "x" },
      }),
    ).toEqual(["validity.repealed: cannot be before the effective date"]);
  });

  it("measures attachments from the file in public/ and refuses missing files and unknown types", () => {
    const ok = noticeSchema.parse({
      ...valid(),
      attachments: [{ title: "申请材料清单", file: "/files/notices/entrepreneurship-checklist.csv" }],
    });
    expect(ok.attachments[0]).toMatchObject({ type: "CSV", bytes: expect.any(Number) });
    expect(ok.attachments[0]?.bytes).toBeGreaterThan(100);

    expect(problems({ ...valid(), attachments: [{ title: "表", file: "/files/notices/nope.pdf" }] })).toEqual([
      "attachments.0.file: no such file: public/files/notices/nope.pdf",
    ]);
    expect(problems({ ...valid(), attachments: [{ title: "表", file: "/files/notices/form.exe" }] })[0]).toMatch(
      /^attachments\.0\.file: type not offered/,
    );
    expect(problems({ ...valid(), attachments: [{ title: "表", file: "https://example.com/a.pdf" }] })[0]).toMatch(
      /^attachments\.0\.file: must be a path under \/files\//,
    );
  });

  it("keeps change-log dates within the notice's life", () => {
    expect(
      problems({ ...valid(), updated: "2024-01-08", changes: [{ date: "2024-02-01", note: "改了电话" }] }),
    ).toEqual(["changes.0.date: is after the updated date"]);
    expect(problems({ ...valid(), changes: [{ date: "2023-01-01", note: "早于发布" }] })).toEqual([
      "changes.0.date: cannot be before the date published",
    ]);
  });
});
