import type { APIRoute } from "astro";
import { county } from "../../../../county.config";
import { type Lang, localeStaticPaths } from "../../../i18n";
import { feedPath } from "../../../lib/events/display";
import { calendarOptions, calendarResponse } from "../../../lib/events/feed";
import { buildCalendar } from "../../../lib/events/ics";
import { loadEvents } from "../../../lib/events/load";

/** Every event, past and future, in one language: the "Subscribe" feed. */
export const getStaticPaths = localeStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { locale } = props as { locale: Lang };
  const source = new URL(feedPath(locale), county.siteUrl).href;
  return calendarResponse(buildCalendar(await loadEvents(), { ...calendarOptions(locale), source }));
};
