// Bundles the Worker exactly as `wrangler deploy` would (without uploading) and
// prints its size against Cloudflare's limits: 3 MB free / 10 MB paid, gzip.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const out = mkdtempSync(join(tmpdir(), "portal-worker-"));
try {
  const log = execFileSync("wrangler", ["deploy", "--dry-run", "--outdir", out, "-c", "dist/server/wrangler.json"], {
    encoding: "utf8",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  const uploadLine = log.split("\n").find((line) => /Total Upload/i.test(line));
  let raw = 0;
  let gz = 0;
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!name.endsWith(".map")) {
        const bytes = readFileSync(path);
        raw += bytes.length;
        gz += gzipSync(bytes).length;
      }
    }
  };
  walk(out);
  const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`Worker bundle: ${kb(raw)} raw, ${kb(gz)} gzip (limit 3072 KiB free, 10240 KiB paid)`);
  if (uploadLine) console.log(`wrangler: ${uploadLine.trim()}`);
  if (gz > 3 * 1024 * 1024) {
    console.error("Worker bundle exceeds the free plan's 3 MB limit");
    process.exit(1);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
