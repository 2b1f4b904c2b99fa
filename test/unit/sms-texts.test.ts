import { composeMessage } from "@functions/messages/texts";
import { describe, expect, it } from "vitest";

/**
 * A Chinese SMS is one message up to 70 characters (the sign name included);
 * longer ones are split and cost two. The link is a value of its own.
 */
describe("SMS texts", () => {
  for (const lang of ["zh-CN", "en"] as const) {
    it(`fit one message in ${lang}, apart from the link`, async () => {
      const { text, values } = await composeMessage(
        { kind: "recovery", lang, params: { reference: "7KQ2MZ4P", about: "booking" } },
        {
          keys: { current: "unit-test-secret-0123456789", previous: [] },
          db: {} as D1Database,
          makers: { booking: async () => "LINK", order: async () => "LINK", letter: async () => "LINK" },
        },
      );
      expect(values).toEqual({ ref: "7KQ2MZ4P", link: "LINK" });
      const withSign = `【金川县人民政府】${text.replace("LINK", "")}`;
      expect(withSign.length).toBeLessThanOrEqual(lang === "zh-CN" ? 70 : 160);
      expect(text).toContain("7KQ2MZ4P");
    });
  }
});

/** The longest values the demo data gives an order's texts (the pickup point with the longest address). */
const ORDER_VALUES: Record<string, Record<"zh-CN" | "en", Record<string, string>>> = {
  "order-confirmed": { "zh-CN": {}, en: {} },
  "order-ready": {
    "zh-CN": { address: "河东乡吉目村嘎尖草坪露营基地入口", hours: "每天 9:00–18:00" },
    en: { address: "Entrance of Gajian Lawn camping base, Jiemu Village, Hedong Township", hours: "Daily 9:00–18:00" },
  },
  "order-shipped": { "zh-CN": { tracking: "SF1234567890123" }, en: { tracking: "SF1234567890123" } },
  "order-cancelled": { "zh-CN": { reason: "梨膏已售完" }, en: { reason: "sold out" } },
  "order-cancelled-buyer": { "zh-CN": {}, en: {} },
  "order-cancelled-county": { "zh-CN": {}, en: {} },
  "order-expired": { "zh-CN": {}, en: {} },
};

describe("order texts", () => {
  for (const [kind, byLang] of Object.entries(ORDER_VALUES)) {
    for (const lang of ["zh-CN", "en"] as const) {
      it(`${kind} fits one message in ${lang}, with every value it is given`, async () => {
        const params = { reference: "7KQ2MZ4P", about: "order", ...byLang[lang] };
        const { text, values } = await composeMessage(
          { kind, lang, params },
          {
            keys: { current: "unit-test-secret-0123456789", previous: [] },
            db: {} as D1Database,
            makers: { booking: async () => "BOOKING", order: async () => "LINK", letter: async () => "LINK" },
          },
        );
        expect(values).toEqual({ ref: "7KQ2MZ4P", link: "LINK", ...byLang[lang] });
        for (const value of Object.values(values)) expect(text).toContain(value);
        const withSign = `【金川县人民政府】${text.replace("LINK", "")}`;
        expect(withSign.length).toBeLessThanOrEqual(lang === "zh-CN" ? 70 : 160);
      });
    }
  }
});

/** A letter's texts carry its reference, a date where there is one, and the writer's own link. */
const LETTER_VALUES: Record<string, Record<string, string>> = {
  "letter-received": { due: "2026-12-08" },
  "letter-rejected": {},
  "letter-extended": { until: "2026-12-22" },
  "letter-answered": {},
};

describe("letter texts", () => {
  for (const [kind, given] of Object.entries(LETTER_VALUES)) {
    for (const lang of ["zh-CN", "en"] as const) {
      it(`${kind} fits one message in ${lang} and links to the letter`, async () => {
        const { text, values } = await composeMessage(
          { kind, lang, params: { reference: "7KQ2MZ4P", about: "letter", ...given } },
          {
            keys: { current: "unit-test-secret-0123456789", previous: [] },
            db: {} as D1Database,
            makers: { booking: async () => "BOOKING", order: async () => "ORDER", letter: async () => "LINK" },
          },
        );
        expect(values).toEqual({ ref: "7KQ2MZ4P", link: "LINK", ...given });
        for (const value of Object.values(values)) expect(text).toContain(value);
        const withSign = `【金川县人民政府】${text.replace("LINK", "")}`;
        expect(withSign.length).toBeLessThanOrEqual(lang === "zh-CN" ? 70 : 160);
      });
    }
  }
});
