import { worksFor } from "../accounts/agency-roles";
import { conflictProblem, fieldProblem, notFoundProblem } from "../accounts/problems";
import { auditedBatch } from "../db/audit";
import type { EditionStatus } from "../db/schema";
import type { Bindings } from "../env";
import { agencyName } from "../lib/agencies";
import { GUARD, guard, violated } from "../lib/constraints";
import type { Lang } from "../lib/lang";
import { message } from "../lib/messages";
import { ProblemError } from "../lib/problem";
import { buildManifest, builtNotice } from "./build-manifest";
import { type Edition, publishedEdition, type StaffAccount, visibleEdition } from "./editions";
import type { NoticeDraft } from "./schema";

/**
 * Drafting: an editor (or the county office) writes an edition, saves it as often as
 * needed and submits it for review; a reviewer returns it with a comment or approves
 * it (publish.ts). Each step is one batch with its audit entry and a guard that the
 * edition is still where the step was allowed, so of two people acting at once one wins.
 */

/** Path segments under /notices/ that pages already use. */
const RESERVED = new Set(["page", "topics", "agencies", "years", "feed", "build", "live"]);

export const STATUS_WORDS: Record<EditionStatus, Record<Lang, string>> = {
  draft: { "zh-CN": "草稿", en: "draft" },
  submitted: { "zh-CN": "待审核", en: "waiting for review" },
  returned: { "zh-CN": "退回修改", en: "returned" },
  scheduled: { "zh-CN": "定时发布", en: "scheduled" },
  published: { "zh-CN": "已发布", en: "published" },
  superseded: { "zh-CN": "已被新版本取代", en: "superseded" },
};

export const forbidden = (key: "notice.ownEdition" | "notice.notYourAgency", agencies: readonly string[] = []) =>
  new ProblemError(403, key === "notice.ownEdition" ? "own-edition" : "not-your-agency", (lang) => ({
    detail: message(lang, key, { agencies: agencies.map((a) => agencyName(a, lang)).join("、") }),
  }));

export const wrongState = (status: EditionStatus) =>
  conflictProblem("wrong-state", "notice.wrongState", (lang) => ({ status: STATUS_WORDS[status][lang] }));

/** What a notice already is: its agency and each language's current published front matter (D1 first, else the build). */
export async function currentNotice(env: Bindings, slug: string) {
  const [row, manifest] = await Promise.all([
    env.DB.prepare("SELECT agency, index_number FROM notice_slugs WHERE slug = ?")
      .bind(slug)
      .first<{ agency: string; index_number: string | null }>(),
    buildManifest(env),
  ]);
  const built = builtNotice(manifest, slug);
  const versions: Partial<Record<Lang, { data: Record<string, unknown>; editionId: number | null }>> = {};
  for (const lang of ["zh-CN", "en"] as const) {
    const d1 = row ? await publishedEdition(env.DB, slug, lang) : null;
    if (d1) versions[lang] = { data: d1.data as Record<string, unknown>, editionId: d1.id };
    else if (built?.versions[lang]) versions[lang] = { data: built.versions[lang].data, editionId: null };
  }
  const anyVersion = versions["zh-CN"] ?? versions.en;
  const agency = row?.agency ?? (anyVersion?.data.agency as string | undefined) ?? null;
  const indexNumber = row?.index_number ?? (anyVersion?.data.indexNumber as string | undefined) ?? null;
  return { exists: row !== null || built !== undefined, agency, indexNumber, versions };
}

/** The Markdown of a language version as the site shows it now: its D1 edition's, or the build's file. */
export async function currentBody(env: Bindings, slug: string, lang: Lang, editionId: number | null): Promise<string> {
  if (editionId) {
    const row = await env.DB.prepare("SELECT body FROM notice_editions WHERE id = ?")
      .bind(editionId)
      .first<{ body: string }>();
    return row?.body ?? "";
  }
  const res = await env.ASSETS.fetch(new Request(`https://assets.invalid/notices/${slug}/source.json`)).catch(
    () => null,
  );
  if (!res?.ok) return "";
  const source = (await res.json()) as { versions: Record<string, { body: string }> };
  return source.versions[lang]?.body ?? "";
}

