import agencies from "../../../content/taxonomy/agencies.json";
import topics from "../../../content/taxonomy/topics.json";
import type { Validity } from "../../collections/notice-schema";
import type { Lang } from "../../i18n";

export { AGENCY_KEYS, TOPIC_KEYS } from "../../collections/notice-schema";

type Names = Record<string, Record<Lang, string>>;

export function topicName(key: string, locale: Lang): string {
  return (topics as Names)[key]?.[locale] ?? key;
}

export function agencyName(key: string, locale: Lang): string {
  return (agencies as Names)[key]?.[locale] ?? key;
}

/** The notice a repealed or amended notice sends readers to, if any. */
export function successorOf(validity: Validity): string | undefined {
  if (validity.status === "amended") return validity.amendedBy;
  if (validity.status === "repealed") return validity.replacedBy;
  return undefined;
}
