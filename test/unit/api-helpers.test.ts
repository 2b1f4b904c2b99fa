import { isRealDate } from "@functions/lib/dates";
import { requestLang } from "@functions/lib/lang";
import { parseInput } from "@functions/lib/validate";
import { describe, expect, it } from "vitest";
import { z } from "zod";

const req = (headers: Record<string, string>, url = "https://portal.test/api/x") => new Request(url, { headers });

describe("requestLang", () => {
  it("defaults to Chinese", () => {
    expect(requestLang(req({}))).toBe("zh-CN");
    expect(requestLang(req({ "accept-language": "fr-FR" }))).toBe("zh-CN");
  });
  it("follows Accept-Language quality order", () => {
    expect(requestLang(req({ "accept-language": "en-US,en;q=0.9" }))).toBe("en");
    expect(requestLang(req({ "accept-language": "zh-TW;q=0.4, en;q=0.8" }))).toBe("en");
    expect(requestLang(req({ "accept-language": "en;q=0.2, zh-CN" }))).toBe("zh-CN");
  });
  it("lets ?lang= override the header", () => {
    expect(requestLang(req({ "accept-language": "zh-CN" }, "https://portal.test/api/x?lang=en"))).toBe("en");
  });
});

describe("parseInput", () => {
  const schema = z.object({
    checkIn: z.iso.date({ error: "field.date" }),
    nights: z.number().int().min(1),
  });

  it("returns per-field messages in Chinese", () => {
    const result = parseInput(schema, { checkIn: "tomorrow" }, "zh-CN");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { field: "checkIn", message: "请填写有效日期，格式为 YYYY-MM-DD。" },
      { field: "nights", message: "此项必填。" },
    ]);
  });

  it("returns per-field messages in English", () => {
    const result = parseInput(schema, { checkIn: "2026-12-01", nights: 0 }, "en");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.field).toBe("nights");
    expect(result.errors[0]?.message).toMatch(/>=\s*1|at least 1/i);
  });

  it("passes valid input through", () => {
    expect(parseInput(schema, { checkIn: "2026-12-01", nights: 2 }, "en")).toEqual({
      ok: true,
      data: { checkIn: "2026-12-01", nights: 2 },
    });
  });
});

describe("isRealDate", () => {
  it("takes calendar dates and refuses impossible ones without throwing", () => {
    expect(["2026-02-28", "2028-02-29", "0001-01-01"].filter(isRealDate)).toHaveLength(3);
    for (const bad of ["0000-00-00", "2026-13-01", "2026-00-10", "2026-02-30", "2026-2-3", "", "2026-02-28x"]) {
      expect(isRealDate(bad), bad).toBe(false);
    }
  });
});
