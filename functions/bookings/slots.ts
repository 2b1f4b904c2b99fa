import type { Lang } from "../lib/lang";
import { placesLeft } from "./rules";

export interface PublicSlot {
  id: string;
  eventSlug: string;
  name: string;
  date: string;
  startTime: string;
  endTime: string;
  price: number;
  capacity: number;
  left: number;
  /** Days before the session until which it may be cancelled online (see rules.ts). */
  freeCancelDays: number;
}

interface SlotRow {
  id: string;
  event_slug: string;
  name_zh: string;
  name_en: string;
  date: string;
  start_time: string;
  end_time: string;
  price_fen: number;
  capacity: number;
  booked: number;
  free_cancel_days: number;
}

function toSlot(r: SlotRow, lang: Lang): PublicSlot {
  return {
    id: r.id,
    eventSlug: r.event_slug,
    name: lang === "en" ? r.name_en : r.name_zh,
    date: r.date,
    startTime: r.start_time,
    endTime: r.end_time,
    price: r.price_fen,
    capacity: r.capacity,
    left: placesLeft(r.capacity, r.booked),
    freeCancelDays: r.free_cancel_days,
  };
}

/** Active activity sessions from `today` on, soonest first (one query). */
export async function upcomingSlots(d1: D1Database, today: string, lang: Lang): Promise<PublicSlot[]> {
  const { results } = await d1
    .prepare("SELECT * FROM activity_slots WHERE active = 1 AND date >= ? ORDER BY date, start_time, id")
    .bind(today)
    .all<SlotRow>();
  return results.map((r) => toSlot(r, lang));
}

export async function slotById(d1: D1Database, id: string, lang: Lang): Promise<PublicSlot | null> {
  const row = await d1.prepare("SELECT * FROM activity_slots WHERE id = ? AND active = 1").bind(id).first<SlotRow>();
  return row ? toSlot(row, lang) : null;
}

/** Every active session of one event with its places left (one query). */
export async function slotsForEvent(d1: D1Database, eventSlug: string, lang: Lang): Promise<PublicSlot[]> {
  const { results } = await d1
    .prepare("SELECT * FROM activity_slots WHERE event_slug = ? AND active = 1 ORDER BY date, start_time, id")
    .bind(eventSlug)
    .all<SlotRow>();
  return results.map((r) => toSlot(r, lang));
}
