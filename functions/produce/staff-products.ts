import { z } from "zod";
import { conflictProblem, notFoundProblem } from "../accounts/problems";
import { Slug } from "../accounts/schema";
import type { SessionAccount } from "../accounts/sessions";
import { auditedBatch } from "../db/audit";
import { categoryField } from "../lib/categories";
import { violated } from "../lib/constraints";
import { multiLine, priceYuan, singleLine } from "../lib/fields";
import { coopInScope, productInScope } from "./coop-ops";
import { maskOf } from "./season";

/**
 * A cooperative's products: create, edit, take off sale and adjust stock. Every
 * change and its audit entry are one batch. Stock moves by a difference
 * (`stock = stock + change`), never by a value read earlier, so an adjustment
 * racing a buyer's order loses nothing; CHECK (stock >= 0) refuses going below zero.
 * Setting stock to a counted number works the same way: see setStockCount.
 */

const name = singleLine({ error: "field.required" }).min(1, { error: "field.required" }).max(80);
const text = multiLine().max(4000).default("");
const unit = singleLine({ error: "field.required" }).min(1, { error: "field.required" }).max(30);
const month = z.coerce.number().int().min(1).max(12);
/** Months on sale: forms send `months[0]=3&months[1]=4`; none ticked means all year. */
const months = z
  .array(month)
  .max(12)
  .default([])
  .transform((m) => (m.length === 0 ? 4095 : maskOf(m)));

const fields = {
  category: categoryField,
  nameZh: name,
  nameEn: name,
  descriptionZh: text,
  descriptionEn: text,
  unitZh: unit,
  unitEn: unit,
  priceYuan,
  months,
  sortOrder: z.coerce.number({ error: "field.number" }).int().min(0).max(1000).default(0),
};

export const ProductCreate = z.object({
  id: Slug,
  ...fields,
  stock: z.coerce.number({ error: "field.number" }).int().min(0).max(100_000).default(0),
});
export const ProductUpdate = z.object(fields);
export const StockRequest = z.object({
  change: z.coerce
    .number({ error: "field.number" })
    .int({ error: "field.number" })
    .min(-100_000)
    .max(100_000)
    .refine((n) => n !== 0, { error: "dash.stockZero" }),
  reason: singleLine().max(200).default(""),
});

const units = z.coerce.number({ error: "field.number" }).int({ error: "field.number" }).min(0).max(100_000);
export const StockCountRequest = z.object({
  /** How many there are, as counted. */
  count: units,
  /** The stock the page showed when the count was taken (the form sends it hidden). */
  seen: units,
  reason: singleLine().max(200).default(""),
});

const productJson = (id: string) => ({
  sql: `SELECT json_object('category', category, 'nameZh', name_zh, 'nameEn', name_en, 'unitZh', unit_zh, 'unitEn', unit_en,
          'priceFen', price_fen, 'seasonMonths', season_months, 'sortOrder', sort_order, 'active', active, 'image', image)
        FROM products WHERE id = ?`,
  params: [id],
});