/** Facts one notice's language versions share (the build refuses versions that disagree). */
export const SHARED_FACTS = ["indexNumber", "agency", "topic", "published", "documentNumber", "validity"] as const;

async function attachmentsFor(d1: D1Database, slug: string, files: NoticeDraft["attachments"]) {
  if (files.length === 0) return [];
  const { results } = await d1
    .prepare(
      `SELECT key, type, bytes FROM notice_attachments WHERE slug = ? AND key IN (${files.map(() => "?").join(", ")})`,
    )
    .bind(slug, ...files.map((f) => f.file.replace(/^\/media\//, "")))
    .all<{ key: string; type: string; bytes: number }>();
  return files.map((f, i) => {
    const found = results.find((r) => `/media/${r.key}` === f.file);
    if (!found) throw fieldProblem(`attachments.${i}.file`, "notice.unknownAttachment");
    return { title: f.title, file: f.file, type: found.type, bytes: found.bytes };
  });
}

/** The front matter a draft saves: what was typed, with the notice's shared facts where it already has them. */
async function draftData(env: Bindings, account: StaffAccount, input: NoticeDraft) {
  if (RESERVED.has(input.slug)) throw fieldProblem("slug", "notice.addressReserved");
  if (account.role !== "admin" && account.role !== "editor") throw forbidden("notice.notYourAgency", account.agencies);
  const current = await currentNotice(env, input.slug);
  const agency = current.agency ?? input.agency;
  if (!worksFor(account, agency)) throw forbidden("notice.notYourAgency", account.agencies);
  const own = current.versions[input.language];
  if (own && !input.changeNote) throw fieldProblem("changeNote", "notice.changeNote");
  const { slug: _slug, body: _body, changeNote: _note, attachments, ...fields } = input;
  const data: Record<string, unknown> = {
    ...fields,
    attachments: await attachmentsFor(env.DB, input.slug, attachments),
  };
  const other = current.versions[input.language === "zh-CN" ? "en" : "zh-CN"];
  const base = own?.data ?? other?.data;
  if (base) {
    // An amendment or the other language of an existing notice: its catalogue facts stay the notice's.
    for (const key of ["indexNumber", "agency", "published", "documentNumber"] as const) {
      if (base[key] === undefined) delete data[key];
      else data[key] = base[key];
    }
    if (own) data.changes = own.data.changes ?? [];
  }
  if (current.indexNumber) data.indexNumber = current.indexNumber;
  return { data, agency, basedOn: own?.editionId ?? null, exists: current.exists };
}

const now = () => new Date().toISOString();

export async function createDraft(
  env: Bindings,
  account: StaffAccount,
  input: NoticeDraft,
): Promise<{ id: number; status: "draft" }> {
  const { data, agency, basedOn } = await draftData(env, account, input);
  const indexNumber = typeof data.indexNumber === "string" ? data.indexNumber : null;
  try {
    const results = await auditedBatch<{ id: number }>(
      env.DB,
      {
        actorId: account.id,
        action: "notice.drafted",
        targetType: "notice_edition",
        targetId: 0,
        targetIdSql: {
          sql: "SELECT max(id) FROM notice_editions WHERE slug = ? AND lang = ?",
          params: [input.slug, input.language],
        },
        after: { slug: input.slug, lang: input.language, title: input.title },
      },
      [
        env.DB.prepare(
          "INSERT INTO notice_slugs (slug, agency, index_number, created_by) VALUES (?, ?, ?, ?) ON CONFLICT (slug) DO NOTHING",
        ).bind(input.slug, agency, indexNumber, account.id),
        env.DB.prepare(
          `INSERT INTO notice_editions (slug, lang, status, data, body, change_note, based_on, author_id)
           VALUES (?, ?, 'draft', ?, ?, ?, ?, ?) RETURNING id`,
        ).bind(
          input.slug,
          input.language,
          JSON.stringify(data),
          input.body,
          input.changeNote ?? null,
          basedOn,
          account.id,
        ),
      ],
    );
    const id = results.find((r) => r.results?.[0]?.id)?.results?.[0]?.id;
    if (!id) throw new Error("notice draft: no id returned");
    return { id, status: "draft" };
  } catch (error) {
    if (violated(error, "notice_editions")) throw conflictProblem("open-edition", "notice.openEdition");
    if (violated(error, "notice_slugs")) throw fieldProblem("indexNumber", "notice.indexNumber");
    throw error;
  }
}

/** The edition, visible to the account, or 404. */
export async function editionFor(env: Bindings, account: StaffAccount, id: number): Promise<Edition> {
  const edition = await visibleEdition(env.DB, account, id);
  if (!edition) throw notFoundProblem();
  return edition;
}

/** Runs a step's batch behind a guard that the edition is still in one of `from`. */
export async function step(
  d1: D1Database,
  account: Pick<StaffAccount, "id">,
  edition: Pick<Edition, "id">,
  from: readonly EditionStatus[],
  action: string,
  change: D1PreparedStatement[],
  after: Record<string, unknown>,
  raced: () => ProblemError = () => conflictProblem("reviewed-first", "notice.reviewedFirst"),
  /** Festival events' editions (functions/events/editions.ts) take the same steps. */
  table: "notice_editions" | "event_editions" = "notice_editions",
) {
  const list = from.map((s) => `'${s}'`).join(", ");
  try {
    await auditedBatch(
      d1,
      { actorId: account.id, action, targetType: table.replace(/s$/, ""), targetId: edition.id, after },
      change,
      [guard(d1, `NOT EXISTS (SELECT 1 FROM ${table} WHERE id = ? AND status IN (${list}))`, edition.id)],
    );
  } catch (error) {
    if (violated(error, GUARD)) throw raced();
    throw error;
  }
}

export async function updateDraft(env: Bindings, account: StaffAccount, id: number, input: NoticeDraft): Promise<void> {
  const edition = await editionFor(env, account, id);
  if (edition.slug !== input.slug || edition.lang !== input.language) throw fieldProblem("slug", "notice.address");
  if (edition.status !== "draft" && edition.status !== "returned") throw wrongState(edition.status);
  const { data } = await draftData(env, account, input);
  await step(
    env.DB,
    account,
    edition,
    ["draft", "returned"],
    "notice.edited",
    [
      env.DB.prepare(
        "UPDATE notice_editions SET data = ?, body = ?, change_note = ?, updated_at = ? WHERE id = ? AND status IN ('draft', 'returned')",
      ).bind(JSON.stringify(data), input.body, input.changeNote ?? null, now(), id),
    ],
    { title: input.title },
    () => wrongState("submitted"),
  );
}

export async function submitEdition(env: Bindings, account: StaffAccount, id: number): Promise<void> {
  const edition = await editionFor(env, account, id);
  if (account.role !== "admin" && account.role !== "editor") throw forbidden("notice.notYourAgency", account.agencies);
  if (edition.status !== "draft" && edition.status !== "returned") throw wrongState(edition.status);
  await step(
    env.DB,
    account,
    edition,
    ["draft", "returned"],
    "notice.submitted",
    [
      env.DB.prepare(
        "UPDATE notice_editions SET status = 'submitted', submitted_at = ?, updated_at = ? WHERE id = ? AND status IN ('draft', 'returned')",
      ).bind(now(), now(), id),
    ],
    {},
    () => wrongState("submitted"),
  );
}

/** Reviewers of the notice's agency and the county office review; nobody reviews what they drafted. */
export function assertReviewer(account: StaffAccount, edition: Edition, forceReason?: string) {
  if (account.role !== "admin" && account.role !== "reviewer") throw forbidden("notice.ownEdition");
  if (!worksFor(account, edition.agency)) throw notFoundProblem();
  if (edition.authorId === account.id && !(account.role === "admin" && forceReason))
    throw forbidden("notice.ownEdition");
}

export async function returnEdition(env: Bindings, account: StaffAccount, id: number, comment: string): Promise<void> {
  const edition = await editionFor(env, account, id);
  assertReviewer(account, edition);
  if (edition.status !== "submitted") throw wrongState(edition.status);
  await step(
    env.DB,
    account,
    edition,
    ["submitted"],
    "notice.returned",
    [
      env.DB.prepare(
        "UPDATE notice_editions SET status = 'returned', reviewer_id = ?, reviewed_at = ?, review_comment = ?, updated_at = ? WHERE id = ? AND status = 'submitted'",
      ).bind(account.id, now(), comment, now(), id),
    ],
    { comment },
  );
}
