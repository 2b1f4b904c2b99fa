import { describe, expect, it } from "vitest";
import { addressKey, clientAddress } from "../../functions/lib/client-address";

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

  it("believes the header only where Cloudflare sets it or a test says so, and calls this machine local", () => {
    const from = (env: Record<string, string>, ip?: string) =>
      clientAddress({ env, req: { header: (name: string) => (name === "cf-connecting-ip" ? ip : undefined) } });
    expect(from({ PORTAL_ENV: "local" }, "203.0.113.7")).toBe("local");
    expect(from({ PORTAL_ENV: "production" }, "203.0.113.7")).toBe("203.0.113.7");
    expect(from({ PORTAL_ENV: "local", TRUST_CLIENT_ADDRESS_HEADER: "1" }, "203.0.113.7")).toBe("203.0.113.7");
    expect(from({ PORTAL_ENV: "local", TRUST_CLIENT_ADDRESS_HEADER: "1" }, "127.0.0.1")).toBe("local");
    expect(from({ PORTAL_ENV: "local", TRUST_CLIENT_ADDRESS_HEADER: "1" }, "::1")).toBe("local");
    expect(from({ PORTAL_ENV: "production" }, "127.0.0.1")).toBe("127.0.0.1");
  });
});
