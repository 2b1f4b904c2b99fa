// The server's layering, checked by `npm run check`: functions/lib/ is what every
// domain uses, so it imports no domain folder and no database module; a domain
// (bookings, produce, letters) imports no other domain but accounts (who is signed in) and
// messages (the outbox its changes write to); events/ builds on bookings/ (never the reverse)
// and asks publishing/ for the rebuild that shows a new status;
// messages imports no domain at all;
// and no .astro page runs SQL itself (pages call the domain in functions/).
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const fns = path.join(root, "functions");
const problems = [];

function walk(dir, ext) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return walk(p, ext);
    return ext.some((e) => d.name.endsWith(e)) ? [p] : [];
  });
}

const importRe = /(?:from\s+|import\s*\(\s*|import\s+)["']([^"']+)["']/g;
const allowed = {
  lib: ["lib"],
  bookings: ["bookings", "accounts", "messages", "db", "lib", "env.ts"],
  produce: ["produce", "accounts", "messages", "db", "lib", "env.ts"],
  letters: ["letters", "accounts", "messages", "db", "lib", "env.ts"],
  // Staff changing festival events' sessions: through the bookings domain's one rule (sessionChanges).
  events: ["events", "bookings", "publishing", "accounts", "messages", "db", "lib", "env.ts"],
  messages: ["messages", "db", "lib", "env.ts"],
  publishing: ["publishing", "accounts", "db", "lib", "env.ts"],
};
for (const [folder, may] of Object.entries(allowed)) {
  for (const file of walk(path.join(fns, folder), [".ts"])) {
    const text = fs.readFileSync(file, "utf8");
    for (const [, spec] of text.matchAll(importRe)) {
      const target = spec.startsWith(".")
        ? path.resolve(path.dirname(file), spec)
        : spec.startsWith("@functions/")
          ? path.join(fns, spec.slice("@functions/".length))
          : null;
      if (!target?.startsWith(fns)) continue;
      const top = path.relative(fns, target).split(path.sep)[0] ?? "";
      const name = may.find((m) => top === m || `${top}.ts` === m || top === m.replace(/\.ts$/, ""));
      if (!name)
        problems.push(`${path.relative(root, file)} imports ${spec}: ${folder}/ may import only ${may.join(", ")}`);
    }
  }
}
for (const file of walk(path.join(root, "src"), [".astro"])) {
  if (/\bprepare\s*\(/.test(fs.readFileSync(file, "utf8"))) {
    problems.push(`${path.relative(root, file)} runs SQL (prepare): call the domain in functions/ instead`);
  }
}

if (problems.length > 0) {
  console.error(`layers: ${problems.length} problem(s)\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(
  "layers: lib/ imports only lib/; bookings/, produce/ and letters/ only themselves, accounts, messages, db and lib; events/ also bookings/ and publishing/; publishing/ only itself, accounts, db and lib; messages/ only itself, db and lib; no page runs SQL",
);
