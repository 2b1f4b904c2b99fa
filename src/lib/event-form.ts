import type { EventVersions } from "@functions/events/editions";

/**
 * An event's two language versions as the editor form's field values (the names the
 * form posts and functions/events/edition-schema.ts reads back): facts once, words per
 * language, the programme and sessions one per line.
 */
export function eventFormValues(versions: EventVersions): Record<string, string> {
  const zh = versions["zh-CN"].frontMatter;
  const out: Record<string, string> = {
    status: zh.status,
    start: zh.start,
    end: zh.end,
    previousStart: zh.previousStart.join(", "),
    place: zh.place ?? "",
    latitude: zh.venue ? String(zh.venue.latitude) : "",
    longitude: zh.venue ? String(zh.venue.longitude) : "",
    organizerUrl: zh.organizer.url ?? "",
    organizerPhone: zh.organizer.phone ?? "",
    priceYuan: zh.price === "free" ? "0" : String(zh.price / 100),
    relatedNotices: zh.relatedNotices.join(", "),
  };
  const en = versions.en?.frontMatter;
  out.sessions = zh.slots
    .map((slot, i) => {
      const other = en?.slots[i]?.title ?? slot.title;
      return `${slot.date} ${slot.start}-${slot.end} ${slot.capacity} ${slot.price / 100} ${slot.title} / ${other}`;
    })
    .join("\n");
  for (const [prefix, lang] of [
    ["zh", "zh-CN"],
    ["en", "en"],
  ] as const) {
    const version = versions[lang];
    if (!version) continue;
    const f = version.frontMatter;
    Object.assign(out, {
      [`${prefix}.title`]: f.title,
      [`${prefix}.summary`]: f.summary,
      [`${prefix}.statusNote`]: f.statusNote ?? "",
      [`${prefix}.venueName`]: f.venue?.name ?? "",
      [`${prefix}.venueArea`]: f.venue?.area ?? "",
      [`${prefix}.venueAddress`]: f.venue?.address ?? "",
      [`${prefix}.venueDirections`]: f.venue?.directions ?? "",
      [`${prefix}.organizerName`]: f.organizer.name,
      [`${prefix}.priceNote`]: f.priceNote ?? "",
      [`${prefix}.programme`]: f.programme
        .map((p) =>
          [p.date, `${p.start}${p.end ? `-${p.end}` : ""}`, p.title, p.place ? `@ ${p.place}` : ""]
            .filter(Boolean)
            .join(" "),
        )
        .join("\n"),
      [`${prefix}.body`]: version.body,
    });
  }
  return out;
}
