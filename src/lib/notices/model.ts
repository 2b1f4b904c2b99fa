import type { NoticeData } from "../../collections/notice-schema";
import { LANGS, type Lang } from "../../i18n";

/** One language version of a notice, as read from content/notices/<language>/<slug>.md. */
export interface NoticeVersion<E = unknown> {
  slug: string;
  locale: Lang;
  filePath: string;
  data: NoticeData;
  /** The date shown as "updated": the editor's date, else the latest change, else publication. */
  updated: string;
  /** The collection entry, kept so pages can render the Markdown body. */
  entry: E;
}

/** A notice: the catalogue entry that one or both language versions describe. */
export interface Notice<E = unknown> {
  slug: string;
  versions: Partial<Record<Lang, NoticeVersion<E>>>;
  topic: string;
  agency: string;
  published: string;
  updated: string;
  year: number;
}

export interface RawNoticeEntry<E = unknown> {
  id: string;
  filePath?: string | undefined;
  data: NoticeData;
  entry: E;
}

/** Path segments under /notices/ that pages already use, so no notice may take them. */
const RESERVED_SLUGS = new Set(["page", "topics", "agencies", "years", "feed.xml"]);

function effectiveUpdated(data: NoticeData): string {
  const latestChange = data.changes
    .map((c) => c.date)
    .sort()
    .at(-1);
  return data.updated ?? (latestChange && latestChange > data.published ? latestChange : data.published);
}

/** Newest first; ties by address so the order never depends on file-system order. */
function byNewest<T extends { published: string; slug: string }>(a: T, b: T): number {
  return b.published.localeCompare(a.published) || a.slug.localeCompare(b.slug);
}

/**
 * Groups language versions into notices and checks the rules that span files.
 * Problems name the file and the field, as schema errors do.
 */
export function groupNotices<E>(entries: RawNoticeEntry<E>[]): { notices: Notice<E>[]; problems: string[] } {
  const problems: string[] = [];
  const bySlug = new Map<string, Notice<E>>();

  for (const raw of entries) {
    const file = raw.filePath ?? `content/notices/${raw.id}.md`;
    const [folder, slug, ...rest] = raw.id.split("/");
    if (!folder || !slug || rest.length > 0 || !(LANGS as readonly string[]).includes(folder)) {
      problems.push(`${file}: notices go in content/notices/zh-CN/ or content/notices/en/`);
      continue;
    }
    const locale = folder as Lang;
    if (raw.data.language !== locale) {
      problems.push(`${file}: language is "${raw.data.language}" but the file is in the ${locale}/ folder`);
    }
    if (RESERVED_SLUGS.has(slug)) problems.push(`${file}: the file name "${slug}" is reserved for a page`);
    const version: NoticeVersion<E> = {
      slug,
      locale,
      filePath: file,
      data: raw.data,
      updated: effectiveUpdated(raw.data),
      entry: raw.entry,
    };
    const notice = bySlug.get(slug);
    if (!notice) {
      bySlug.set(slug, {
        slug,
        versions: { [locale]: version },
        topic: raw.data.topic,
        agency: raw.data.agency,
        published: raw.data.published,
        updated: version.updated,
        year: Number(raw.data.published.slice(0, 4)),
      });
      continue;
    }
    notice.versions[locale] = version;
    if (version.updated > notice.updated) notice.updated = version.updated;
    // Both versions describe one catalogue entry, so its catalogue facts must agree.
    const other = LANGS.map((l) => notice.versions[l]).find((v) => v && v !== version);
    if (!other) continue;
    for (const field of ["indexNumber", "agency", "topic", "published", "documentNumber"] as const) {
      if (raw.data[field] !== other.data[field]) {
        problems.push(
          `${file}: ${field} differs from ${other.filePath} ("${raw.data[field]}" vs "${other.data[field]}")`,
        );
      }
    }
    if (raw.data.validity.status !== other.data.validity.status) {
      problems.push(`${file}: validity.status differs from ${other.filePath}`);
    }
  }

  for (const notice of bySlug.values()) {
    for (const version of Object.values(notice.versions)) {
      const v = version.data.validity;
      const target = v.status === "amended" ? v.amendedBy : v.status === "repealed" ? v.replacedBy : undefined;
      const field = v.status === "amended" ? "amendedBy" : "replacedBy";
      if (target === undefined) continue;
      if (target === notice.slug) problems.push(`${version.filePath}: validity.${field} points at the notice itself`);
      else if (!bySlug.has(target)) problems.push(`${version.filePath}: validity.${field} "${target}" is not a notice`);
    }
  }

  return { notices: [...bySlug.values()].sort(byNewest), problems };
}

/** The version to show on a page in `locale`, and whether it is the other language's. */
export function versionFor<E>(notice: Notice<E>, locale: Lang): { version: NoticeVersion<E>; fallback: boolean } {
  const own = notice.versions[locale];
  if (own) return { version: own, fallback: false };
  const other = LANGS.map((l) => notice.versions[l]).find(Boolean);
  if (!other) throw new Error(`notice ${notice.slug} has no versions`);
  return { version: other, fallback: true };
}

export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

/** Items on page `page` (1-based). */
export function pageOf<T>(items: T[], page: number, perPage: number): T[] {
  return items.slice((page - 1) * perPage, page * perPage);
}

/** Other notices on the same topic, newest first. */
export function relatedNotices<E>(notice: Notice<E>, all: Notice<E>[], limit = 3): Notice<E>[] {
  return all.filter((n) => n.topic === notice.topic && n.slug !== notice.slug).slice(0, limit);
}

/** The notices published just before and just after this one (all is newest first). */
export function neighbours<E>(notice: Notice<E>, all: Notice<E>[]): { newer?: Notice<E>; older?: Notice<E> } {
  const i = all.findIndex((n) => n.slug === notice.slug);
  const result: { newer?: Notice<E>; older?: Notice<E> } = {};
  if (i < 0) return result;
  const newer = all[i - 1];
  const older = all[i + 1];
  if (newer) result.newer = newer;
  if (older) result.older = older;
  return result;
}

export interface TopicSummary {
  topic: string;
  count: number;
  /** Latest update of any notice on the topic; undefined when it has none yet. */
  lastUpdated: string | undefined;
}

export function summariseTopics(all: Notice[], topicKeys: readonly string[]): TopicSummary[] {
  return topicKeys.map((topic) => {
    const on = all.filter((n) => n.topic === topic);
    return {
      topic,
      count: on.length,
      lastUpdated: on
        .map((n) => n.updated)
        .sort()
        .at(-1),
    };
  });
}

/** Years that have notices, newest first. */
export function noticeYears(all: Notice[]): number[] {
  return [...new Set(all.map((n) => n.year))].sort((a, b) => b - a);
}

/** Agencies that have published notices, in taxonomy order. */
export function activeAgencies(all: Notice[], agencyKeys: readonly string[]): string[] {
  return agencyKeys.filter((a) => all.some((n) => n.agency === a));
}
