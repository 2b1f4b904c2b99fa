import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { inject } from "vitest";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(
  (p): p is string => Boolean(p),
);

/** Debian's Chromium, or undefined. In CI a missing browser is an error, not a skip. */
export const chromiumPath = CANDIDATES.find((p) => existsSync(p));
if (!chromiumPath) {
  const message = `browser tests: no Chromium found (looked in ${CANDIDATES.join(", ")}); install Debian's chromium package`;
  if (process.env.CI) throw new Error(message);
  console.warn(`SKIPPED ${message}`);
}

export const baseURL = inject("baseURL");

export async function launch(): Promise<Browser> {
  if (!chromiumPath) throw new Error("no Chromium");
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** A fresh page; every request it makes is recorded so tests can check hosts. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}) {
  // bypassCSP lets the test inject axe-core; the portal's own scripts obey the CSP.
  const context = await browser.newContext({ baseURL, bypassCSP: true, ...options });
  const page = await context.newPage();
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on("request", (req) => requests.push(req.url()));
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(msg.text());
  });
  return { context, page, requests, consoleErrors };
}

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary: string | undefined }>;
}

/** Runs axe-core with the WCAG 2.2 AA rule set; returns the violations. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> };
    };
    const result = await w.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}
