import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type Dataset, datasetSchema } from "../../src/collections/open-data-schema";
import { toCsv } from "../../src/lib/csv";
import { chartBars, datasetCsv, datasetJson, formatFigure, formatPeriod } from "../../src/lib/open-data";

const DIR = new URL("../../content/open-data/", import.meta.url);
const datasets = Object.fromEntries(
  readdirSync(DIR)
    .filter((f) => f.endsWith(".json"))
    .map((f) => [f.replace(/\.json$/, ""), datasetSchema.parse(JSON.parse(readFileSync(new URL(f, DIR), "utf8")))]),
) as Record<string, Dataset>;
const figure = (id: string) =>
  Object.values(datasets)
    .flatMap((d) => d.records)
    .find((r) => r.id === id);

describe("CSV downloads", () => {
  it("start with a UTF-8 byte-order mark and use CRLF, so Excel reads Chinese correctly", () => {
    const csv = toCsv([
      ["指标", "数值"],
      ["脱贫户人均纯收入", 12322],
    ]);
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv).toBe("\uFEFF指标,数值\r\n脱贫户人均纯收入,12322\r\n");
    expect(new TextDecoder("utf-8").decode(bytes.slice(3))).toContain("脱贫户人均纯收入");
  });

  it("quote commas, quotes and line breaks, and defuse text Excel would run as a formula", () => {
    expect(toCsv([["a,b", 'say "hi"', "two\nlines", "=1+1", -5, undefined]])).toBe(
      '\uFEFF"a,b","say ""hi""","two\nlines",\'=1+1,-5,\r\n',
    );
  });

  it("carry every figure with raw values and Chinese headers", () => {
    const growth = datasets.growth;
    if (!growth) throw new Error("growth dataset missing");
    const lines = datasetCsv(growth, "zh-CN")
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe("指标编号,指标,数值,单位,统计期间,同比增长（%）,数值说明,来源,发布日期");
    expect(lines).toContain(
      "tourism-revenue,旅游收入,68760000,元,2023年3月以来,38.58,,金川县文化体育和旅游局,2023-10-12",
    );
    expect(datasetCsv(growth, "en").split("\r\n")[0]).toBe(
      "\uFEFFid,indicator,value,unit,period,change_percent,qualifier,source,published",
    );
  });
});

describe("the county's figures", () => {
  it("include every figure the county has published, with unit, period and source", () => {
    expect(figure("income-lifted-households")).toMatchObject({
      value: 12322,
      unit: "yuan",
      period: "2022",
      change: 15.8,
    });
    expect(figure("tourist-visits")).toMatchObject({ value: 940000, change: 62.05, period: "2023-03/.." });
    expect(figure("tourism-revenue")).toMatchObject({ value: 68760000, unit: "yuan", change: 38.58 });
    expect(figure("vegetable-bases")).toMatchObject({ value: 1633.3, unit: "hectare" });
    expect(figure("sichuan-pepper-bases")).toMatchObject({ value: 3333.3, unit: "hectare" });
    expect(figure("small-fruit-bases")).toMatchObject({ value: 1200, unit: "hectare" });
    expect(figure("migrant-workers")).toMatchObject({ value: 14000, unit: "person" });
    expect(figure("skills-trainees")).toMatchObject({ value: 200, qualifier: "more-than" });
    expect(figure("stable-employment-households")).toMatchObject({ value: 3673, unit: "household" });
    expect(figure("pear-processing-enterprises")).toMatchObject({ value: 6, unit: "enterprise" });
  });

  it("read the way each language writes numbers", () => {
    expect(formatFigure({ value: 68760000, unit: "yuan" }, "zh-CN")).toBe("6,876万元");
    expect(formatFigure({ value: 68760000, unit: "yuan" }, "en")).toBe("68.76 million yuan");
    expect(formatFigure({ value: 200, unit: "person", qualifier: "more-than" }, "zh-CN")).toBe("超过200人");
    expect(formatFigure({ value: 1633.3, unit: "hectare" }, "en")).toBe("1,633.3 ha");
    expect(formatPeriod("2023-03/..", "zh-CN")).toBe("2023年3月以来");
    expect(formatPeriod("2023-03/..", "en")).toBe("since Mar 2023");
    expect(formatPeriod("2023-01/2023-06", "en")).toBe("Jan 2023 to Jun 2023");
  });

  it("draw bars from zero on one scale, longest bar full width", () => {
    const agriculture = datasets.agriculture;
    const chart = agriculture?.charts[0];
    if (!agriculture || !chart) throw new Error("agriculture dataset missing");
    const bars = chartBars(agriculture, chart, "en");
    expect(bars.map((b) => [b.label, b.percent])).toEqual([
      ["Vegetables", 49],
      ["Sichuan pepper", 100],
      ["Small fruit", 36],
    ]);
  });

  it("give JSON downloads the same figures as the CSV", () => {
    const employment = datasets.employment;
    if (!employment) throw new Error("employment dataset missing");
    const json = datasetJson("employment", employment, "zh-CN");
    expect(json.records).toHaveLength(employment.records.length);
    expect(json.records[1]).toMatchObject({ indicator: "参加劳务协作技能培训", value: 200, qualifier: "more-than" });
  });

  it("refuse a dataset with an unknown unit or a chart that would be empty", () => {
    const base = datasets.employment;
    const bad = datasetSchema.safeParse({ ...base, charts: [{ measure: "value", unit: "yuan", title: base?.title }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["charts.0"]);
    const unit = datasetSchema.safeParse({ ...base, records: [{ ...base?.records[0], unit: "mu" }] });
    expect(unit.error?.issues.map((i) => i.path.join("."))).toContain("records.0.unit");
  });
});
