import { worksFor } from "../accounts/agency-roles";
import { conflictProblem, fieldProblem } from "../accounts/problems";
import type { Bindings } from "../env";
import { agencyCreditCode } from "../lib/agencies";
import { guard } from "../lib/constraints";
import { todayInCounty } from "../lib/dates";
import { parseInput } from "../lib/validate";
import { deployAfter } from "./after-publish";
import { buildManifest, builtSerialFloor } from "./build-manifest";
import { type Edition, editionById, type StaffAccount } from "./editions";
import { INDEX_NUMBER, storedNotice } from "./notice-fields";
import {
  assertReviewer,
  currentBody,
  currentNotice,
  editionFor,
  forbidden,
  SHARED_FACTS,
  step,
  wrongState,
} from "./workflow";

/**
 * Approving and publishing. Publishing an edition is one batch: a guard that it is
 * still waiting, the 索引号 if the notice has none yet, the previous edition of that
 * language superseded, the new one published with the next publication number, the
 * other language's edition re-issued when the notice's shared facts changed (so the two
 * never disagree), and the audit entry. Then the Worker is told (KV) and a rebuild is
 * asked for (deploy-hook.ts).
 */
const nowIso = () => new Date().toISOString();

/** County time "YYYY-MM-DDTHH:MM" to a UTC instant. */
export function countyToUtc(local: string): string {
  const [date, time] = local.split("T");
  const utc = new Date(`${date}T${time}:00+08:00`);
  return utc.toISOString();
}

/** The next 索引号 for an agency this year, above every serial given out or in the build. */
async function nextIndexNumber(env: Bindings, agency: string, year: number) {
  const prefix = agencyCreditCode(agency);
  if (!prefix) return null;
  const [row, manifest] = await Promise.all([
    env.DB.prepare("SELECT last FROM notice_index_serials WHERE prefix = ? AND year = ?")
      .bind(prefix, year)
      .first<{ last: number }>(),
    buildManifest(env),
  ]);
  const { results } = await env.DB.prepare("SELECT index_number FROM notice_slugs WHERE index_number LIKE ?")
    .bind(`${prefix}/${year}-%`)
    .all<{ index_number: string }>();
  const inD1 = Math.max(0, ...results.map((r) => Number(INDEX_NUMBER.exec(r.index_number)?.[3] ?? 0)));
  const serial = Math.max(row?.last ?? 0, builtSerialFloor(manifest, prefix, year), inD1) + 1;
  if (serial > 99999) return null;
  return {
    prefix,
    year,
    serial,
    previous: row?.last ?? null,
    text: `${prefix}/${year}-${String(serial).padStart(5, "0")}`,
  };
}

/** The front matter as it is published: dates, 索引号 and change log filled in, checked by the full schema. */
function publishedData(edition: Edition, indexNumber: string, today: string) {
  const data: Record<string, unknown> = { ...edition.data, indexNumber };
  data.published ??= today;
  if (edition.basedOn !== null || edition.changeNote) {
    const changes = Array.isArray(data.changes) ? [...(data.changes as unknown[])] : [];
    if (edition.changeNote) changes.push({ date: today, note: edition.changeNote });
    data.changes = changes;
    data.updated = today;
  }
  const parsed = parseInput(storedNotice, data, "en");
  if (!parsed.ok) {
    const first = parsed.errors[0];
    throw conflictProblem("edition-invalid", "notice.wrongState", () => ({
      status: `${first?.field}: ${first?.message}`,
    }));
  }
  return parsed.data;
}

