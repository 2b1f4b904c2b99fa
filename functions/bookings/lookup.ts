import type { BookingRow } from "./queries";

/** A unit type with the names of its campsite, whether or not either is still active. */
export interface UnitWithSite {
  nameZh: string;
  nameEn: string;
  siteSlug: string;
  siteZh: string;
  siteEn: string;
}

/** An activity session as a guest's booking shows it, whether or not it is still active. */
export interface BookedSession {
  nameZh: string;
  nameEn: string;
  startTime: string;
  endTime: string;
  eventSlug: string;
}

export async function unitWithSite(d1: D1Database, unitId: string): Promise<UnitWithSite | null> {
  return d1
    .prepare(
      `SELECT u.name_zh AS nameZh, u.name_en AS nameEn, c.slug AS siteSlug, c.name_zh AS siteZh, c.name_en AS siteEn
       FROM unit_types u JOIN campsites c ON c.id = u.campsite_id WHERE u.id = ?`,
    )
    .bind(unitId)
    .first<UnitWithSite>();
}

async function bookedSession(d1: D1Database, slotId: string): Promise<BookedSession | null> {
  return d1
    .prepare(
      `SELECT name_zh AS nameZh, name_en AS nameEn, start_time AS startTime, end_time AS endTime, event_slug AS eventSlug
       FROM activity_slots WHERE id = ?`,
    )
    .bind(slotId)
    .first<BookedSession>();
}

/** What a booking is for: the unit type and campsite of a stay, or the session of an activity (one query). */
export async function bookedSubject(
  d1: D1Database,
  row: Pick<BookingRow, "unit_type_id" | "slot_id">,
): Promise<{ stay: UnitWithSite } | { session: BookedSession } | null> {
  if (row.unit_type_id) {
    const stay = await unitWithSite(d1, row.unit_type_id);
    return stay ? { stay } : null;
  }
  if (row.slot_id) {
    const session = await bookedSession(d1, row.slot_id);
    return session ? { session } : null;
  }
  return null;
}
