// Starts Workers for benchmarks on loopback ports with their own D1 state folders.
import { execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";

const env = { ...process.env, WRANGLER_SEND_METRICS: "false" };
const bin = "node_modules/.bin/wrangler";

export function wrangler(args) {
  return execFileSync(bin, args, { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

async function healthy(url, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no answer from ${url}`);
}

function serve(args, port, probe) {
  const child = spawn(bin, [...args, "--port", String(port)], { env, stdio: "ignore", detached: true });
  const stop = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
  };
  process.on("exit", stop);
  return healthy(`http://127.0.0.1:${port}${probe}`).then(() => ({ url: `http://127.0.0.1:${port}`, stop }));
}

/** The portal's production build with migrations, the demo seed and `extraSql`. */
export async function startPortal(port, state, extraSql) {
  rmSync(state, { recursive: true, force: true });
  wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", state]);
  execFileSync("node", ["scripts/seed-local.mjs"], {
    env: { ...env, PORTAL_PERSIST: state, PATH: `node_modules/.bin:${process.env.PATH}` },
    stdio: "ignore",
  });
  if (extraSql) wrangler(["d1", "execute", "DB", "--local", "--persist-to", state, "--yes", "--command", extraSql]);
  const server = await serve(
    [
      "dev",
      "-c",
      "dist/server/wrangler.json",
      "--persist-to",
      state,
      "--var",
      "PORTAL_ENV:bench",
      "--var",
      "TOKEN_SECRET:bench-secret-0123456789",
    ],
    port,
    "/api/health",
  );
  return {
    ...server,
    query: (sql) =>
      JSON.parse(wrangler(["d1", "execute", "DB", "--local", "--persist-to", state, "--json", "--command", sql]))[0]
        .results,
  };
}

export async function startBaseline(port, state) {
  rmSync(state, { recursive: true, force: true });
  wrangler(["d1", "migrations", "apply", "DB", "--local", "-c", "bench/baseline/wrangler.toml", "--persist-to", state]);
  return serve(["dev", "-c", "bench/baseline/wrangler.toml", "--persist-to", state], port, "/");
}
