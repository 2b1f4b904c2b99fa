import { county } from "../../county.config";
import { todayInCounty } from "../lib/dates";
import type { Lang } from "../lib/lang";
import { derivedToken, sameDigest, sha256Hex } from "../lib/tokens";
import { workingDaysBetween } from "../lib/working-days";
import type { LinkKeys } from "../messages/texts";
import { LETTER_TYPES, type LetterType } from "./model";
import { type LetterRow, type LetterView, letterLinks, letterView } from "./present";

export type { LetterView };

/** A letter for its writer (reference + token); null when either is wrong. */
export async function findLetter(d1: D1Database, reference: string, token: string): Promise<LetterView | null> {
  const row = await letterRow(d1, reference);
  if (!row || !sameDigest(await sha256Hex(token), row.token_hash)) return null;
  return letterView(row);
}

export function letterRow(d1: D1Database, reference: string): Promise<LetterRow | null> {
  return d1
    .prepare("SELECT * FROM letters WHERE reference = ?")
    .bind(reference.trim().toUpperCase())
    .first<LetterRow>();
}

/** The link a text carries: the token the letter was issued with, whichever key made it. */
export async function letterLink({ keys, db }: LinkKeys, reference: string, lang: Lang): Promise<string> {
  const stored = await db
    .prepare("SELECT token_hash FROM letters WHERE reference = ?")
    .bind(reference)
    .first<string>("token_hash");
  const token = await derivedToken(keys, "letter", reference, stored);
  return new URL(letterLinks(reference, token, lang).page, county.siteUrl).href;
}

/** A published letter: only what the county published, never who wrote it. */
export interface PublishedLetter {
  reference: string;
  type: LetterType;
  subject: string;
  message: string;
  reply: string;
  township: string | null;
  agency: string | null;
  receivedOn: string;
  answeredOn: string;
  publishedOn: string;
}

export interface PublishedFilter {
  type?: LetterType | undefined;
  agency?: string | undefined;
  year?: number | undefined;
  page?: number | undefined;
}

export const PAGE_SIZE = 20;

export async function publishedLetters(
  d1: D1Database,
  f: PublishedFilter,
): Promise<{ letters: PublishedLetter[]; total: number; years: number[] }> {
  const where = ["published_on IS NOT NULL"];
  const values: unknown[] = [];
  if (f.type) {
    where.push("type = ?");
    values.push(f.type);
  }
  if (f.agency) {
    where.push("agency = ?");
    values.push(f.agency);
  }
  if (f.year) {
    where.push("substr(received_on, 1, 4) = ?");
    values.push(String(f.year));
  }
  const page = Math.max(1, f.page ?? 1);
  const clause = where.join(" AND ");
  const [rows, count, years] = await d1.batch([
    d1
      .prepare(
        `SELECT reference, type, published_subject AS subject, published_message AS message, published_reply AS reply,
                township, agency, received_on AS receivedOn, answered_on AS answeredOn, published_on AS publishedOn
         FROM letters WHERE ${clause} ORDER BY published_on DESC, id DESC LIMIT ? OFFSET ?`,
      )
      .bind(...values, PAGE_SIZE, (page - 1) * PAGE_SIZE),
    d1.prepare(`SELECT count(*) AS n FROM letters WHERE ${clause}`).bind(...values),
    d1.prepare(
      "SELECT DISTINCT CAST(substr(received_on, 1, 4) AS INTEGER) AS y FROM letters WHERE published_on IS NOT NULL ORDER BY y DESC",
    ),
  ]);
  return {
    letters: (rows?.results ?? []) as unknown as PublishedLetter[],
    total: Number((count?.results[0] as { n: number } | undefined)?.n ?? 0),
    years: ((years?.results ?? []) as { y: number }[]).map((r) => r.y),
  };
}

interface LetterCounts {
  received: number;
  answered: number;
  onTime: number;
  /** Working days from receipt to the reply, over the month's answered letters. */
  avgWorkingDays: number | null;
}

export interface LetterMonth extends LetterCounts {
  month: string;
  byType: Record<LetterType, LetterCounts>;
  byAgency: Record<string, LetterCounts>;
}

interface StatRow {
  type: LetterType;
  agency: string | null;
  status: string;
  received_on: string;
  answered_on: string | null;
  due_by: string;
  extended_to: string | null;
}

const empty = (): LetterCounts & { days: number } => ({
  received: 0,
  answered: 0,
  onTime: 0,
  avgWorkingDays: null,
  days: 0,
});

/**
 * Monthly figures, newest month first: letters received in the month, how many of them
 * are answered, how many on time (by the deadline in force, extensions included), and
 * the average working days to the reply. Rejected letters count as received only.
 * One year, or the last 12 months.
 */
export async function letterStats(d1: D1Database, year?: number, today?: string): Promise<LetterMonth[]> {
  const { results } = year
    ? await d1
        .prepare(
          "SELECT type, agency, status, received_on, answered_on, due_by, extended_to FROM letters WHERE substr(received_on, 1, 4) = ?",
        )
        .bind(String(year))
        .all<StatRow>()
    : await d1
        .prepare(
          "SELECT type, agency, status, received_on, answered_on, due_by, extended_to FROM letters WHERE received_on >= ?",
        )
        .bind(twelveMonthsBack(today))
        .all<StatRow>();
  const months = new Map<
    string,
    {
      all: ReturnType<typeof empty>;
      byType: Map<string, ReturnType<typeof empty>>;
      byAgency: Map<string, ReturnType<typeof empty>>;
    }
  >();
  for (const r of results) {
    const month = r.received_on.slice(0, 7);
    let m = months.get(month);
    if (!m) {
      m = { all: empty(), byType: new Map(), byAgency: new Map() };
      months.set(month, m);
    }
    const buckets = [m.all, bucket(m.byType, r.type)];
    if (r.agency) buckets.push(bucket(m.byAgency, r.agency));
    for (const b of buckets) add(b, r);
  }
  return [...months.entries()]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([month, m]) => ({
      month,
      ...finish(m.all),
      byType: Object.fromEntries(LETTER_TYPES.map((t) => [t, finish(m.byType.get(t) ?? empty())])) as Record<
        LetterType,
        LetterCounts
      >,
      byAgency: Object.fromEntries([...m.byAgency.entries()].sort().map(([k, v]) => [k, finish(v)])),
    }));
}

function bucket(map: Map<string, ReturnType<typeof empty>>, key: string) {
  let b = map.get(key);
  if (!b) {
    b = empty();
    map.set(key, b);
  }
  return b;
}

function add(b: ReturnType<typeof empty>, r: StatRow) {
  b.received++;
  if (r.status !== "answered" || !r.answered_on) return;
  b.answered++;
  if (r.answered_on <= (r.extended_to ?? r.due_by)) b.onTime++;
  b.days += workingDaysBetween(r.received_on, r.answered_on);
}

function finish(b: ReturnType<typeof empty>): LetterCounts {
  return {
    received: b.received,
    answered: b.answered,
    onTime: b.onTime,
    avgWorkingDays: b.answered ? Math.round((b.days / b.answered) * 10) / 10 : null,
  };
}

function twelveMonthsBack(today = todayInCounty()): string {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const back = new Date(Date.UTC(y, m - 12, 1));
  return back.toISOString().slice(0, 10);
}
