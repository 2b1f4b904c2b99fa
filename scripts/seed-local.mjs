// Loads the demo data into the LOCAL D1 database only. There is deliberately no
// way to point this at the remote (production) database.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

if (process.argv.some((arg) => arg === "--remote" || arg.startsWith("--env"))) {
  console.error("seed-local: demo data is for the local database only; refusing.");
  process.exit(1);
}
const persist = process.env.PORTAL_PERSIST ?? ".wrangler/state";
const dir = join("functions", "db", "seed");
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith(".sql"))
  .sort()) {
  execFileSync(
    "wrangler",
    ["d1", "execute", "DB", "--local", "--persist-to", persist, "--yes", "--file", join(dir, file)],
    { stdio: ["ignore", "inherit", "inherit"] },
  );
  console.log(`seed-local: loaded ${file}`);
}
