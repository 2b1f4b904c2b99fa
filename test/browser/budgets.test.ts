import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, chromiumPath, launch, openPage } from "./browser";

interface Budget {
  path: string;
  html: number;
  css: number;
  js: number;
}
const { templates } = JSON.parse(readFileSync("bench/budgets.json", "utf8")) as { templates: Record<string, Budget> };

describe.skipIf(!chromiumPath)("page weight budgets (bench/budgets.json)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const [name, budget] of Object.entries(templates)) {
    it(`${name} (${budget.path}) stays within ${budget.html}/${budget.css}/${budget.js} KiB of HTML/CSS/JS`, async () => {
      const { page, context } = await openPage(browser);
      const bytes = { html: 0, css: 0, js: 0 };
      const foreign: string[] = [];
      page.on("response", async (res) => {
        const url = new URL(res.url());
        if (url.origin !== baseURL) foreign.push(res.url());
        const kind = res.request().resourceType();
        const key = kind === "document" ? "html" : kind === "stylesheet" ? "css" : kind === "script" ? "js" : null;
        if (!key) return;
        try {
          bytes[key] += (await res.body()).length;
        } catch {
          // redirects have no body
        }
      });
      await page.goto(budget.path, { waitUntil: "networkidle" });
      const kib = (n: number) => Math.round((n / 1024) * 10) / 10;
      console.log(`budget ${name}: html ${kib(bytes.html)} KiB, css ${kib(bytes.css)} KiB, js ${kib(bytes.js)} KiB`);
      expect(kib(bytes.html), "HTML").toBeLessThanOrEqual(budget.html);
      expect(kib(bytes.css), "CSS").toBeLessThanOrEqual(budget.css);
      expect(kib(bytes.js), "JS").toBeLessThanOrEqual(budget.js);
      expect(foreign, "third-party requests").toEqual([]);
      await context.close();
    });
  }
});
