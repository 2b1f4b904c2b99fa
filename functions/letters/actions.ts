import type { z } from "zod";
import { county } from "../../county.config";
import { notFoundProblem } from "../accounts/problems";
import { auditedBatch } from "../db/audit";
import { GUARD, guard, violated } from "../lib/constraints";
import { todayInCounty } from "../lib/dates";
import type { Lang } from "../lib/lang";
import { type MessageKey, message } from "../lib/messages";
import { ProblemError } from "../lib/problem";
import { addWorkingDays } from "../lib/working-days";
import { maskPersonalDetails } from "./masking";
import { deadline } from "./model";
import { type LetterRow, tellWriter } from "./present";
import type { AcceptRequest, ExtendRequest, PublishRequest, RejectRequest, ReplyRequest } from "./schema";
import { allowed, type StaffAccount, visibleLetter } from "./staff";

/**
 * What staff do with a letter. Each action is one batch: a guard that the letter is
 * still in the state the action was allowed in (so of two people replying at once one
 * wins and the other is told), the change, its audit entry and the writer's text.
 */
type Action = "accept" | "reject" | "reply" | "extend" | "publish";

/** The audit log's name of each action (the audit page puts them into words). */
const AUDITED: Record<Action, string> = {
  accept: "letter.accepted",
  reject: "letter.rejected",
  reply: "letter.replied",
  extend: "letter.extended",
  publish: "letter.published",
};

function problem(
  status: 403 | 409,
  slug: string,
  key: MessageKey,
  vars: (lang: Lang) => Record<string, string | number> = () => ({}),
) {
  return new ProblemError(status, slug, (lang) => ({ detail: message(lang, key, vars(lang)) }));
}

const fieldProblem = (field: string, key: MessageKey, vars: Record<string, string | number> = {}) =>
  new ProblemError(400, "validation", (lang) => ({
    detail: message(lang, "problem.badRequest.detail"),
    errors: [{ field, message: message(lang, key, vars) }],
  }));

const STATUS_WORDS: Record<string, Record<Lang, string>> = {
  received: { "zh-CN": "待审查", en: "waiting for triage" },
  accepted: { "zh-CN": "办理中", en: "being answered" },
  answered: { "zh-CN": "已办结", en: "answered" },
  rejected: { "zh-CN": "不予受理", en: "not accepted" },
};

/** The letter, visible to the account and open to the action; else 404 or 409 saying why. */
async function letterFor(d1: D1Database, account: StaffAccount, reference: string, action: Action): Promise<LetterRow> {
  const r = await visibleLetter(d1, account, reference);
  if (!r) throw notFoundProblem();
  if (allowed(account, r)[action]) return r;
  // What the role never does is not there for it, like any route of another role.
  if ((action === "accept" || action === "reject") && account.role !== "admin") throw notFoundProblem();
  if (action === "publish" && account.role !== "admin" && account.role !== "reviewer") throw notFoundProblem();
  if (action === "extend" && r.extended_to !== null) throw problem(409, "extended-before", "letters.extendedBefore");
  if (action === "reply" && r.status === "answered") throw problem(409, "replied-first", "letters.repliedFirst");
  if (action === "publish" && r.status === "answered") {
    if (r.publish !== 1) throw problem(409, "no-consent", "letters.noConsent");
    if (r.replied_by === account.id) throw problem(403, "own-reply", "letters.ownReply");
  }
  if (action === "publish" && r.status !== "answered" && r.status !== "rejected") {
    throw problem(409, "not-answered", "letters.notAnswered");
  }
  throw problem(409, "wrong-state", "letters.wrongState", (lang) => ({
    status: STATUS_WORDS[r.status]?.[lang] ?? r.status,
  }));
}

/** Runs the action's batch; a guard that trips means someone else changed the letter first. */
async function write(
  d1: D1Database,
  account: StaffAccount,
  r: LetterRow,
  action: Action,
  stillSql: string,
  change: D1PreparedStatement[],
  after: Record<string, unknown>,
) {
  try {
    await auditedBatch(
      d1,
      { actorId: account.id, action: AUDITED[action], targetType: "letter", targetId: r.reference, after },
      change,
      [guard(d1, `NOT EXISTS (SELECT 1 FROM letters WHERE id = ? AND ${stillSql})`, r.id)],
    );
  } catch (error) {
    if (!violated(error, GUARD)) throw error;
    const now = await d1.prepare("SELECT status, extended_to FROM letters WHERE id = ?").bind(r.id).first<LetterRow>();
    if (action === "reply" && now?.status === "answered") throw problem(409, "replied-first", "letters.repliedFirst");
    if (action === "extend" && now?.extended_to) throw problem(409, "extended-before", "letters.extendedBefore");
    throw problem(409, "wrong-state", "letters.wrongState", (lang) => ({
      status: STATUS_WORDS[now?.status ?? r.status]?.[lang] ?? "",
    }));
  }
}

