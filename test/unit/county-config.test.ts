import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { county as ours } from "../../county.config";
import { county as second } from "../fixtures/second-county/county.config";

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const contrastOnWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

/** The e-mail senders the MAIL binding of a wrangler.toml allows. */
function allowedSenders(toml: string): string[] {
  const line = toml.split("\n").find((l) => l.trim().startsWith("allowed_sender_addresses"));
  return [...(line ?? "").matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? "");
}

// What adopting counties most often get wrong, checked for this county and the second one.
describe.each([
  ["this county", ours, "wrangler.toml"],
  ["the second county", second, "test/fixtures/second-county/wrangler.toml"],
])("the configuration of %s", (_, county, wranglerToml) => {
  it("has a brand colour with at least 4.5:1 contrast on white, for text and buttons", () => {
    expect(county.themeColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(contrastOnWhite(county.themeColor)).toBeGreaterThanOrEqual(4.5);
  });

  it("writes the identification line as the records read", () => {
    expect(county.identification.siteCode, "网站标识码: 10 digits").toMatch(/^\d{10}$/);
    expect(county.identification.icp, "e.g. 蜀ICP备12345678号 or 蜀ICP备12345678号-1").toMatch(
      /^[\u4e00-\u9fff]ICP备\d{6,10}号(-\d+)?$/,
    );
    expect(county.identification.publicSecurity, "e.g. 川公网安备 51322102000001号").toMatch(
      /^[\u4e00-\u9fff]公网安备 ?\d{14}号$/,
    );
  });

  it("sends order e-mails from an address the MAIL binding allows, on the portal's own domain", () => {
    expect(allowedSenders(readFileSync(wranglerToml, "utf8"))).toContain(county.orderMail.from);
    const mailDomain = county.orderMail.from.split("@")[1] ?? "";
    expect(new URL(county.siteUrl).hostname.endsWith(mailDomain), `${mailDomain} vs ${county.siteUrl}`).toBe(true);
  });

  it("gives every text in both languages", () => {
    const texts = Object.values(county.pageTexts).flatMap((t) => ("zh-CN" in t ? [t] : Object.values(t)));
    for (const t of [county.name, county.shortName, county.tagline, county.orderMail.name, ...texts]) {
      expect(t["zh-CN"].trim()).not.toBe("");
      expect(t.en.trim()).not.toBe("");
    }
  });
});
