import { composeMessage } from "@functions/messages/texts";
import { describe, expect, it } from "vitest";

/**
 * The texts about a called-off event or a moved session fit one SMS (70 Chinese
 * characters with the sign name) with the longest reason the import puts in them (24 characters, 60 in English).
 */
const LONGEST_REASON = {
  "zh-CN": "因连日降雨梨园道路受损，活动取消，敬请谅解，具…",
  en: "Days of rain have damaged the orchard roads, so the festiva…",
};
const cases = (lang: "zh-CN" | "en") =>
  [
    { kind: "event-cancelled", params: { reason: LONGEST_REASON[lang] } },
    { kind: "event-postponed", params: { reason: LONGEST_REASON[lang] } },
    { kind: "session-cancelled", params: { reason: LONGEST_REASON[lang] } },
    { kind: "session-moved", params: { date: "2027-03-22", time: "14:00" } },
  ] as const;

describe("texts about event changes", () => {
  for (const lang of ["zh-CN", "en"] as const) {
    for (const c of cases(lang)) {
      it(`${c.kind} fits one message in ${lang}, apart from the link`, async () => {
        const { text, values } = await composeMessage(
          { kind: c.kind, lang, params: { reference: "7KQ2MZ4P", about: "booking", ...c.params } },
          {
            keys: { current: "unit-test-secret-0123456789", previous: [] },
            db: {} as D1Database,
            makers: { booking: async () => "LINK", order: async () => "LINK", letter: async () => "LINK" },
          },
        );
        expect(values).toMatchObject({ ref: "7KQ2MZ4P", link: "LINK", ...c.params });
        expect(text).not.toMatch(/\{\w+\}/);
        for (const v of Object.values(c.params)) expect(text).toContain(v);
        const withSign = `【金川县人民政府】${text.replace("LINK", "")}`;
        expect(withSign.length).toBeLessThanOrEqual(lang === "zh-CN" ? 70 : 160);
      });
    }
  }
});