export async function acceptLetter(
  d1: D1Database,
  account: StaffAccount,
  reference: string,
  input: z.output<typeof AcceptRequest>,
) {
  const r = await letterFor(d1, account, reference, "accept");
  await write(
    d1,
    account,
    r,
    "accept",
    "status = 'received'",
    [
      d1
        .prepare(
          "UPDATE letters SET status = 'accepted', agency = ?, accepted_on = ? WHERE id = ? AND status = 'received'",
        )
        .bind(input.agency, todayInCounty(), r.id),
    ],
    { agency: input.agency },
  );
}

export async function rejectLetter(
  d1: D1Database,
  account: StaffAccount,
  reference: string,
  input: z.output<typeof RejectRequest>,
) {
  const r = await letterFor(d1, account, reference, "reject");
  await write(
    d1,
    account,
    r,
    "reject",
    "status = 'received'",
    [
      d1
        .prepare(
          "UPDATE letters SET status = 'rejected', reject_reason = ?, reject_note = ?, answered_on = ? WHERE id = ? AND status = 'received'",
        )
        .bind(input.reason, input.note ?? null, todayInCounty(), r.id),
      ...tellWriter(d1, r, "letter-rejected"),
    ],
    { reason: input.reason, note: input.note ?? null },
  );
}

export async function replyToLetter(
  d1: D1Database,
  account: StaffAccount,
  reference: string,
  input: z.output<typeof ReplyRequest>,
) {
  const r = await letterFor(d1, account, reference, "reply");
  await write(
    d1,
    account,
    r,
    "reply",
    "status = 'accepted'",
    [
      d1
        .prepare(
          "UPDATE letters SET status = 'answered', reply = ?, replied_by = ?, answered_on = ? WHERE id = ? AND status = 'accepted'",
        )
        .bind(input.reply, account.id, todayInCounty(), r.id),
      ...tellWriter(d1, r, "letter-answered"),
    ],
    { length: [...input.reply].length },
  );
}

export async function extendLetter(
  d1: D1Database,
  account: StaffAccount,
  reference: string,
  input: z.output<typeof ExtendRequest>,
) {
  const r = await letterFor(d1, account, reference, "extend");
  const due = deadline({ dueBy: r.due_by, extendedTo: r.extended_to });
  const max = county.letters.maxExtensionWorkingDays;
  const last = addWorkingDays(due, max);
  if (input.until <= due || input.until > last) throw fieldProblem("until", "letters.extendUntil", { due, max, last });
  await write(
    d1,
    account,
    r,
    "extend",
    "extended_to IS NULL AND status IN ('received', 'accepted')",
    [
      d1
        .prepare("UPDATE letters SET extended_to = ?, extension_reason = ? WHERE id = ? AND extended_to IS NULL")
        .bind(input.until, input.reason, r.id),
      ...tellWriter(d1, r, "letter-extended", { until: input.until }),
    ],
    { from: due, until: input.until, reason: input.reason },
  );
}

export async function publishLetter(
  d1: D1Database,
  account: StaffAccount,
  reference: string,
  input: z.output<typeof PublishRequest>,
) {
  const r = await letterFor(d1, account, reference, "publish");
  const writer = { name: r.name };
  // Masked whatever was typed: the reviewer edits, the rule guarantees.
  const subject = maskPersonalDetails(input.subject ?? r.published_subject ?? r.subject, writer);
  const text = maskPersonalDetails(input.message ?? r.published_message ?? r.message, writer);
  const reply = maskPersonalDetails(input.reply ?? r.published_reply ?? r.reply ?? "", writer);
  await write(
    d1,
    account,
    r,
    "publish",
    "status = 'answered' AND publish = 1",
    [
      d1
        .prepare(
          `UPDATE letters SET published_subject = ?, published_message = ?, published_reply = ?,
           published_on = coalesce(published_on, ?) WHERE id = ?`,
        )
        .bind(subject, text, reply, todayInCounty(), r.id),
    ],
    { subject, edited: input.subject !== undefined || input.message !== undefined || input.reply !== undefined },
  );
}
