// The server's layering, checked by `npm run check`: functions/lib/ is what every
// domain uses, so it imports no domain folder and no database module; and no
// .astro page runs SQL itself (pages call the domain in functions/).
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
for (const file of walk(path.join(fns, "lib"), [".ts"])) {
  const text = fs.readFileSync(file, "utf8");
  for (const [, spec] of text.matchAll(importRe)) {
    const target = spec.startsWith(".")
      ? path.resolve(path.dirname(file), spec)
      : spec.startsWith("@functions/")
        ? path.join(fns, spec.slice("@functions/".length))
        : null;
    if (!target?.startsWith(fns)) continue;
    const top = path.relative(fns, target).split(path.sep)[0];
    if (top !== "lib") problems.push(`${path.relative(root, file)} imports ${spec}: lib/ may import only lib/`);
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
console.log("layers: lib/ imports only lib/; no page runs SQL");
