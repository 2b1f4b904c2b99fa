import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/**
 * A second county built from this repository exactly as the README tells an adopter:
 * copy everything, replace only the county's own files, then build, migrate, seed
 * and serve as `npm start` does.
 */
export const FIXTURE = resolve("test/fixtures/second-county");
/** What a county replaces (README "Another county"). */
export const COUNTY_FILES = ["county.config.ts", "content", "functions/db/seed", "wrangler.toml"];
/** Never copied: installed packages are linked, build output and local state start empty. */
const NOT_COPIED = new Set(["node_modules", "dist", ".wrangler", ".git", ".astro"]);
/**
 * Caches that builds write inside node_modules (Astro's content store, Vite's
 * dependency cache): the copy gets its own, so it never reads or spoils the
 * repository's.
 */
const OWN_CACHES = new Set([".astro", ".vite"]);

export function copyWithFixture(): string {
  const root = process.cwd();
  const copy = mkdtempSync(join(tmpdir(), "second-county-"));
  for (const name of readdirSync(root)) {
    if (!NOT_COPIED.has(name)) cpSync(join(root, name), join(copy, name), { recursive: true });
  }
  mkdirSync(join(copy, "node_modules"));
  for (const name of readdirSync(join(root, "node_modules"))) {
    if (!OWN_CACHES.has(name)) symlinkSync(join(root, "node_modules", name), join(copy, "node_modules", name));
  }
  for (const file of COUNTY_FILES) {
    rmSync(join(copy, file), { recursive: true, force: true });
    cpSync(join(FIXTURE, file), join(copy, file), { recursive: true });
  }
  return copy;
}

/** `npm run build`, then migrations, seed and activity sessions into the copy's own state folder. */
export function buildAndSeed(copy: string, state: string): void {
  const env = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: "1",
    WRANGLER_SEND_METRICS: "false",
    PORTAL_PERSIST: state,
    PATH: `${join(copy, "node_modules/.bin")}:${process.env.PATH}`,
  };
  const run = (cmd: string, args: string[]) =>
    execFileSync(cmd, args, { stdio: ["ignore", "ignore", "inherit"], cwd: copy, env });
  run("npm", ["run", "--silent", "build"]);
  run("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", state]);
  run("node", ["scripts/seed-local.mjs"]);
  run("node", ["scripts/sync-slots.mjs"]);
}

export interface Served {
  server: ChildProcess;
  /** What the server printed so far: wrangler names the file of each e-mail it keeps locally. */
  log: () => string;
}

export function serve(copy: string, state: string, port: number): Served {
  const server = spawn(
    join(copy, "node_modules/.bin/wrangler"),
    [
      "dev",
      "-c",
      "dist/server/wrangler.json",
      "--port",
      String(port),
      "--persist-to",
      state,
      "--var",
      "PORTAL_ENV:local",
      "--var",
      "TOKEN_SECRET:second-county-secret-0123456789",
      "--test-scheduled",
    ],
    {
      cwd: copy,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    },
  );
  let printed = "";
  server.stdout?.on("data", (chunk: Buffer) => {
    printed += chunk.toString();
  });
  server.stderr?.on("data", (chunk: Buffer) => {
    printed += chunk.toString();
  });
  return { server, log: () => printed };
}

export function stop(server: ChildProcess | undefined): void {
  if (!server?.pid) return;
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    // already gone
  }
}
