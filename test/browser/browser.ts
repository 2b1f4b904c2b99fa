import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import { expect, inject } from "vitest";
import { inBothLanguages } from "./pages";

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

/** Every page is checked as shown by default and in elder-friendly mode (larger text and targets). */
export const MODES = [
  { name: "standard", elder: false },
  { name: "elder", elder: true },
] as const;
export type Mode = (typeof MODES)[number];

/** A fresh page in the given mode; elder mode is stored before the first load, as for a visitor who turned it on earlier. */
export async function openPageIn(browser: Browser, mode: Mode, options: BrowserContextOptions = {}) {
  const opened = await openPage(browser, options);
  if (mode.elder) await opened.context.addInitScript(() => localStorage.setItem("portal-elder", "1"));
  return opened;
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

/**
 * Loads each path in Chinese and in English (/en) and runs axe on it. Fails if a page answers with another status
 * than `status` gives (200 by default), is not shown in `mode`, or has any violation; the failure lists the
 * violations of every page at once.
 */
export async function expectNoAxeViolations(
  page: Page,
  mode: Mode,
  paths: readonly string[],
  status: (path: string) => number = () => 200,
): Promise<void> {
  const found: Record<string, AxeViolation[]> = {};
  for (const path of inBothLanguages(paths)) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(status(path));
    expect(await page.evaluate(() => document.documentElement.classList.contains("elder")), path).toBe(mode.elder);
    const violations = await axe(page);
    if (violations.length) found[path] = violations;
  }
  expect(found).toEqual({});
}
