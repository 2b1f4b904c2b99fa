// Writes dist/client/sitemap.xml after `astro build`, listing every prerendered page
// with the hreflang alternates the page itself declares. Reading the built HTML
// rather than a list kept by hand means a new page can never be left out.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const root = process.argv[2] ?? "dist/client";

function* htmlFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* htmlFiles(path);
    else if (name === "index.html") yield path;
  }
}

const attrs = (tag) => Object.fromEntries([...tag.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
const xmlText = (text) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll('"', "&quot;");

const pages = [];
for (const file of htmlFiles(root)) {
  const html = readFileSync(file, "utf8");
  const links = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => attrs(m[0]));
  const metas = [...html.matchAll(/<meta\b[^>]*>/g)].map((m) => attrs(m[0]));
  if (metas.some((m) => m.name === "robots" && /noindex/.test(m.content ?? ""))) continue;
  const canonical = links.find((l) => l.rel === "canonical")?.href;
  if (!canonical) {
    console.error(`sitemap: ${relative(root, file)} has no canonical link`);
    process.exit(1);
  }
  const alternates = links.filter((l) => l.rel === "alternate" && l.hreflang && l.href);
  pages.push({ canonical, alternates });
}

// Pages rendered on demand (their data is in D1) are not in the build: list the
// public ones here, with the same zh-CN / English pairing every page has.
const site = new URL(pages[0]?.canonical ?? "https://example.invalid/").origin;
const campsites = readdirSync("content/campsites/zh-CN")
  .filter((f) => f.endsWith(".md"))
  .map((f) => `/visit/${f.slice(0, -3)}/`);
for (const path of ["/", "/visit/", ...campsites, "/products/", "/cooperatives/", "/interact/", "/interact/write/"]) {
  const zh = new URL(path, site).href;
  const en = new URL(`/en${path}`, site).href;
  const alternates = [
    { hreflang: "zh-CN", href: zh },
    { hreflang: "en", href: en },
    { hreflang: "x-default", href: zh },
  ];
  for (const canonical of [zh, en]) {
    if (!pages.some((p) => p.canonical === canonical)) pages.push({ canonical, alternates });
  }
}
pages.sort((a, b) => a.canonical.localeCompare(b.canonical));

const body = pages
  .map((p) =>
    [
      "  <url>",
      `    <loc>${xmlText(p.canonical)}</loc>`,
      ...p.alternates.map(
        (a) => `    <xhtml:link rel="alternate" hreflang="${xmlText(a.hreflang)}" href="${xmlText(a.href)}"/>`,
      ),
      "  </url>",
    ].join("\n"),
  )
  .join("\n");

writeFileSync(
  join(root, "sitemap.xml"),
  `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${body}\n</urlset>\n`,
);
console.log(`sitemap: ${pages.length} pages`);
