import { agencyScope, worksFor } from "../accounts/agency-roles";
import type { SessionAccount } from "../accounts/sessions";
import { todayInCounty } from "../lib/dates";
import { maskPersonalDetails } from "./masking";
import { isOpen, isOverdue, type LetterStatus } from "./model";
import type { LetterRow } from "./present";

/**
 * The dashboard's side of letters: what each account sees and may do. The county
 * office (admin) sees every letter and triages the new ones; editors and reviewers see
 * the letters assigned to their agencies. A letter outside an account's scope is a 404,
 * like any other row it may not see.
 */
export type StaffAccount = Pick<SessionAccount, "id" | "role" | "agencies">;

export interface StaffLetterRow {
  reference: string;
  type: LetterRow["type"];
  subject: string;
  status: LetterStatus;
  township: string | null;
  agencyAsked: string | null;
  agency: string | null;
  receivedOn: string;
  dueBy: string;
  extendedTo: string | null;
  answeredOn: string | null;
  overdue: boolean;
  publish: boolean;
  published: boolean;
}

export interface StaffFilter {
  status?: LetterStatus | "overdue" | undefined;
  agency?: string | undefined;
}

/** SQL that limits letters to what `account` may see, with its values. */
const scope = (account: StaffAccount) => agencyScope(account, "agency");

function row(r: LetterRow, today: string): StaffLetterRow {
  const l = { status: r.status, dueBy: r.due_by, extendedTo: r.extended_to };
  return {
    reference: r.reference,
    type: r.type,
    subject: r.subject,
    status: r.status,
    township: r.township,
    agencyAsked: r.agency_asked,
    agency: r.agency,
    receivedOn: r.received_on,
    dueBy: r.due_by,
    extendedTo: r.extended_to,
    answeredOn: r.answered_on,
    overdue: isOverdue(l, today),
    publish: r.publish === 1,
    published: r.published_on !== null,
  };
}

/** Letters an account may see: new ones waiting for triage, then open ones (nearest deadline first), then the rest, newest first. */
export async function staffLetters(
  d1: D1Database,
  account: StaffAccount,
  f: StaffFilter = {},
  today = todayInCounty(),
): Promise<StaffLetterRow[]> {
  const s = scope(account);
  const where = [s.sql];
  const values = [...s.values];
  if (f.status === "overdue") {
    where.push("status IN ('received', 'accepted') AND coalesce(extended_to, due_by) < ?");
    values.push(today);
  } else if (f.status) {
    where.push("status = ?");
    values.push(f.status);
  }
  if (f.agency) {
    where.push("agency = ?");
    values.push(f.agency);
  }
  const { results } = await d1
    .prepare(
      `SELECT * FROM letters WHERE ${where.join(" AND ")}
       ORDER BY status IN ('received', 'accepted') DESC, status = 'received' DESC,
                CASE WHEN status IN ('received', 'accepted') THEN coalesce(extended_to, due_by) END ASC,
                received_on DESC, id DESC
       LIMIT 500`,
    )
    .bind(...values)
    .all<LetterRow>();
  return results.map((r) => row(r, today));
}

/** Open letters past their deadline that the account answers for (the dashboard's badge). */
export async function overdueCount(d1: D1Database, account: StaffAccount, today = todayInCounty()): Promise<number> {
  const s = scope(account);
  const found = await d1
    .prepare(
      `SELECT count(*) AS n FROM letters WHERE ${s.sql}
       AND status IN ('received', 'accepted') AND coalesce(extended_to, due_by) < ?`,
    )
    .bind(...s.values, today)
    .first<number>("n");
  return found ?? 0;
}

/** Letters waiting for the account's next step: triage for the county office, a reply for an agency. */
export async function waitingCount(d1: D1Database, account: StaffAccount): Promise<number> {
  const s = scope(account);
  const status = account.role === "admin" ? "received" : "accepted";
  const found = await d1
    .prepare(`SELECT count(*) AS n FROM letters WHERE ${s.sql} AND status = ?`)
    .bind(...s.values, status)
    .first<number>("n");
  return found ?? 0;
}

export interface StaffLetter extends StaffLetterRow {
  message: string;
  name: string;
  phone: string;
  email: string | null;
  reply: string | null;
  /** The name of the account that wrote the reply. */
  repliedBy: string | null;
  extensionReason: string | null;
  rejectReason: LetterRow["reject_reason"];
  rejectNote: string | null;
  acceptedOn: string | null;
  publishedOn: string | null;
  /** Where staff see the writer's photo; null without one (or once erased). */
  photo: string | null;
  /** What would be published: the published texts, else the letter's own, contact details masked. */
  masked: { subject: string; message: string; reply: string | null };
  can: Record<"accept" | "reject" | "reply" | "extend" | "publish", boolean>;
  history: { at: string; action: string; actor: string | null }[];
}

/** What an account may do with a letter in its state. The routes check the same, and the database the state. */
export function allowed(
  account: StaffAccount,
  r: Pick<LetterRow, "status" | "agency" | "extended_to" | "publish" | "replied_by">,
) {
  const admin = account.role === "admin";
  const agency = worksFor(account, r.agency);
  return {
    accept: admin && r.status === "received",
    reject: admin && r.status === "received",
    reply: agency && r.status === "accepted",
    extend: r.extended_to === null && (admin ? isOpen(r.status) : agency && r.status === "accepted"),
    publish:
      r.status === "answered" &&
      r.publish === 1 &&
      (admin || (account.role === "reviewer" && agency && r.replied_by !== account.id)),
  };
}

/** The letter, if the account may see it. */
export async function visibleLetter(
  d1: D1Database,
  account: StaffAccount,
  reference: string,
): Promise<LetterRow | null> {
  const s = scope(account);
  return d1
    .prepare(`SELECT * FROM letters WHERE reference = ? AND ${s.sql}`)
    .bind(reference.trim().toUpperCase(), ...s.values)
    .first<LetterRow>();
}

export async function staffLetter(
  d1: D1Database,
  account: StaffAccount,
  reference: string,
  today = todayInCounty(),
): Promise<StaffLetter | null> {
  const r = await visibleLetter(d1, account, reference);
  if (!r) return null;
  const [replier, history] = await d1.batch([
    d1.prepare("SELECT name FROM accounts WHERE id = ?").bind(r.replied_by),
    d1
      .prepare(
        `SELECT l.at, l.action, a.name AS actor FROM audit_log l LEFT JOIN accounts a ON a.id = l.actor_id
         WHERE l.target_type = 'letter' AND l.target_id = ? ORDER BY l.id`,
      )
      .bind(r.reference),
  ]);
  const writer = { name: r.name };
  return {
    ...row(r, today),
    message: r.message,
    name: r.name,
    phone: r.phone,
    email: r.email,
    reply: r.reply,
    repliedBy: (replier?.results[0] as { name: string } | undefined)?.name ?? null,
    extensionReason: r.extension_reason,
    rejectReason: r.reject_reason,
    rejectNote: r.reject_note,
    acceptedOn: r.accepted_on,
    publishedOn: r.published_on,
    photo: r.photo_key ? `/api/dashboard/letters/${r.reference}/photo` : null,
    masked: {
      subject: maskPersonalDetails(r.published_subject ?? r.subject, writer),
      message: maskPersonalDetails(r.published_message ?? r.message, writer),
      reply: r.reply === null ? null : maskPersonalDetails(r.published_reply ?? r.reply, writer),
    },
    can: allowed(account, r),
    history: (history?.results ?? []) as StaffLetter["history"],
  };
}
