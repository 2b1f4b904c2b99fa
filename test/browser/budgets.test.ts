import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, chromiumPath, launch, openPage } from "./browser";
import { ADMIN, COOPERATIVE, OPERATOR, signIn } from "./dashboard";

interface Budget {
  path: string;
  html: number;
  css: number;
  js: number;
  /** A dashboard template is measured signed in as this demo account. */
  as?: keyof typeof ACCOUNTS;
}
const ACCOUNTS = { operator: OPERATOR, cooperative: COOPERATIVE, admin: ADMIN };
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
      const { page, context, requests } = await openPage(browser);
      if (budget.as) await signIn(page, ACCOUNTS[budget.as]);
      const res = await page.goto(budget.path, { waitUntil: "networkidle" });
      expect(res?.status(), "the template itself answered").toBe(200);
      // The browser's own resource timing: decoded sizes of what the page really loaded.
      const bytes = await page.evaluate(() => {
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        const sum = { html: nav.decodedBodySize, css: 0, js: 0 };
        for (const entry of performance.getEntriesByType("resource") as PerformanceResourceTiming[]) {
          const path = new URL(entry.name).pathname;
          if (path.endsWith(".css")) sum.css += entry.decodedBodySize;
          else if (path.endsWith(".js") || path.endsWith(".mjs")) sum.js += entry.decodedBodySize;
        }
        return sum;
      });
      const kib = (n: number) => Math.round((n / 1024) * 10) / 10;
      console.log(`budget ${name}: html ${kib(bytes.html)} KiB, css ${kib(bytes.css)} KiB, js ${kib(bytes.js)} KiB`);
      expect(kib(bytes.html), "HTML").toBeLessThanOrEqual(budget.html);
      expect(kib(bytes.css), "CSS").toBeLessThanOrEqual(budget.css);
      expect(kib(bytes.js), "JS").toBeLessThanOrEqual(budget.js);
      expect(bytes.html, "the page itself was measured").toBeGreaterThan(500);
      const foreign = requests.filter((url) => new URL(url).origin !== baseURL);
      expect(foreign, "third-party requests").toEqual([]);
      await context.close();
    });
  }
});
