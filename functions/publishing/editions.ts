import { agencyScope } from "../accounts/agency-roles";
import type { SessionAccount } from "../accounts/sessions";
import type { EditionStatus } from "../db/schema";
import type { StoredNotice } from "./notice-fields";

/** The editions of notices as the workflow and the dashboard read them: one row mapper. */
export type StaffAccount = Pick<SessionAccount, "id" | "role" | "agencies">;

export interface Edition {
  id: number;
  slug: string;
  lang: "zh-CN" | "en";
  status: EditionStatus;
  /** The front matter as saved: a draft may still lack its 索引号 and publication date. */
  data: Partial<StoredNotice> & Pick<StoredNotice, "title" | "agency" | "topic">;
  body: string;
  changeNote: string | null;
  basedOn: number | null;
  authorId: number;
  authorName: string;
  submittedAt: string | null;
  reviewerId: number | null;
  reviewerName: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
  forceReason: string | null;
  publishAt: string | null;
  publishedAt: string | null;
  publishSeq: number | null;
  createdAt: string;
  updatedAt: string;
  /** The notice's agency and 索引号 (notice_slugs). */
  agency: string;
  indexNumber: string | null;
}

interface Row {
  id: number;
  slug: string;
  lang: "zh-CN" | "en";
  status: EditionStatus;
  data: string;
  body: string;
  change_note: string | null;
  based_on: number | null;
  author_id: number;
  author_name: string;
  submitted_at: string | null;
  reviewer_id: number | null;
  reviewer_name: string | null;
  reviewed_at: string | null;
  review_comment: string | null;
  force_reason: string | null;
  publish_at: string | null;
  published_at: string | null;
  publish_seq: number | null;
  created_at: string;
  updated_at: string;
  agency: string;
  index_number: string | null;
}

const toEdition = (r: Row): Edition => ({
  id: r.id,
  slug: r.slug,
  lang: r.lang,
  status: r.status,
  data: JSON.parse(r.data) as Edition["data"],
  body: r.body,
  changeNote: r.change_note,
  basedOn: r.based_on,
  authorId: r.author_id,
  authorName: r.author_name,
  submittedAt: r.submitted_at,
  reviewerId: r.reviewer_id,
  reviewerName: r.reviewer_name,
  reviewedAt: r.reviewed_at,
  reviewComment: r.review_comment,
  forceReason: r.force_reason,
  publishAt: r.publish_at,
  publishedAt: r.published_at,
  publishSeq: r.publish_seq,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  agency: r.agency,
  indexNumber: r.index_number,
});

const SELECT = `SELECT e.*, s.agency, s.index_number, a.name AS author_name, r.name AS reviewer_name
  FROM notice_editions e
  JOIN notice_slugs s ON s.slug = e.slug
  JOIN accounts a ON a.id = e.author_id
  LEFT JOIN accounts r ON r.id = e.reviewer_id`;

/** SQL limiting editions to the agencies an account works for (the notice's agency, notice_slugs). */
const scope = (account: StaffAccount) => agencyScope(account, "s.agency");

export async function editionById(d1: D1Database, id: number): Promise<Edition | null> {
  const row = await d1.prepare(`${SELECT} WHERE e.id = ?`).bind(id).first<Row>();
  return row ? toEdition(row) : null;
}

/** An edition the account may see, or null (another agency's looks the same as none). */
export async function visibleEdition(d1: D1Database, account: StaffAccount, id: number): Promise<Edition | null> {
  const s = scope(account);
  const row = await d1
    .prepare(`${SELECT} WHERE e.id = ? AND ${s.sql}`)
    .bind(id, ...s.values)
    .first<Row>();
  return row ? toEdition(row) : null;
}

/** The current published edition of one language version, if it is in D1. */
export async function publishedEdition(d1: D1Database, slug: string, lang: string): Promise<Edition | null> {
  const row = await d1
    .prepare(`${SELECT} WHERE e.slug = ? AND e.lang = ? AND e.status = 'published'`)
    .bind(slug, lang)
    .first<Row>();
  return row ? toEdition(row) : null;
}

/** Editions the account may see: open ones, and the current published ones. */
export async function staffEditions(d1: D1Database, account: StaffAccount, status?: EditionStatus): Promise<Edition[]> {
  const s = scope(account);
  const which = status ? "e.status = ?" : "e.status <> 'superseded'";
  const { results } = await d1
    .prepare(`${SELECT} WHERE ${which} AND ${s.sql} ORDER BY e.updated_at DESC, e.id DESC LIMIT 500`)
    .bind(...(status ? [status] : []), ...s.values)
    .all<Row>();
  return results.map(toEdition);
}

/** Every edition of a notice, newest first: its history for the dashboard. */
export async function noticeHistory(d1: D1Database, account: StaffAccount, slug: string): Promise<Edition[]> {
  const s = scope(account);
  const { results } = await d1
    .prepare(`${SELECT} WHERE e.slug = ? AND ${s.sql} ORDER BY e.id DESC LIMIT 200`)
    .bind(slug, ...s.values)
    .all<Row>();
  return results.map(toEdition);
}

/** What waits on the account: editions to review, and its agencies' returned ones. */
export async function editionCounts(
  d1: D1Database,
  account: StaffAccount,
): Promise<{ submitted: number; returned: number }> {
  const s = scope(account);
  const row = await d1
    .prepare(
      `SELECT sum(e.status = 'submitted') AS submitted, sum(e.status = 'returned') AS returned
       FROM notice_editions e JOIN notice_slugs s ON s.slug = e.slug WHERE ${s.sql}`,
    )
    .bind(...s.values)
    .first<{ submitted: number | null; returned: number | null }>();
  return { submitted: row?.submitted ?? 0, returned: row?.returned ?? 0 };
}