export async function createProduct(
  d1: D1Database,
  account: SessionAccount,
  coopId: string,
  p: z.output<typeof ProductCreate>,
) {
  if (!(await coopInScope(d1, account, coopId))) throw notFoundProblem();
  try {
    await auditedBatch(
      d1,
      {
        actorId: account.id,
        action: "product.create",
        targetType: "product",
        targetId: p.id,
        after: { cooperative: coopId, ...p },
      },
      [
        d1
          .prepare(
            `INSERT INTO products (id, cooperative_id, category, name_zh, name_en, description_zh, description_en, unit_zh, unit_en,
             price_fen, stock, season_months, sort_order)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .bind(
            p.id,
            coopId,
            p.category,
            p.nameZh,
            p.nameEn,
            p.descriptionZh,
            p.descriptionEn,
            p.unitZh,
            p.unitEn,
            p.priceYuan,
            p.stock,
            p.months,
            p.sortOrder,
          ),
      ],
    );
  } catch (error) {
    if (violated(error, "products.id")) throw conflictProblem("product-taken", "dash.productTaken");
    throw error;
  }
  return { id: p.id, cooperative: coopId };
}

export async function updateProduct(
  d1: D1Database,
  account: SessionAccount,
  id: string,
  p: z.output<typeof ProductUpdate>,
) {
  const row = await productInScope(d1, account, id);
  if (!row) throw notFoundProblem();
  await auditedBatch(
    d1,
    {
      actorId: account.id,
      action: "product.update",
      targetType: "product",
      targetId: id,
      beforeSql: productJson(id),
      after: p,
    },
    [
      d1
        .prepare(
          `UPDATE products SET category = ?, name_zh = ?, name_en = ?, description_zh = ?, description_en = ?, unit_zh = ?,
           unit_en = ?, price_fen = ?, season_months = ?, sort_order = ? WHERE id = ?`,
        )
        .bind(
          p.category,
          p.nameZh,
          p.nameEn,
          p.descriptionZh,
          p.descriptionEn,
          p.unitZh,
          p.unitEn,
          p.priceYuan,
          p.months,
          p.sortOrder,
          id,
        ),
    ],
  );
  return { id, cooperative: row.cooperativeId };
}

/** Off sale (and back): the product and its order history stay; buyers no longer see it. */
export async function setProductActive(d1: D1Database, account: SessionAccount, id: string, active: boolean) {
  const row = await productInScope(d1, account, id);
  if (!row) throw notFoundProblem();
  await auditedBatch(
    d1,
    {
      actorId: account.id,
      action: active ? "product.activate" : "product.deactivate",
      targetType: "product",
      targetId: id,
      beforeSql: { sql: "SELECT json_object('active', active) FROM products WHERE id = ?", params: [id] },
      after: { active },
    },
    [d1.prepare("UPDATE products SET active = ? WHERE id = ?").bind(active ? 1 : 0, id)],
  );
  return { id, cooperative: row.cooperativeId, active };
}

export function adjustStock(d1: D1Database, account: SessionAccount, id: string, input: z.output<typeof StockRequest>) {
  return changeStock(d1, account, id, input.change, "product.stock", {
    change: input.change,
    reason: input.reason,
  });
}

/**
 * Stock set to a counted number. The count was taken against the stock the page
 * showed (`seen`); orders placed since then took units out of what was counted,
 * so the write is the difference `count - seen` applied to the stock as it is
 * now, in one statement. A racing order is never lost or counted twice, and
 * CHECK (stock >= 0) still refuses a result below zero.
 */
export function setStockCount(
  d1: D1Database,
  account: SessionAccount,
  id: string,
  input: z.output<typeof StockCountRequest>,
) {
  return changeStock(d1, account, id, input.count - input.seen, "product.stock_count", {
    count: input.count,
    seen: input.seen,
    reason: input.reason,
  });
}

/** Stock moved by a difference, audited in the same batch; below zero is a 409 naming the stock now. */
async function changeStock(
  d1: D1Database,
  account: SessionAccount,
  id: string,
  change: number,
  action: string,
  after: Record<string, unknown>,
) {
  const row = await productInScope(d1, account, id);
  if (!row) throw notFoundProblem();
  try {
    const [, , written] = await auditedBatch<{ stock?: number }>(
      d1,
      {
        actorId: account.id,
        action,
        targetType: "product",
        targetId: id,
        beforeSql: { sql: "SELECT json_object('stock', stock) FROM products WHERE id = ?", params: [id] },
        after,
      },
      [
        d1.prepare("UPDATE products SET stock = stock + ? WHERE id = ?").bind(change, id),
        d1.prepare("SELECT stock FROM products WHERE id = ?").bind(id),
      ],
    );
    return { id, cooperative: row.cooperativeId, stock: Number(written?.results[0]?.stock) };
  } catch (error) {
    if (violated(error, "products_stock")) {
      const now = await productInScope(d1, account, id);
      throw conflictProblem("stock-below-zero", "dash.stockBelowZero", { stock: now?.stock ?? 0 });
    }
    throw error;
  }
}
