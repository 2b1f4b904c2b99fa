import { type CollectionEntry, getCollection } from "astro:content";
import type { NoticeData } from "../../collections/notice-schema";
import { groupNotices, type Notice, type RawNoticeEntry } from "./model";

type NoticeEntry = CollectionEntry<"notices">;
/** A body from the build, or (served on demand until the rebuild) an edition's HTML from D1. */
type NoticeBody = NoticeEntry | { live: true; html: string; body?: undefined };
export type LoadedNotice = Notice<NoticeBody>;

let loaded: Promise<LoadedNotice[]> | undefined;

/**
 * Every notice, newest first. Rules that span files are checked here, so a broken
 * link between notices fails the build with the file and field named, like a
 * schema error does.
 */
export function loadNotices(): Promise<LoadedNotice[]> {
  loaded ??= getCollection("notices").then((entries) => {
    const { notices, problems } = groupNotices(
      entries.map((entry) => ({
        id: entry.id,
        filePath: entry.filePath,
        data: entry.data,
        entry: entry as NoticeBody,
      })),
    );
    if (problems.length > 0) throw new Error(`Notices need fixing:\n  ${problems.join("\n  ")}`);
    return notices;
  });
  return loaded;
}

/**
 * The notices of the build with the editions published since laid over them, for the
 * on-demand twins of the notice pages (src/pages/live-notices/): an edition replaces
 * the build's version of the same address and language.
 */
export async function loadNoticesWith(
  editions: readonly { slug: string; lang: string; data: Record<string, unknown>; html: string }[],
): Promise<LoadedNotice[]> {
  const entries = await getCollection("notices");
  const byId = new Map<string, RawNoticeEntry<NoticeBody>>(
    entries.map((entry) => [entry.id, { id: entry.id, filePath: entry.filePath, data: entry.data, entry }]),
  );
  for (const e of editions) {
    const id = `${e.lang}/${e.slug}`;
    byId.set(id, {
      id,
      filePath: `dashboard edition ${id}`,
      data: e.data as unknown as NoticeData,
      entry: { live: true, html: e.html },
    });
  }
  const { notices, problems } = groupNotices([...byId.values()]);
  if (problems.length > 0) console.error("notices on demand:", problems.join("; "));
  return notices;
}
