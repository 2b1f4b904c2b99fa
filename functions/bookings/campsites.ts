import { asc, eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { campsites, type UnitType, unitTypes } from "../db/schema";
import type { Lang } from "../lib/lang";

interface PublicUnit {
  id: string;
  name: string;
  nameZh: string;
  nameEn: string;
  capacity: number;
  maxGuests: number;
  /** Nightly price per unit, in fen. */
  price: number;
  minNights: number;
  maxNights: number;
  bookingWindowDays: number;
  checkIn: string;
  checkOut: string;
  freeCancelDays: number;
}

export interface PublicCampsite {
  slug: string;
  name: string;
  nameZh: string;
  nameEn: string;
  units: PublicUnit[];
}

function toUnit(row: UnitType, lang: Lang): PublicUnit {
  return {
    id: row.id,
    name: lang === "en" ? row.nameEn : row.nameZh,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    capacity: row.capacity,
    maxGuests: row.maxGuests,
    price: row.priceFen,
    minNights: row.minNights,
    maxNights: row.maxNights,
    bookingWindowDays: row.bookingWindowDays,
    checkIn: row.checkInTime,
    checkOut: row.checkOutTime,
    freeCancelDays: row.freeCancelDays,
  };
}

/** Active campsites with their active unit types, in one query. */
export async function listCampsites(db: Database, lang: Lang): Promise<PublicCampsite[]> {
  const rows = await db
    .select({ site: campsites, unit: unitTypes })
    .from(campsites)
    .leftJoin(unitTypes, eq(unitTypes.campsiteId, campsites.id))
    .where(eq(campsites.active, true))
    .orderBy(asc(campsites.id), asc(unitTypes.sortOrder), asc(unitTypes.id));
  const bySlug = new Map<string, PublicCampsite>();
  for (const { site, unit } of rows) {
    let entry = bySlug.get(site.slug);
    if (!entry) {
      entry = {
        slug: site.slug,
        name: lang === "en" ? site.nameEn : site.nameZh,
        nameZh: site.nameZh,
        nameEn: site.nameEn,
        units: [],
      };
      bySlug.set(site.slug, entry);
    }
    if (unit?.active) entry.units.push(toUnit(unit, lang));
  }
  return [...bySlug.values()];
}
