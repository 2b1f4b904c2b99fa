import { describe, expect, it } from "vitest";
import { county } from "../../county.config";
import { counterpartPath, localePath } from "../../src/i18n";
import { en } from "../../src/i18n/en";
import { zhCN } from "../../src/i18n/zh-CN";

describe("UI strings", () => {
  it("have the same keys in every locale", () => {
    const zhKeys = Object.keys(zhCN).sort();
    const enKeys = Object.keys(en).sort();
    expect(
      enKeys.filter((k) => !zhKeys.includes(k)),
      "keys only in en.ts",
    ).toEqual([]);
    expect(
      zhKeys.filter((k) => !enKeys.includes(k)),
      "keys only in zh-CN.ts",
    ).toEqual([]);
  });

  it("name no county: what describes one comes from county.config.ts", () => {
    // "金川县" -> "金川", "Jinchuan County" -> "Jinchuan": the name without its kind of place.
    const names = [county.shortName["zh-CN"].replace(/[县市区旗]$/, ""), county.shortName.en.split(" ")[0] ?? ""];
    for (const [key, value] of [...Object.entries(zhCN), ...Object.entries(en)]) {
      for (const name of names) expect(value, key).not.toContain(name);
    }
  });

  it("have no empty strings", () => {
    for (const [key, value] of [...Object.entries(zhCN), ...Object.entries(en)]) {
      expect(value.trim(), key).not.toBe("");
    }
  });
});

describe("language paths", () => {
  it("map every page to its counterpart and back", () => {
    for (const path of ["/", "/notices/", "/visit/gajian-lawn/", "/accessibility/"]) {
      const english = counterpartPath(path);
      expect(english).toEqual({ locale: "en", path: localePath("en", path) });
      expect(counterpartPath(english.path)).toEqual({ locale: "zh-CN", path });
    }
  });
});
