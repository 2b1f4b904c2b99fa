import { and, asc, count, eq } from "drizzle-orm";
import type { Database } from "../db/client";
import {
  type Certification,
  type Cooperative,
  cooperatives,
  type PickupPoint,
  type Product,
  pickupPoints,
  products,
} from "../db/schema";
import type { Lang } from "../lib/lang";
import { daysOf } from "./pickup-admin";
import { countyMonth, inSeason, monthsOf } from "./season";

/** Catalogue reads: what the public sees of cooperatives, products and pickup points. */

export interface PublicProduct {
  id: string;
  name: string;
  category: string;
  unit: string;
  /** Price per unit, in fen. */
  price: number;
  stock: number;
  /** Slug of the cooperative. */
  cooperative: string;
  cooperativeName: string;
  inSeason: boolean;
  seasonMonths: number[];
  /** Can be ordered right now: in season and in stock. */
  orderable: boolean;
  image: string | null;
  /** Markdown source; render with src/lib/markdown.ts. */
  description: string;
}

export interface PublicCooperative {
  id: string;
  slug: string;
  name: string;
  creditCode: string;
  township: string;
  village: string;
  description: string;
  contact: { name: string; phone: string };
  verified: boolean;
  certifications: string[];
}

export interface PublicPickupPoint {
  id: string;
  name: string;
  address: string;
  hours: string;
  /** ISO weekdays open, 1 = Monday ... 7 = Sunday. */
  days: number[];
  phone: string | null;
  /** The only cooperative served here, or null when every cooperative's orders can be collected. */
  cooperative: string | null;
}

const en = (lang: Lang) => lang === "en";

function toProduct(row: Product, coop: Cooperative, lang: Lang, month: number): PublicProduct {
  const season = inSeason(row.seasonMonths, month);
  return {
    id: row.id,
    name: en(lang) ? row.nameEn : row.nameZh,
    category: row.category,
    unit: en(lang) ? row.unitEn : row.unitZh,
    price: row.priceFen,
    stock: row.stock,
    cooperative: coop.id,
    cooperativeName: en(lang) ? coop.nameEn : coop.nameZh,
    inSeason: season,
    seasonMonths: monthsOf(row.seasonMonths),
    orderable: season && row.stock > 0,
    image: row.image,
    description: en(lang) ? row.descriptionEn : row.descriptionZh,
  };
}

function toCooperative(row: Cooperative, lang: Lang): PublicCooperative {
  return {
    id: row.id,
    slug: row.id,
    name: en(lang) ? row.nameEn : row.nameZh,
    creditCode: row.creditCode,
    township: en(lang) ? row.townshipEn : row.townshipZh,
    village: en(lang) ? row.villageEn : row.villageZh,
    description: en(lang) ? row.descriptionEn : row.descriptionZh,
    contact: { name: row.contactName, phone: row.contactPhone },
    verified: row.verified,
    certifications: row.certifications.map((c: Certification) => c[lang]),
  };
}

function toPickupPoint(row: PickupPoint, lang: Lang): PublicPickupPoint {
  return {
    id: row.id,
    name: en(lang) ? row.nameEn : row.nameZh,
    address: en(lang) ? row.addressEn : row.addressZh,
    hours: en(lang) ? row.hoursEn : row.hoursZh,
    days: daysOf(row.openDays),
    phone: row.phone,
    cooperative: row.cooperativeId,
  };
}

export interface ProductFilters {
  category?: string | undefined;
  cooperative?: string | undefined;
  inSeason?: boolean | undefined;
}

/** Active products of verified cooperatives, sold-out and out-of-season ones included (marked). */
export async function listProducts(
  db: Database,
  lang: Lang,
  filters: ProductFilters = {},
  now = new Date(),
): Promise<PublicProduct[]> {
  const rows = await db
    .select({ product: products, coop: cooperatives })
    .from(products)
    .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
    .where(
      and(
        eq(products.active, true),
        eq(cooperatives.verified, true),
        filters.category ? eq(products.category, filters.category) : undefined,
        filters.cooperative ? eq(products.cooperativeId, filters.cooperative) : undefined,
      ),
    )
    .orderBy(asc(products.sortOrder), asc(products.id));
  const month = countyMonth(now);
  const list = rows.map((r) => toProduct(r.product, r.coop, lang, month));
  return filters.inSeason ? list.filter((p) => p.inSeason) : list;
}

export async function getProduct(db: Database, id: string, lang: Lang, now = new Date()) {
  const [row] = await db
    .select({ product: products, coop: cooperatives })
    .from(products)
    .innerJoin(cooperatives, eq(cooperatives.id, products.cooperativeId))
    .where(and(eq(products.id, id), eq(products.active, true), eq(cooperatives.verified, true)));
  if (!row) return null;
  return {
    product: toProduct(row.product, row.coop, lang, countyMonth(now)),
    cooperative: toCooperative(row.coop, lang),
  };
}

/** Products by id for a cart or checkout page, in the order asked; unknown or hidden ids are left out. */
export async function productsByIds(db: Database, ids: string[], lang: Lang): Promise<PublicProduct[]> {
  if (ids.length === 0) return [];
  const all = await listProducts(db, lang);
  const byId = new Map(all.map((p) => [p.id, p]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function listCooperatives(db: Database, lang: Lang) {
  const rows = await db
    .select()
    .from(cooperatives)
    .where(eq(cooperatives.verified, true))
    .orderBy(asc(cooperatives.createdAt), asc(cooperatives.id));
  // Grouped in SQL rather than filtered by a list of ids: D1 allows only 100 bound parameters.
  const counts = await db
    .select({ coop: products.cooperativeId, n: count() })
    .from(products)
    .where(eq(products.active, true))
    .groupBy(products.cooperativeId);
  const byCoop = new Map(counts.map((c) => [c.coop, c.n]));
  return rows.map((row) => ({
    ...toCooperative(row, lang),
    productCount: byCoop.get(row.id) ?? 0,
  }));
}

export async function getCooperative(db: Database, slug: string, lang: Lang) {
  const [row] = await db
    .select()
    .from(cooperatives)
    .where(and(eq(cooperatives.id, slug), eq(cooperatives.verified, true)));
  if (!row) return null;
  return { cooperative: toCooperative(row, lang), products: await listProducts(db, lang, { cooperative: slug }) };
}

export async function listPickupPoints(db: Database, lang: Lang): Promise<PublicPickupPoint[]> {
  const rows = await db
    .select()
    .from(pickupPoints)
    .where(eq(pickupPoints.active, true))
    .orderBy(asc(pickupPoints.sortOrder), asc(pickupPoints.id));
  return rows.map((r) => toPickupPoint(r, lang));
}
