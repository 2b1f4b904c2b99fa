import { fenToDecimal, formatFen, parseYuan, wholeYuan } from "@functions/lib/money";
import { describe, expect, it } from "vitest";

describe("money", () => {
  it("shows fen as yuan in each language", () => {
    expect(fenToDecimal(12800)).toBe("128.00");
    expect(fenToDecimal(5)).toBe("0.05");
    expect(formatFen(12850, "zh-CN")).toBe("128.50 元");
    expect(formatFen(12850, "en")).toBe("¥128.50");
    expect(wholeYuan(12850)).toBe(129);
  });

  it("reads a typed yuan amount as whole fen, and nothing else", () => {
    expect(parseYuan("80")).toBe(8000);
    expect(parseYuan("80.5")).toBe(8050);
    expect(parseYuan("0.29")).toBe(29);
    for (const bad of ["", "80.505", "-1", "1e3", "1234567", " 80", "80."]) expect(parseYuan(bad), bad).toBeNull();
  });
});
