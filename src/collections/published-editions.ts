import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * The notices published from the dashboard, read at build time from D1 so the build
 * pre-renders them next to content/notices. Where from (PORTAL_BUILD_D1):
 * - `local` (the default when a local database exists, as after `npm start`): the local D1
 *   in .wrangler/state (or PORTAL_PERSIST);
 * - `remote`: the production D1 (set it in the Workers Builds build variables);
 * - `off`: none (`npm test` builds so, for pages that do not depend on a local database).
 * Read through wrangler, which already holds the account's credentials in a build.
 */
export interface PublishedEdition {
  id: number;
  slug: string;
  lang: "zh-CN" | "en";
  data: unknown;
  body: string;
  seq: number;
}

interface Row {
  id: number;
  slug: string;
  lang: "zh-CN" | "en";
  data: string;
  body: string;
  publish_seq: number;
}

const SQL =
  "SELECT id, slug, lang, data, body, publish_seq FROM notice_editions WHERE status = 'published' ORDER BY id";

function editionsSource(
  env: NodeJS.ProcessEnv = process.env,
): { mode: "local"; persist: string } | { mode: "remote" } | { mode: "off" } {
  const persist = env.PORTAL_PERSIST ?? ".wrangler/state";
  const mode = env.PORTAL_BUILD_D1 ?? (existsSync(`${persist}/v3/d1`) ? "local" : "off");
  if (mode === "remote") return { mode };
  if (mode === "local") return { mode, persist };
  if (mode === "off") return { mode };
  throw new Error(`PORTAL_BUILD_D1 must be local, remote or off, not "${mode}"`);
}

export function readPublishedEditions(env: NodeJS.ProcessEnv = process.env): PublishedEdition[] {
  const source = editionsSource(env);
  if (source.mode === "off") return [];
  const where = source.mode === "local" ? ["--local", "--persist-to", source.persist] : ["--remote"];
  const config = env.PORTAL_WRANGLER_CONFIG ?? "wrangler.toml";
  let out: string;
  try {
    // Wrangler on the Node running this build (the system's may be too old for it).
    out = execFileSync(
      process.execPath,
      [
        "node_modules/wrangler/bin/wrangler.js",
        "d1",
        "execute",
        "DB",
        "-c",
        config,
        ...where,
        "--json",
        "--command",
        SQL,
      ],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
    );
  } catch (error) {
    const text =
      String((error as { stdout?: string; stderr?: string }).stdout ?? "") +
      String((error as { stderr?: string }).stderr ?? "");
    // A local database from before the publishing migration has no editions to read.
    if (source.mode === "local" && /no such table: notice_editions/.test(text)) return [];
    throw new Error(`notices: could not read published editions from ${source.mode} D1:\n${text.slice(0, 2000)}`);
  }
  const parsed = JSON.parse(out) as { results: Row[] }[];
  return (parsed[0]?.results ?? []).map((r) => ({
    id: r.id,
    slug: r.slug,
    lang: r.lang,
    data: JSON.parse(r.data),
    body: r.body,
    seq: r.publish_seq,
  }));
}
