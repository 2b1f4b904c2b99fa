// Restore drill: builds a local database from the migrations and the demo data,
// exports it with `wrangler d1 export` (the same command as the off-site copy),
// loads the export into a fresh, empty local database, and compares the row count
// of every table. Prints the counts as JSON; exits 1 when any table differs.
// Everything happens in a temporary folder: the portal's own local data is untouched.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const wranglerBin = join(root, "node_modules", ".bin", "wrangler");
const work = mkdtempSync(join(tmpdir(), "restore-drill-"));
const CONFIG = `name = "restore-drill"
compatibility_date = "2026-10-01"
[[d1_databases]]
binding = "DB"
database_name = "restore-drill"
database_id = "00000000-0000-0000-0000-000000000000"
migrations_dir = "migrations"
`;

/** A folder with its own wrangler.toml, so its local database lives in <folder>/.wrangler. */
function place(name) {
  const dir = join(work, name);
  cpSync(join(root, "migrations"), join(dir, "migrations"), { recursive: true });
  writeFileSync(join(dir, "wrangler.toml"), CONFIG);
  return dir;
}

function wrangler(cwd, args) {
  return execFileSync(wranglerBin, args, {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
}

function counts(cwd) {
  const query = (sql) =>
    JSON.parse(wrangler(cwd, ["d1", "execute", "DB", "--local", "--json", "--command", sql]))[0].results;
  const tables = query(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY name",
  ).map((r) => r.name);
  const sql = `SELECT ${tables.map((t) => `(SELECT count(*) FROM "${t}") AS "${t}"`).join(", ")}`;
  return query(sql)[0];
}

try {
  const original = place("original");
  wrangler(original, ["d1", "migrations", "apply", "DB", "--local"]);
  const seed = join(root, "functions", "db", "seed");
  for (const file of readdirSync(seed)
    .filter((f) => f.endsWith(".sql"))
    .sort()) {
    wrangler(original, ["d1", "execute", "DB", "--local", "--yes", "--file", join(seed, file)]);
  }
  const dump = join(work, "export.sql");
  wrangler(original, ["d1", "export", "DB", "--local", "--no-schema", "--output", dump]);

  // The tables come from the migrations; the export brings only rows (its own
  // migrations list included). It lists tables alphabetically, so a row can come
  // before the row it refers to: foreign keys are checked once, at the end.
  const restorable = join(work, "restore.sql");
  writeFileSync(restorable, `PRAGMA defer_foreign_keys = true;\n${readFileSync(dump, "utf8")}`);
  const restored = place("restored");
  wrangler(restored, ["d1", "migrations", "apply", "DB", "--local"]);
  wrangler(restored, ["d1", "execute", "DB", "--local", "--yes", "--command", "DELETE FROM d1_migrations"]);
  wrangler(restored, ["d1", "execute", "DB", "--local", "--yes", "--file", restorable]);

  const before = counts(original);
  const after = counts(restored);
  const differ = Object.keys({ ...before, ...after }).filter((t) => before[t] !== after[t]);
  console.log(JSON.stringify({ before, after, differ }));
  if (differ.length > 0) process.exit(1);
} finally {
  rmSync(work, { recursive: true, force: true });
}
