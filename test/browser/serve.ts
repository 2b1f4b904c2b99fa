import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { TestProject } from "vitest/node";
import { BROWSER_SMS } from "../fake-sms/keys";
import { startFakeSms } from "../fake-sms/server";

/**
 * Serves the built Worker (dist/) in workerd with a fresh local D1, migrated and
 * seeded exactly as `npm start` does, on its own port and state folder.
 */
const PORT = Number(process.env.PORTAL_TEST_PORT ?? 8790);
export const TEST_STATE = ".wrangler/test-state";
const STATE = TEST_STATE;
let server: ChildProcess | undefined;
let sms: Server | undefined;

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    fakeSmsUrl: string;
  }
}

function wrangler(args: string[]) {
  execFileSync("node_modules/.bin/wrangler", args, {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
}

async function waitForHealth(url: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  let last = "";
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `${res.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`portal did not become healthy at ${url}: ${last}`);
}

export async function setup(project: TestProject) {
  if (!existsSync("dist/server/wrangler.json")) {
    throw new Error("No build found: run `npm run build` first (npm test does this for you).");
  }
  rmSync(STATE, { recursive: true, force: true });
  wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", STATE]);
  execFileSync("node", ["scripts/seed-local.mjs"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PORTAL_PERSIST: STATE, PATH: `node_modules/.bin:${process.env.PATH}` },
  });
  execFileSync("node", ["scripts/sync-slots.mjs"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PORTAL_PERSIST: STATE, PATH: `node_modules/.bin:${process.env.PATH}` },
  });
  // Texts go to a local fake of Aliyun SMS (test/fake-sms/); `npm start` configures no provider.
  const fake = await startFakeSms();
  sms = fake.server;
  const smsVars = Object.entries({ ...BROWSER_SMS, ALIYUN_SMS_ENDPOINT: fake.url }).flatMap(([k, v]) => [
    "--var",
    `${k}:${v}`,
  ]);
  server = spawn(
    "node_modules/.bin/wrangler",
    [
      "dev",
      "-c",
      "dist/server/wrangler.json",
      "--port",
      String(PORT),
      "--persist-to",
      STATE,
      "--var",
      "PORTAL_ENV:local",
      "--var",
      "TOKEN_SECRET:browser-test-secret-0123456789",
      // Throttle tests sign in from addresses of their own (functions/lib/client-address.ts).
      "--var",
      "TRUST_CLIENT_ADDRESS_HEADER:1",
      // GET /cdn-cgi/handler/scheduled?cron=... runs the cron handlers (order e-mails).
      "--test-scheduled",
      ...smsVars,
    ],
    { stdio: ["ignore", "ignore", "inherit"], detached: true, env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
  );
  const baseURL = `http://localhost:${PORT}`;
  await waitForHealth(`${baseURL}/api/health`, 60_000);
  project.provide("baseURL", baseURL);
  project.provide("fakeSmsUrl", fake.url);
}

export async function teardown() {
  sms?.close();
  if (server?.pid) {
    try {
      process.kill(-server.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}
