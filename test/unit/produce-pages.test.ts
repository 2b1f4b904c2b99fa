import { describe, expect, it } from "vitest";
import { cartFromQuery, cartQuery, seasonText } from "../../src/lib/produce";

describe("seasonText", () => {
  it("describes month runs in both languages, across the new year too", () => {
    expect(seasonText([8, 9, 10, 11, 12], "en")).toBe("Aug–Dec");
    expect(seasonText([8, 9, 10, 11, 12], "zh-CN")).toBe("8–12 月");
    expect(seasonText([1, 2, 11, 12], "en")).toBe("Nov–Feb");
    expect(seasonText([3, 6, 7], "zh-CN")).toBe("3、6–7 月");
    expect(seasonText([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], "en")).toBe("All year");
  });
});

describe("cart in the URL", () => {
  it("reads product-page and island links, clamping quantities and dropping bad ids", () => {
    const params = new URLSearchParams("item=syrup:2&item=wine:500&item=Bad!:1&item=juice:x&product=tea&quantity=0");
    expect(cartFromQuery(params)).toEqual([
      { product: "syrup", quantity: 2 },
      { product: "wine", quantity: 99 },
      { product: "juice", quantity: 1 },
      { product: "tea", quantity: 1 },
    ]);
    expect(cartQuery([{ product: "syrup", quantity: 2 }])).toBe("item=syrup%3A2");
  });
});
