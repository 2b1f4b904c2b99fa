// Starts Workers for benchmarks on loopback ports with their own D1 state folders.
import { execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { resolve } from "node:path";

// npm scripts put node_modules/.bin (and its Node 22) first on PATH; direct runs need it too.
// Miniflare would fetch a sample Request.cf from Cloudflare at startup: benchmarks stay on loopback.
const env = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  PATH: `${resolve("node_modules/.bin")}:${process.env.PATH}`,
};
const bin = "node_modules/.bin/wrangler";

function wrangler(args) {
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

// Loopback only, and the devtools inspector on its own port so two benchmark servers
// never fight over wrangler's default 9229 (or another session's): port + 10.
async function serve(args, port, probe) {
  const listen = ["--ip", "127.0.0.1", "--port", String(port), "--inspector-ip", "127.0.0.1"];
  const child = spawn(bin, [...args, ...listen, "--inspector-port", String(port + 10)], {
    env,
    stdio: "ignore",
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
  };
  process.on("exit", stop);
  await healthy(`http://127.0.0.1:${port}${probe}`);
  return { url: `http://127.0.0.1:${port}`, stop };
}

/** The portal's production build with migrations, the demo seed and `extraSql`. */
export async function startPortal(port, state, extraSql) {
  rmSync(state, { recursive: true, force: true });
  wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", state]);
  // The demo seed and the festival sessions, exactly as `npm start` loads them.
  for (const script of ["scripts/seed-local.mjs", "scripts/sync-slots.mjs"]) {
    execFileSync("node", [script], {
      env: { ...env, PORTAL_PERSIST: state },
      stdio: "ignore",
    });
  }
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
      "--var",
      "TRUST_CLIENT_ADDRESS_HEADER:1",
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
