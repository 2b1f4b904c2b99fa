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
          makers: { booking: async () => "LINK", order: async () => "LINK" },
        },
      );
      expect(values).toEqual({ ref: "7KQ2MZ4P", link: "LINK" });
      const withSign = `【金川县人民政府】${text.replace("LINK", "")}`;
      expect(withSign.length).toBeLessThanOrEqual(lang === "zh-CN" ? 70 : 160);
      expect(text).toContain("7KQ2MZ4P");
    });
  }
});
