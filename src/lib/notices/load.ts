import { type CollectionEntry, getCollection } from "astro:content";
import { groupNotices, type Notice } from "./model";

type NoticeEntry = CollectionEntry<"notices">;
export type LoadedNotice = Notice<NoticeEntry>;

let loaded: Promise<LoadedNotice[]> | undefined;

/**
 * Every notice, newest first. Rules that span files are checked here, so a broken
 * link between notices fails the build with the file and field named, like a
 * schema error does.
 */
export function loadNotices(): Promise<LoadedNotice[]> {
  loaded ??= getCollection("notices").then((entries) => {
    const { notices, problems } = groupNotices(
      entries.map((entry) => ({ id: entry.id, filePath: entry.filePath, data: entry.data, entry })),
    );
    if (problems.length > 0) throw new Error(`Notices need fixing:\n  ${problems.join("\n  ")}`);
    return notices;
  });
  return loaded;
}
