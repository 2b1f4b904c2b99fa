import { describe, expect, it } from "vitest";
import { addressKey } from "../../functions/lib/client-address";

describe("the address a limit counts against", () => {
  it("keeps an IPv4 address", () => {
    expect(addressKey("203.0.113.7")).toBe("203.0.113.7");
  });
  it("groups IPv6 addresses of one /64", () => {
    const a = addressKey("2001:db8:85a3:1234:1111:2222:3333:4444");
    expect(a).toBe("2001:db8:85a3:1234::/64");
    expect(addressKey("2001:0db8:85a3:1234::9")).toBe(a);
    expect(addressKey("2001:DB8:85A3:1234:ffff::1")).toBe(a);
    expect(addressKey("2001:db8:85a3:1235::1")).not.toBe(a);
  });
  it("expands a short form and an IPv4 tail", () => {
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("::ffff:192.0.2.1")).toBe("0:0:0:0::/64");
    expect(addressKey("fe80::")).toBe("fe80:0:0:0::/64");
  });
  it("calls anything else unknown", () => {
    for (const raw of [undefined, "", "x", "1::2::3", "12345::1", "1:2:3:4:5:6:7:8:9", "<script>"]) {
      expect(addressKey(raw)).toBe("unknown");
    }
  });
});
