import { county } from "../../../county.config";
import type { Lang } from "../../i18n";
import type { Notice, NoticeVersion } from "./model";
import { agencyName, successorOf, topicName } from "./names";
import { noticePath } from "./paths";

const LEGAL_FORCE = {
  "in-force": "https://schema.org/InForce",
  amended: "https://schema.org/PartiallyInForce",
  repealed: "https://schema.org/NotInForce",
} as const;

/**
 * schema.org Legislation for a notice: search engines and aggregators read the
 * document number, dates and legal force the way the catalogue block shows them.
 */
export function noticeJsonLd(notice: Notice, version: NoticeVersion, pageLocale: Lang, all: Notice[]) {
  const d = version.data;
  const url = (locale: Lang, slug: string) => new URL(noticePath(locale, slug), county.siteUrl).href;
  // schema.org records a change on the newer notice ("this one changes that one").
  const changes = all.filter((n) =>
    Object.values(n.versions).some((v) => successorOf(v.data.validity) === notice.slug),
  );
  const other = Object.values(notice.versions).find((v) => v.locale !== version.locale);
  const otherRef = other ? { "@id": url(other.locale, notice.slug), inLanguage: other.locale } : undefined;
  return {
    "@context": "https://schema.org",
    "@type": "Legislation",
    "@id": url(version.locale, notice.slug),
    url: url(pageLocale, notice.slug),
    name: d.title,
    headline: d.title,
    description: d.summary,
    inLanguage: d.language,
    identifier: d.indexNumber,
    ...(d.documentNumber ? { legislationIdentifier: d.documentNumber } : {}),
    legislationDate: d.written,
    datePublished: d.published,
    dateModified: version.updated,
    legislationLegalForce: LEGAL_FORCE[d.validity.status],
    about: topicName(d.topic, version.locale),
    keywords: d.tags,
    publisher: {
      "@type": "GovernmentOrganization",
      name: agencyName(d.agency, version.locale),
      parentOrganization: { "@type": "GovernmentOrganization", name: county.name[version.locale] },
    },
    ...(changes.length > 0 ? { legislationChanges: changes.map((n) => ({ "@id": url(version.locale, n.slug) })) } : {}),
    // The Chinese text is the original; English versions are translations of it.
    ...(otherRef ? (version.locale === "zh-CN" ? { workTranslation: otherRef } : { translationOfWork: otherRef }) : {}),
    ...(d.attachments.length > 0
      ? {
          associatedMedia: d.attachments.map((a) => ({
            "@type": "MediaObject",
            name: a.title,
            contentUrl: new URL(a.file, county.siteUrl).href,
            encodingFormat: a.type,
            contentSize: `${a.bytes} B`,
          })),
        }
      : {}),
  };
}

/** JSON for a <script type="application/ld+json"> block; "<" escaped so text can never close the tag. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replaceAll("<", "\\u003c");
}
