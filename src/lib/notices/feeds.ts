import { county } from "../../../county.config";
import { type Lang, pick, useStrings } from "../../i18n";
import { type AtomEntry, atomFeed } from "../atom";
import { fill } from "../text";
import type { Notice } from "./model";
import { versionFor } from "./model";
import { agencyName, topicName } from "./names";
import { feedPath, noticePath, noticesPath, topicFeedPath, topicPath } from "./paths";

/** Enough for a reader catching up after months away, small enough for a slow line. */
const FEED_SIZE = 50;

const absolute = (path: string) => new URL(path, county.siteUrl).href;

function entry(notice: Notice, locale: Lang): AtomEntry {
  const { version, fallback } = versionFor(notice, locale);
  const d = version.data;
  return {
    id: absolute(noticePath(version.locale, notice.slug)),
    title: d.title,
    summary: d.summary,
    link: absolute(noticePath(locale, notice.slug)),
    published: d.published,
    updated: version.updated,
    author: agencyName(d.agency, locale),
    categories: [{ term: d.topic, label: topicName(d.topic, locale) }],
    lang: fallback ? d.language : undefined,
  };
}

/** The feed lists what the matching page lists, newest first, in the page's language where it exists. */
export function noticesFeed(all: Notice[], locale: Lang, topic?: string): string {
  const s = useStrings(locale);
  const site = pick(county.shortName, locale);
  const chosen = (topic ? all.filter((n) => n.topic === topic) : all).slice(0, FEED_SIZE);
  const self = absolute(topic ? topicFeedPath(locale, topic) : feedPath(locale));
  return atomFeed({
    id: self,
    title: topic
      ? fill(s("notices.topicFeedTitle"), { site, topic: topicName(topic, locale) })
      : fill(s("notices.feedTitle"), { site }),
    subtitle: s("notices.lead"),
    lang: locale,
    self,
    alternate: absolute(topic ? topicPath(locale, topic) : noticesPath(locale)),
    author: pick(county.name, locale),
    entries: chosen.map((n) => entry(n, locale)),
  });
}

export const ATOM_HEADERS = { "content-type": "application/atom+xml; charset=utf-8" };
