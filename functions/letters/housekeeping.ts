import { county } from "../../county.config";
import { addDays, todayInCounty } from "../lib/dates";
import { OVERDUE_MAIL_HOUR, queueOverdueDigest } from "./overdue-mail";
import { isLetterPhotoKey } from "./photos";

/**
 * The hourly cron's part for letters: the morning list of overdue letters for the
 * county office, and the privacy promise. `contactRetentionDays` after a letter was
 * answered or rejected, the writer's name, phone, e-mail and photo are erased
 * (the letter, its reply and its dates stay: they are the county's record and its
 * statistics), and the texts sent about it lose their recipient (outbox.ts).
 */
function countyHour(now: Date): number {
  const local = new Intl.DateTimeFormat("en-GB", { timeZone: county.timeZone, hour: "2-digit", hourCycle: "h23" });
  return Number(local.format(now));
}

export async function letterHousekeeping(env: { DB: D1Database; MEDIA?: R2Bucket }, now: Date = new Date()) {
  const d1 = env.DB;
  const today = todayInCounty(now);
  const before = addDays(today, -county.privacy.contactRetentionDays);
  const { results: photos } = await d1
    .prepare(
      `SELECT id, photo_key FROM letters WHERE erased_at IS NULL AND photo_key IS NOT NULL
         AND status IN ('answered', 'rejected') AND answered_on < ?`,
    )
    .bind(before)
    .all<{ id: number; photo_key: string }>();
  // Pictures first: a letter is marked erased only once its picture is gone.
  const keys = photos.map((p) => p.photo_key).filter(isLetterPhotoKey);
  if (keys.length && env.MEDIA) await env.MEDIA.delete(keys);
  const statements = [
    d1
      .prepare(
        `UPDATE letters SET name = '', phone = '', email = NULL, photo_key = NULL, erased_at = ?1
         WHERE erased_at IS NULL AND status IN ('answered', 'rejected') AND answered_on < ?2
           AND (photo_key IS NULL OR ?3)`,
      )
      .bind(now.toISOString(), before, env.MEDIA ? 1 : 0),
    d1.prepare(
      `UPDATE outbox SET recipient = '', params = '{}',
              last_error = CASE WHEN status IN ('pending', 'sending') THEN 'erased' ELSE last_error END,
              status = CASE WHEN status IN ('pending', 'sending') THEN 'failed' ELSE status END
        WHERE recipient <> '' AND letter_id IN (SELECT id FROM letters WHERE erased_at IS NOT NULL)`,
    ),
  ];
  if (countyHour(now) >= OVERDUE_MAIL_HOUR) statements.push(queueOverdueDigest(d1, today, now));
  const [erased, , digest] = await d1.batch(statements);
  return { erasedLetters: erased?.meta.changes ?? 0, overdueDigests: digest?.meta.changes ?? 0 };
}
