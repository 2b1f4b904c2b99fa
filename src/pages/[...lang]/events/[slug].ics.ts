import type { APIRoute, GetStaticPaths } from "astro";
import { DEFAULT_LANG, LANGS, type Lang } from "../../../i18n";
import { calendarOptions, calendarResponse } from "../../../lib/events/feed";
import { buildCalendar } from "../../../lib/events/ics";
import { loadEvents, type SiteEvent } from "../../../lib/events/load";

/** One event as an .ics file ("Add to calendar"); its UID is the same as in the feed. */
export const getStaticPaths = (async () => {
  const events = await loadEvents();
  return LANGS.flatMap((locale) =>
    events.map((event) => ({
      params: { lang: locale === DEFAULT_LANG ? undefined : "en", slug: event.slug },
      props: { locale, event },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { locale, event } = props as { locale: Lang; event: SiteEvent };
  return calendarResponse(buildCalendar([event], calendarOptions(locale)));
};
