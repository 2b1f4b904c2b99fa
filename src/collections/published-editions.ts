import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * What staff changed in the dashboard, read at build time from D1 so the build
 * pre-renders it next to content/: the notices they published, and the status they gave
 * festival events. Where from (PORTAL_BUILD_D1):
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

/** Rows of one SELECT on the D1 the build reads; none when that is `off`. */
function readBuildD1<T>(sql: string, table: string, env: NodeJS.ProcessEnv): T[] {
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
        sql,
      ],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, WRANGLER_SEND_METRICS: "false" } },
    );
  } catch (error) {
    const text =
      String((error as { stdout?: string; stderr?: string }).stdout ?? "") +
      String((error as { stderr?: string }).stderr ?? "");
    // A local database from before the migration that made the table has nothing to read.
    if (source.mode === "local" && text.includes("no such table: ")) return [];
    throw new Error(`build: could not read ${table} from ${source.mode} D1:\n${text.slice(0, 2000)}`);
  }
  const parsed = JSON.parse(out) as { results: T[] }[];
  return parsed[0]?.results ?? [];
}

export function readPublishedEditions(env: NodeJS.ProcessEnv = process.env): PublishedEdition[] {
  return readBuildD1<Row>(SQL, "notice_editions", env).map((r) => ({
    id: r.id,
    slug: r.slug,
    lang: r.lang,
    data: JSON.parse(r.data),
    body: r.body,
    seq: r.publish_seq,
  }));
}

/** An event whose status staff set in the dashboard (functions/events/), with the reason they gave. */
export interface ManagedEvent {
  slug: string;
  status: "scheduled" | "tentative" | "postponed" | "rescheduled" | "cancelled";
  reason: { "zh-CN": string; en: string };
}

export function readManagedEvents(env: NodeJS.ProcessEnv = process.env): ManagedEvent[] {
  const rows = readBuildD1<{ slug: string; status: ManagedEvent["status"]; reason_zh: string; reason_en: string }>(
    "SELECT slug, status, reason_zh, reason_en FROM session_events WHERE managed_at IS NOT NULL ORDER BY slug",
    "session_events",
    env,
  );
  return rows.map((r) => ({ slug: r.slug, status: r.status, reason: { "zh-CN": r.reason_zh, en: r.reason_en } }));
}

/** A festival event published from the dashboard (functions/events/edition-steps.ts): both language versions. */
export interface PublishedEventEdition {
  id: number;
  slug: string;
  seq: number;
  versions: Partial<Record<"zh-CN" | "en", { frontMatter: Record<string, unknown>; body: string }>>;
}

export function readPublishedEventEditions(env: NodeJS.ProcessEnv = process.env): PublishedEventEdition[] {
  const rows = readBuildD1<{ id: number; slug: string; versions: string; publish_seq: number }>(
    "SELECT id, slug, versions, publish_seq FROM event_editions WHERE status = 'published' ORDER BY id",
    "event_editions",
    env,
  );
  return rows.map((r) => ({ id: r.id, slug: r.slug, seq: r.publish_seq, versions: JSON.parse(r.versions) }));
}

/** The sessions staff keep in the dashboard for the events they manage: the page lists these, not the file's. */
export interface ManagedSession {
  event: string;
  id: string;
  date: string;
  start: string;
  end: string;
  capacity: number;
  price: number;
  title: { "zh-CN": string; en: string };
}

export function readManagedSessions(env: NodeJS.ProcessEnv = process.env): ManagedSession[] {
  const rows = readBuildD1<{
    event_slug: string;
    id: string;
    date: string;
    start_time: string;
    end_time: string;
    capacity: number;
    price_fen: number;
    name_zh: string;
    name_en: string;
  }>(
    `SELECT s.event_slug, s.id, s.date, s.start_time, s.end_time, s.capacity, s.price_fen, s.name_zh, s.name_en
     FROM activity_slots s JOIN session_events e ON e.slug = s.event_slug AND e.managed_at IS NOT NULL
     WHERE NOT EXISTS (SELECT 1 FROM session_cancellations c WHERE c.slot_id = s.id)
     ORDER BY s.event_slug, s.date, s.start_time, s.id`,
    "session_events",
    env,
  );
  return rows.map((r) => ({
    event: r.event_slug,
    id: r.id,
    date: r.date,
    start: r.start_time,
    end: r.end_time,
    capacity: r.capacity,
    price: r.price_fen,
    title: { "zh-CN": r.name_zh || r.name_en, en: r.name_en || r.name_zh },
  }));
}
