import { maskPersonalDetails } from "@functions/letters/masking";
import { describe, expect, it } from "vitest";

/** What is published of a letter: what was asked and answered, never who asked or how to reach them. */
describe("maskPersonalDetails", () => {
  it("masks phone numbers however they are typed", () => {
    for (const phone of [
      "13800138000",
      "138 0013 8000",
      "138-0013-8000",
      "+86 138 0013 8000",
      "0837-2345678",
      "(0837)2345678",
      "１３８００１３８０００",
    ]) {
      expect(maskPersonalDetails(`请回电 ${phone} 谢谢`), phone).toBe("请回电 *** 谢谢");
    }
  });

  it("masks ID card and bank numbers and e-mail addresses", () => {
    expect(maskPersonalDetails("身份证 51322119800101123X，卡号 6222 0212 3456 7890")).toBe("身份证 ***，卡号 ***");
    expect(maskPersonalDetails("write to wang.fang+1@mail.example.cn please")).toBe("write to *** please");
  });

  it("masks the writer's own name, and keeps dates, amounts and short numbers", () => {
    const text = "王小明于 2026-11-01 申请，补贴 3000 元，第 12 组，12 月 31 日前发放。";
    expect(maskPersonalDetails(text, { name: "王小明" })).toBe(
      "***于 2026-11-01 申请，补贴 3000 元，第 12 组，12 月 31 日前发放。",
    );
  });

  it("leaves a one-character name alone: it would mask ordinary words", () => {
    expect(maskPersonalDetails("请王局长答复", { name: "王" })).toBe("请王局长答复");
  });
});