async function publishEdition(
  env: Bindings,
  actor: StaffAccount,
  edition: Edition,
  from: "submitted" | "scheduled" | "draft" | "returned",
  forceReason?: string,
): Promise<number> {
  const d1 = env.DB;
  const today = todayInCounty();
  const current = await currentNotice(env, edition.slug);
  const year = Number(today.slice(0, 4));
  const typed = typeof edition.data.indexNumber === "string" ? edition.data.indexNumber : null;
  const assigned = (current.indexNumber ?? typed) ? null : await nextIndexNumber(env, edition.agency, year);
  const indexNumber = current.indexNumber ?? typed ?? assigned?.text;
  if (!indexNumber) throw fieldProblem("indexNumber", "notice.indexNumber");
  const data = publishedData(edition, indexNumber, today);
  const seqSql = "(SELECT coalesce(max(publish_seq), 0) + 1 FROM notice_editions)";
  const statements: D1PreparedStatement[] = [];
  if (assigned) {
    statements.push(
      d1
        .prepare(
          "INSERT INTO notice_index_serials (prefix, year, last) VALUES (?, ?, ?) ON CONFLICT (prefix, year) DO UPDATE SET last = excluded.last WHERE last = ?",
        )
        .bind(assigned.prefix, assigned.year, assigned.serial, assigned.previous ?? -1),
      // Someone else took the serial first: the batch stops and nothing is published.
      guard(
        d1,
        "NOT EXISTS (SELECT 1 FROM notice_index_serials WHERE prefix = ? AND year = ? AND last = ?)",
        assigned.prefix,
        assigned.year,
        assigned.serial,
      ),
    );
  }
  statements.push(
    d1
      .prepare("UPDATE notice_slugs SET index_number = ? WHERE slug = ? AND index_number IS NULL")
      .bind(indexNumber, edition.slug),
    d1
      .prepare("UPDATE notice_editions SET status = 'superseded' WHERE slug = ? AND lang = ? AND status = 'published'")
      .bind(edition.slug, edition.lang),
    d1
      .prepare(
        `UPDATE notice_editions SET status = 'published', data = ?, publish_seq = ${seqSql}, published_at = ?, publish_at = NULL,
         reviewer_id = CASE WHEN ? = 'scheduled' THEN reviewer_id ELSE ? END,
         reviewed_at = CASE WHEN ? = 'scheduled' THEN reviewed_at ELSE ? END,
         force_reason = coalesce(?, force_reason), updated_at = ?
       WHERE id = ? AND status = ?`,
      )
      .bind(
        JSON.stringify(data),
        nowIso(),
        from,
        actor.id,
        from,
        nowIso(),
        forceReason ?? null,
        nowIso(),
        edition.id,
        from,
      ),
  );
  // The other language keeps the notice's shared facts: re-issue it when they changed.
  const otherLang = edition.lang === "zh-CN" ? "en" : "zh-CN";
  const other = current.versions[otherLang];
  const drift =
    other &&
    SHARED_FACTS.some((k) => JSON.stringify(other.data[k]) !== JSON.stringify((data as Record<string, unknown>)[k]));
  if (other && drift) {
    const otherData: Record<string, unknown> = { ...other.data };
    for (const k of SHARED_FACTS) {
      const v = (data as Record<string, unknown>)[k];
      if (v === undefined) delete otherData[k];
      else otherData[k] = v;
    }
    const body = await currentBody(env, edition.slug, otherLang, other.editionId);
    statements.push(
      d1
        .prepare("INSERT INTO notice_slugs (slug, agency, index_number) VALUES (?, ?, ?) ON CONFLICT (slug) DO NOTHING")
        .bind(edition.slug, edition.agency, indexNumber),
      d1
        .prepare(
          "UPDATE notice_editions SET status = 'superseded' WHERE slug = ? AND lang = ? AND status = 'published'",
        )
        .bind(edition.slug, otherLang),
      d1
        .prepare(
          `INSERT INTO notice_editions (slug, lang, status, data, body, change_note, based_on, author_id, reviewer_id, reviewed_at, submitted_at, published_at, publish_seq)
         VALUES (?, ?, 'published', ?, ?, ?, ?, ?, ?, ?, ?, ?, ${seqSql})`,
        )
        .bind(
          edition.slug,
          otherLang,
          JSON.stringify(otherData),
          body,
          edition.changeNote,
          other.editionId,
          edition.authorId,
          actor.id === edition.authorId ? null : actor.id,
          nowIso(),
          nowIso(),
          nowIso(),
        ),
    );
  }
  await step(d1, actor, edition, [from], forceReason ? "notice.force_published" : "notice.published", statements, {
    slug: edition.slug,
    lang: edition.lang,
    indexNumber,
    ...(forceReason ? { forceReason } : {}),
  });
  const seq = (await editionById(d1, edition.id))?.publishSeq ?? 0;
  await deployAfter(env, seq);
  return seq;
}

