import { conflictProblem, fieldProblem, notFoundProblem } from "../accounts/problems";
import { auditedBatch } from "../db/audit";
import type { EditionStatus } from "../db/schema";
import type { Bindings } from "../env";
import { violated } from "../lib/constraints";
import { todayInCounty } from "../lib/dates";
import { message } from "../lib/messages";
import { ProblemError } from "../lib/problem";
import { requestSiteRebuild } from "../publishing/deploy-hook";
import { countyToUtc } from "../publishing/publish";
import { step, wrongState } from "../publishing/workflow";
import type { EventDraft } from "./edition-schema";
import {
  currentEvent,
  type EventEdition,
  type EventVersions,
  eventEditionById,
  eventsBuild,
  type StaffAccount,
  sessionsInD1,
} from "./editions";
import { markEventsPublished } from "./live";

/**
 * Festival events drafted, reviewed and published from the dashboard: the notices'
 * steps (publishing/workflow.ts step(): a guarded batch with its audit entry, so of two
 * reviewers one wins) on event_editions. Editors and the county office draft; reviewers
 * and the county office review; nobody reviews what they drafted, except an admin who
 * publishes directly and says why. Events name their organiser in words, not an agency,
 * so every editor and reviewer works on every event (as for their sessions, changes.ts).
 * Publishing asks for the rebuild that puts the event on the static pages.
 */
const TABLE = "event_editions";
const nowIso = () => new Date().toISOString();

const refused = (key: "eventEdition.ownEdition" | "eventEdition.notEditor" | "eventEdition.notReviewer") =>
  new ProblemError(403, key === "eventEdition.ownEdition" ? "own-edition" : "not-your-role", (lang) => ({
    detail: message(lang, key),
  }));

function assertEditor(account: StaffAccount) {
  if (account.role !== "admin" && account.role !== "editor") throw refused("eventEdition.notEditor");
}

function assertReviewer(account: StaffAccount, edition: EventEdition, forceReason?: string) {
  if (account.role !== "admin" && account.role !== "reviewer") throw refused("eventEdition.notReviewer");
  if (edition.authorId === account.id && !(account.role === "admin" && forceReason)) {
    throw refused("eventEdition.ownEdition");
  }
}

async function editionOr404(d1: D1Database, id: number): Promise<EventEdition> {
  const edition = await eventEditionById(d1, id);
  if (!edition) throw notFoundProblem();
  return edition;
}

/** What a draft saves: the versions as typed, with the sessions D1 already holds in place of typed ones. */
async function draftVersions(env: Bindings, input: EventDraft): Promise<EventVersions> {
  const held = await sessionsInD1(env.DB, input.slug);
  const versions: EventVersions = { "zh-CN": input.versions["zh-CN"] };
  if (input.versions.en) versions.en = input.versions.en;
  if (held.length > 0) {
    for (const lang of ["zh-CN", "en"] as const) {
      const v = versions[lang];
      if (v) v.frontMatter = { ...v.frontMatter, slots: held.map(({ title, ...s }) => ({ ...s, title: title[lang] })) };
    }
  }
  return versions;
}

export async function createEventDraft(
  env: Bindings,
  account: StaffAccount,
  input: EventDraft,
): Promise<{ id: number; status: "draft" }> {
  assertEditor(account);
  const [current, build] = await Promise.all([currentEvent(env, input.slug), eventsBuild(env)]);
  const exists = current !== null || build.slugs.includes(input.slug);
  if (exists && !input.changeNote) throw fieldProblem("changeNote", "eventEdition.changeNote");
  const versions = await draftVersions(env, input);
  try {
    const results = await auditedBatch<{ id: number }>(
      env.DB,
      {
        actorId: account.id,
        action: "event.drafted",
        targetType: "event_edition",
        targetId: 0,
        targetIdSql: { sql: "SELECT max(id) FROM event_editions WHERE slug = ?", params: [input.slug] },
        after: { slug: input.slug, title: versions["zh-CN"].frontMatter.title },
      },
      [
        env.DB.prepare(
          `INSERT INTO event_editions (slug, status, versions, change_note, based_on, author_id)
           VALUES (?, 'draft', ?, ?, ?, ?) RETURNING id`,
        ).bind(input.slug, JSON.stringify(versions), input.changeNote ?? null, current?.editionId ?? null, account.id),
      ],
    );
    const id = results.find((r) => r.results?.[0]?.id)?.results?.[0]?.id;
    if (!id) throw new Error("event draft: no id returned");
    return { id, status: "draft" };
  } catch (error) {
    if (violated(error, "event_editions")) throw conflictProblem("open-edition", "eventEdition.openEdition");
    throw error;
  }
}

export async function updateEventDraft(env: Bindings, account: StaffAccount, id: number, input: EventDraft) {
  assertEditor(account);
  const edition = await editionOr404(env.DB, id);
  if (edition.slug !== input.slug) throw fieldProblem("slug", "eventEdition.slug");
  if (edition.status !== "draft" && edition.status !== "returned") throw wrongState(edition.status);
  if (edition.basedOn !== null && !input.changeNote) throw fieldProblem("changeNote", "eventEdition.changeNote");
  const versions = await draftVersions(env, input);
  await step(
    env.DB,
    account,
    edition,
    ["draft", "returned"],
    "event.edited",
    [
      env.DB.prepare(
        "UPDATE event_editions SET versions = ?, change_note = ?, updated_at = ? WHERE id = ? AND status IN ('draft', 'returned')",
      ).bind(JSON.stringify(versions), input.changeNote ?? null, nowIso(), id),
    ],
    { title: versions["zh-CN"].frontMatter.title },
    () => wrongState("submitted"),
    TABLE,
  );
}

