import { county } from "../../county.config";
import { localePath } from "../lib/lang";
import type { Mailer } from "../messages/deliver-email";
import { enqueueSelected } from "../messages/outbox";
import { agencyName } from "./model";

/**
 * Every morning the county office (each active admin) gets one e-mail listing the
 * letters past their deadline, through the outbox: the row is queued by the hourly
 * housekeeping from the county's morning hour on, once per admin and county day, and
 * the list itself is read when the mail is sent, so it is never stale. Subjects and
 * agencies only: the writers' details stay behind the dashboard's sign-in.
 */
export const OVERDUE_MAIL_KIND = "letters-overdue";
/** The county hour (0-23) from which the day's list is queued. */
export const OVERDUE_MAIL_HOUR = 8;

export function queueOverdueDigest(d1: D1Database, today: string, now: Date): D1PreparedStatement {
  return enqueueSelected(
    d1,
    { channel: "email", kind: OVERDUE_MAIL_KIND, due: now },
    {
      sql: `SELECT a.email AS recipient, 'zh-CN' AS lang, json_object('day', ?) AS params, NULL AS booking_id, NULL AS order_id
            FROM accounts a
            WHERE a.role = 'admin' AND a.disabled_at IS NULL AND a.password_hash IS NOT NULL
              AND EXISTS (SELECT 1 FROM letters WHERE status IN ('received', 'accepted') AND coalesce(extended_to, due_by) < ?)
              AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.kind = '${OVERDUE_MAIL_KIND}' AND o.recipient = a.email
                                AND json_extract(o.params, '$.day') = ?)
            ORDER BY a.id`,
      values: [today, today, today],
    },
  );
}

interface Overdue {
  reference: string;
  subject_len: number;
  type: string;
  agency: string | null;
  deadline: string;
}

function composeOverdueDigest(letters: Overdue[], day: string): { subject: string; text: string } {
  const link = new URL("/dashboard/letters/?status=overdue", county.siteUrl).href;
  const linkEn = new URL(localePath("en", "/dashboard/letters/?status=overdue"), county.siteUrl).href;
  const n = letters.length;
  const line = (l: Overdue, en: boolean) =>
    `${l.reference} · ${en ? "due" : "期限"} ${l.deadline} · ${agencyName(l.agency, en ? "en" : "zh-CN") || (en ? "not yet assigned" : "待分办")}`;
  const text = [
    `${county.authority.operator["zh-CN"]}：`,
    "",
    `截至 ${day}，有 ${n} 封群众来信已超过答复期限：`,
    "",
    ...letters.map((l) => line(l, false)),
    "",
    `请登录工作台处理：${link}`,
    "",
    "----",
    "",
    `As of ${day}, ${n} residents' ${n === 1 ? "letter is" : "letters are"} past the reply deadline:`,
    "",
    ...letters.map((l) => line(l, true)),
    "",
    `Sign in to the dashboard: ${linkEn}`,
    "",
    `— ${county.name["zh-CN"]} / ${county.name.en}`,
  ].join("\n");
  return { subject: `超期来信 ${n} 封 · ${n} overdue ${n === 1 ? "letter" : "letters"} (${day})`, text };
}

/** The morning list: one e-mail per admin for the claimed rows, with the letters overdue at sending time. */
export const overdueMailer: Mailer = {
  from: { email: county.orderMail.from, name: county.authority.operator["zh-CN"] },
  async compose(d1, messages) {
    const [first] = messages;
    if (!first) return null;
    const day = first.params.day ?? "";
    const { results } = await d1
      .prepare(
        `SELECT reference, type, agency, coalesce(extended_to, due_by) AS deadline, length(subject) AS subject_len
         FROM letters WHERE status IN ('received', 'accepted') AND coalesce(extended_to, due_by) < ?
         ORDER BY deadline, id LIMIT 200`,
      )
      .bind(day)
      .all<Overdue>();
    if (results.length === 0) return null;
    return { mail: composeOverdueDigest(results, day), about: messages };
  },
};