export async function approveEdition(
  env: Bindings,
  account: StaffAccount,
  id: number,
  input: { publishAt?: string | undefined; forceReason?: string | undefined },
): Promise<{ status: "published" | "scheduled" }> {
  const edition = await editionFor(env, account, id);
  assertReviewer(account, edition, input.forceReason);
  const forced = account.role === "admin" && input.forceReason !== undefined;
  const from = edition.status;
  if (from !== "submitted" && !(forced && (from === "draft" || from === "returned"))) throw wrongState(from);
  if (input.publishAt) {
    const at = countyToUtc(input.publishAt);
    if (!(new Date(at).getTime() > Date.now())) throw fieldProblem("publishAt", "notice.publishAt");
    await step(
      env.DB,
      account,
      edition,
      [from],
      "notice.scheduled",
      [
        env.DB.prepare(
          "UPDATE notice_editions SET status = 'scheduled', publish_at = ?, reviewer_id = ?, reviewed_at = ?, force_reason = ?, updated_at = ? WHERE id = ? AND status = ?",
        ).bind(at, account.id, nowIso(), forced ? input.forceReason : null, nowIso(), id, from),
      ],
      { publishAt: at },
    );
    return { status: "scheduled" };
  }
  await publishEdition(env, account, edition, from, forced ? input.forceReason : undefined);
  return { status: "published" };
}

/** Withdraw: the page stays, with the reason in a banner (a new edition, like every change). */
export async function withdrawNotice(env: Bindings, account: StaffAccount, id: number, reason: string): Promise<void> {
  const edition = await editionFor(env, account, id);
  if (account.role !== "admin" && account.role !== "reviewer")
    throw forbidden("notice.notYourAgency", account.agencies);
  if (!worksFor(account, edition.agency)) throw forbidden("notice.notYourAgency", account.agencies);
  if (edition.status !== "published") throw conflictProblem("not-published", "notice.notPublished");
  const data = { ...edition.data, withdrawn: { date: todayInCounty(), reason } };
  const d1 = env.DB;
  await step(
    d1,
    account,
    edition,
    ["published"],
    "notice.withdrawn",
    [
      d1.prepare("UPDATE notice_editions SET status = 'superseded' WHERE id = ? AND status = 'published'").bind(id),
      d1
        .prepare(
          `INSERT INTO notice_editions (slug, lang, status, data, body, change_note, based_on, author_id, published_at, publish_seq)
       VALUES (?, ?, 'published', ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(publish_seq), 0) + 1 FROM notice_editions))`,
        )
        .bind(edition.slug, edition.lang, JSON.stringify(data), edition.body, reason, id, account.id, nowIso()),
    ],
    { reason },
    () => conflictProblem("not-published", "notice.notPublished"),
  );
  const seq =
    (await d1.prepare("SELECT max(publish_seq) AS seq FROM notice_editions").first<{ seq: number }>())?.seq ?? 0;
  await deployAfter(env, seq);
}

/** The minute cron: scheduled editions whose time has come. */
export async function publishScheduled(env: Bindings, now: Date = new Date()): Promise<number> {
  const { results } = await env.DB.prepare(
    "SELECT id FROM notice_editions WHERE status = 'scheduled' AND publish_at <= ? ORDER BY publish_at LIMIT 20",
  )
    .bind(now.toISOString())
    .all<{ id: number }>();
  let done = 0;
  for (const { id } of results) {
    const edition = await editionById(env.DB, id);
    if (!edition || edition.reviewerId === null) continue;
    try {
      await publishEdition(
        env,
        { id: edition.reviewerId, role: "reviewer", agencies: [edition.agency] },
        edition,
        "scheduled",
      );
      done++;
    } catch (error) {
      console.error("publishing: scheduled edition not published", id, String(error));
    }
  }
  return done;
}
