// Writes the notices published from the dashboard back to Markdown files in
// content/notices/<language>/<slug>.md, so the county can keep an archive in git and the
// files stay a valid source (the build reads them, and a D1 edition of the same address
// replaces its file). Reads the D1 the build reads (PORTAL_BUILD_D1: local or remote).
//   npm run content:export            # from the local database
//   PORTAL_BUILD_D1=remote npm run content:export
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import yaml from "js-yaml";
import { readPublishedEditions } from "../src/collections/published-editions.ts";

const root = join(import.meta.dirname, "..");
const editions = readPublishedEditions({ ...process.env, PORTAL_BUILD_D1: process.env.PORTAL_BUILD_D1 ?? "local" });
const FIELD_ORDER = [
  "title",
  "summary",
  "language",
  "indexNumber",
  "agency",
  "documentNumber",
  "topic",
  "written",
  "published",
  "updated",
  "validity",
  "withdrawn",
  "attachments",
  "tags",
  "changes",
];
for (const edition of editions) {
  const data = edition.data;
  const ordered = Object.fromEntries(
    FIELD_ORDER.filter((k) => data[k] !== undefined && !(Array.isArray(data[k]) && data[k].length === 0)).map((k) => [
      k,
      data[k],
    ]),
  );
  const front = yaml.dump(ordered, { lineWidth: 120, quotingType: '"' });
  const file = join(root, "content/notices", edition.lang, `${edition.slug}.md`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `---\n${front}---\n${edition.body.endsWith("\n") ? edition.body : `${edition.body}\n`}`);
  console.log(`content:export: ${edition.lang}/${edition.slug} (edition #${edition.id})`);
}
console.log(`content:export: ${editions.length} notice version(s) written to content/notices/`);
