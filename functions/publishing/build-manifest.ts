import type { Bindings } from "../env";

/**
 * What the running build holds of notices (src/pages/notices/build.json.ts), read from
 * the Worker's own assets: no D1 query. A deployment's assets never change, so one
 * read per isolate is enough.
 */
interface BuiltVersion {
  data: Record<string, unknown> & {
    title: string;
    summary: string;
    agency: string;
    topic: string;
    indexNumber: string;
    published: string;
  };
  edition: number | null;
}

export interface BuildManifest {
  seq: number;
  notices: { slug: string; versions: Partial<Record<"zh-CN" | "en", BuiltVersion>> }[];
}

const EMPTY: BuildManifest = { seq: 0, notices: [] };
let cached: { assets: Fetcher; manifest: Promise<BuildManifest> } | undefined;

export function buildManifest(env: Pick<Bindings, "ASSETS">): Promise<BuildManifest> {
  if (cached?.assets !== env.ASSETS) {
    const manifest = env.ASSETS.fetch(new Request("https://assets.invalid/notices/build.json"))
      .then(async (res) => (res.ok ? ((await res.json()) as BuildManifest) : EMPTY))
      .catch(() => EMPTY);
    cached = { assets: env.ASSETS, manifest };
  }
  return cached.manifest;
}

/** The highest serial of each 索引号 prefix and year among the notices of the build. */
export function builtSerialFloor(manifest: BuildManifest, prefix: string, year: number): number {
  let floor = 0;
  for (const notice of manifest.notices) {
    for (const version of Object.values(notice.versions)) {
      const m = /^([0-9A-Z]{18})\/(\d{4})-(\d{5})$/.exec(version?.data.indexNumber ?? "");
      if (m && m[1] === prefix && Number(m[2]) === year) floor = Math.max(floor, Number(m[3]));
    }
  }
  return floor;
}

export function builtNotice(manifest: BuildManifest, slug: string) {
  return manifest.notices.find((n) => n.slug === slug);
}