export async function submitEventEdition(env: Bindings, account: StaffAccount, id: number) {
  assertEditor(account);
  const edition = await editionOr404(env.DB, id);
  if (edition.status !== "draft" && edition.status !== "returned") throw wrongState(edition.status);
  await step(
    env.DB,
    account,
    edition,
    ["draft", "returned"],
    "event.submitted",
    [
      env.DB.prepare(
        "UPDATE event_editions SET status = 'submitted', submitted_at = ?, updated_at = ? WHERE id = ? AND status IN ('draft', 'returned')",
      ).bind(nowIso(), nowIso(), id),
    ],
    {},
    () => wrongState("submitted"),
    TABLE,
  );
}

export async function returnEventEdition(env: Bindings, account: StaffAccount, id: number, comment: string) {
  const edition = await editionOr404(env.DB, id);
  assertReviewer(account, edition);
  if (edition.status !== "submitted") throw wrongState(edition.status);
  await step(
    env.DB,
    account,
    edition,
    ["submitted"],
    "event.returned",
    [
      env.DB.prepare(
        "UPDATE event_editions SET status = 'returned', reviewer_id = ?, reviewed_at = ?, review_comment = ?, updated_at = ? WHERE id = ? AND status = 'submitted'",
      ).bind(account.id, nowIso(), comment, nowIso(), id),
    ],
    { comment },
    undefined,
    TABLE,
  );
}

/** Publishing: the previous edition superseded, this one published with the next number, the change date set. */
async function publishEventEdition(
  env: Bindings,
  actor: Pick<StaffAccount, "id">,
  edition: EventEdition,
  from: EditionStatus,
  forceReason?: string,
): Promise<void> {
  const d1 = env.DB;
  const today = todayInCounty();
  const versions: EventVersions = structuredClone(edition.versions);
  for (const v of [versions["zh-CN"], versions.en]) if (v) v.frontMatter.updated = today;
  const keepReviewer = from === "scheduled";
  await step(
    d1,
    actor,
    edition,
    [from],
    forceReason ? "event.force_published" : "event.published",
    [
      d1
        .prepare("UPDATE event_editions SET status = 'superseded' WHERE slug = ? AND status = 'published'")
        .bind(edition.slug),
      d1
        .prepare(
          `UPDATE event_editions SET status = 'published', versions = ?,
             publish_seq = (SELECT coalesce(max(publish_seq), 0) + 1 FROM event_editions),
             published_at = ?, publish_at = NULL,
             reviewer_id = CASE WHEN ? THEN reviewer_id ELSE ? END,
             reviewed_at = CASE WHEN ? THEN reviewed_at ELSE ? END,
             force_reason = coalesce(?, force_reason), updated_at = ?
           WHERE id = ? AND status = ?`,
        )
        .bind(
          JSON.stringify(versions),
          nowIso(),
          keepReviewer ? 1 : 0,
          actor.id,
          keepReviewer ? 1 : 0,
          nowIso(),
          forceReason ?? null,
          nowIso(),
          edition.id,
          from,
        ),
    ],
    { slug: edition.slug, ...(forceReason ? { forceReason } : {}) },
    undefined,
    TABLE,
  );
  try {
    await markEventsPublished(env);
  } catch (error) {
    // The minute cron writes it again.
    console.error("events: KV not updated", String(error));
  }
  await requestSiteRebuild(env);
}

export async function approveEventEdition(
  env: Bindings,
  account: StaffAccount,
  id: number,
  input: { publishAt?: string | undefined; forceReason?: string | undefined },
): Promise<{ status: "published" | "scheduled" }> {
  const edition = await editionOr404(env.DB, id);
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
      "event.scheduled",
      [
        env.DB.prepare(
          "UPDATE event_editions SET status = 'scheduled', publish_at = ?, reviewer_id = ?, reviewed_at = ?, force_reason = ?, updated_at = ? WHERE id = ? AND status = ?",
        ).bind(at, account.id, nowIso(), forced ? input.forceReason : null, nowIso(), id, from),
      ],
      { publishAt: at },
      undefined,
      TABLE,
    );
    return { status: "scheduled" };
  }
  await publishEventEdition(env, account, edition, from, forced ? input.forceReason : undefined);
  return { status: "published" };
}

/** The minute cron: scheduled event editions whose time has come. */
export async function publishScheduledEvents(env: Bindings, now: Date = new Date()): Promise<number> {
  const { results } = await env.DB.prepare(
    "SELECT id FROM event_editions WHERE status = 'scheduled' AND publish_at <= ? ORDER BY publish_at LIMIT 20",
  )
    .bind(now.toISOString())
    .all<{ id: number }>();
  let done = 0;
  for (const { id } of results) {
    const edition = await eventEditionById(env.DB, id);
    if (!edition || edition.reviewerId === null) continue;
    try {
      await publishEventEdition(env, { id: edition.reviewerId }, edition, "scheduled");
      done++;
    } catch (error) {
      console.error("events: scheduled edition not published", id, String(error));
    }
  }
  return done;
}
