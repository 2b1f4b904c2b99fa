import { describe, expect, it } from "vitest";
import { counted, partyText } from "../../src/i18n/plural";

describe("counted words", () => {
  it("say 1 adult and 2 adults, and leave out children when there are none", () => {
    expect(partyText("en", { adults: 1, children: 0 })).toBe("1 adult");
    expect(partyText("en", { adults: 2, children: 1 })).toBe("2 adults, 1 child");
    expect(partyText("en", { adults: 1, children: 3 })).toBe("1 adult, 3 children");
    expect(partyText("zh-CN", { adults: 2, children: 1 })).toBe("成人 2 人，儿童 1 人");
  });

  it("count nights and places left", () => {
    expect(counted("en", "count.nights", 1)).toBe("1 night");
    expect(counted("en", "count.places", 40)).toBe("40 places left");
    expect(counted("zh-CN", "count.places", 40)).toBe("还剩 40 个名额");
  });
});
