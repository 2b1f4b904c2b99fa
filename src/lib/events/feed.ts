import { county } from "../../../county.config";
import { type Lang, pick, t } from "../../i18n";
import { eventPath, labelled } from "./display";
import type { CalendarOptions } from "./ics";

/** The county's settings for calendar files in one language. */
export function calendarOptions(locale: Lang): CalendarOptions {
  const sep = locale === "en" ? " " : "";
  return {
    locale,
    siteUrl: county.siteUrl,
    timeZone: county.timeZone,
    name: `${pick(county.shortName, locale)}${sep}${t(locale, "events.feedName")}`,
    description: labelled(locale, pick(county.name, locale), t(locale, "events.feedDescription")),
    eventUrl: (slug) => new URL(eventPath(locale, slug), county.siteUrl).href,
  };
}

export function calendarResponse(body: string): Response {
  return new Response(body, { headers: { "content-type": "text/calendar; charset=utf-8" } });
}
