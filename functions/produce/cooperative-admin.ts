import { z } from "zod";
import { conflictProblem, notFoundProblem } from "../accounts/problems";
import { Slug } from "../accounts/schema";
import type { SessionAccount } from "../accounts/sessions";
import { auditedBatch } from "../db/audit";
import { GUARD, guard, violated } from "../lib/constraints";
import { Phone, singleLine } from "../lib/fields";
import { isCooperativeCode } from "./credit-code";

/**
 * County staff register cooperatives (unverified at first), verify them against
 * the business licence (only verified cooperatives sell), and can disable one:
 * it stops selling at once and its members' sessions end.
 */
const name = singleLine({ error: "field.required" }).min(1, { error: "field.required" }).max(80);
const place = singleLine({ error: "field.required" }).min(1, { error: "field.required" }).max(40);

export const CooperativeCreate = z.object({
  id: Slug,
  nameZh: name,
  nameEn: name,
  creditCode: z
    .string({ error: "field.required" })
    .trim()
    .toUpperCase()
    .refine(isCooperativeCode, { error: "dash.creditCode" }),
  townshipZh: place,
  townshipEn: place,
  villageZh: place,
  villageEn: place,
  contactName: singleLine({ error: "field.required" }).min(1, { error: "field.required" }).max(40),
  contactPhone: Phone,
});

const stateJson = (id: string) => ({
  sql: "SELECT json_object('verified', verified, 'disabledAt', disabled_at) FROM cooperatives WHERE id = ?",
  params: [id],
});

export async function createCooperative(d1: D1Database, admin: SessionAccount, c: z.output<typeof CooperativeCreate>) {
  try {
    await auditedBatch(
      d1,
      { actorId: admin.id, action: "cooperative.create", targetType: "cooperative", targetId: c.id, after: c },
      [
        d1
          .prepare(
            `INSERT INTO cooperatives (id, name_zh, name_en, credit_code, township_zh, township_en, village_zh, village_en,
             contact_name, contact_phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .bind(
            c.id,
            c.nameZh,
            c.nameEn,
            c.creditCode,
            c.townshipZh,
            c.townshipEn,
            c.villageZh,
            c.villageEn,
            c.contactName,
            c.contactPhone,
          ),
      ],
    );
  } catch (error) {
    if (violated(error, "cooperatives.id", "cooperatives.credit_code"))
      throw conflictProblem("cooperative-taken", "dash.coopTaken");
    throw error;
  }
  return { id: c.id };
}

async function existing(d1: D1Database, id: string) {
  const row = await d1
    .prepare("SELECT id, disabled_at FROM cooperatives WHERE id = ?")
    .bind(id)
    .first<{ disabled_at: string | null }>();
  if (!row) throw notFoundProblem();
  return row;
}

export async function verifyCooperative(d1: D1Database, admin: SessionAccount, id: string) {
  if ((await existing(d1, id)).disabled_at) throw conflictProblem("cooperative-disabled", "dash.coopDisabled");
  try {
    await auditedBatch(
      d1,
      {
        actorId: admin.id,
        action: "cooperative.verify",
        targetType: "cooperative",
        targetId: id,
        beforeSql: stateJson(id),
        after: { verified: true },
      },
      [d1.prepare("UPDATE cooperatives SET verified = 1 WHERE id = ?").bind(id)],
      [guard(d1, "EXISTS (SELECT 1 FROM cooperatives WHERE id = ? AND disabled_at IS NOT NULL)", id)],
    );
  } catch (error) {
    if (violated(error, GUARD)) throw conflictProblem("cooperative-disabled", "dash.coopDisabled");
    throw error;
  }
  return { id, verified: true };
}

export async function disableCooperative(d1: D1Database, admin: SessionAccount, id: string, now: Date = new Date()) {
  await existing(d1, id);
  const at = now.toISOString();
  await auditedBatch(
    d1,
    {
      actorId: admin.id,
      action: "cooperative.disable",
      targetType: "cooperative",
      targetId: id,
      beforeSql: stateJson(id),
      after: { verified: false, disabledAt: at },
    },
    [
      d1
        .prepare("UPDATE cooperatives SET verified = 0, disabled_at = coalesce(disabled_at, ?) WHERE id = ?")
        .bind(at, id),
      // Members are signed out now; sessionAccount() also refuses them while the cooperative is disabled.
      d1
        .prepare("DELETE FROM sessions WHERE account_id IN (SELECT id FROM accounts WHERE cooperative_id = ?)")
        .bind(id),
    ],
  );
  return { id, disabled: true };
}

/** Back, but not selling: the county verifies it again when ready. */
export async function enableCooperative(d1: D1Database, admin: SessionAccount, id: string) {
  await existing(d1, id);
  await auditedBatch(
    d1,
    {
      actorId: admin.id,
      action: "cooperative.enable",
      targetType: "cooperative",
      targetId: id,
      beforeSql: stateJson(id),
      after: { disabledAt: null },
    },
    [d1.prepare("UPDATE cooperatives SET disabled_at = NULL WHERE id = ?").bind(id)],
  );
  return { id, disabled: false };
}
