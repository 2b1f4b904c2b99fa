import { z } from "zod";
import townships from "../../content/taxonomy/townships.json";
import { county } from "../../county.config";
import type { LetterStatus, LetterType } from "../db/schema";
import type { Lang } from "../lib/lang";
import { addWorkingDays } from "../lib/working-days";

export {
  LETTER_STATUSES,
  LETTER_TYPES,
  type LetterStatus,
  type LetterType,
  REJECT_REASONS,
  type RejectReason,
} from "../db/schema";
export { AGENCY_KEYS, agencyName } from "../lib/agencies";

/**
 * The words of letters that are content: townships (content/taxonomy/townships.json,
 * checked at build by src/collections/townships.ts) and agencies (agencies.json), and
 * the county's time limits per letter type (county.config.ts `letters`).
 */
type Names = Record<string, { "zh-CN": string; en: string }>;

/** The shape of townships.json, for the build's check. */
export const townshipFile = z
  .record(
    z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "a township key is lower-case words joined by hyphens" }),
    z.strictObject({ "zh-CN": z.string().trim().min(1).max(40), en: z.string().trim().min(1).max(80) }),
  )
  .refine((all) => Object.keys(all).length > 0, { error: "name at least one township" });

export const TOWNSHIP_KEYS: readonly string[] = Object.keys(townships);
export function townshipName(key: string | null, lang: Lang): string {
  return key ? ((townships as Names)[key]?.[lang] ?? key) : "";
}

export function replyDays(type: LetterType): number {
  return county.letters.replyDays[type];
}

/** The working day a reply to a letter of `type` received on `receivedOn` is due by. */
export function dueDate(type: LetterType, receivedOn: string): string {
  return addWorkingDays(receivedOn, replyDays(type));
}

/** Still waiting for its reply: what deadlines and the overdue list are about. */
export function isOpen(status: LetterStatus): boolean {
  return status === "received" || status === "accepted";
}

/** The deadline in force: the extension's, else the first. */
export function deadline(l: { dueBy: string; extendedTo: string | null }): string {
  return l.extendedTo ?? l.dueBy;
}

export function isOverdue(l: { status: LetterStatus; dueBy: string; extendedTo: string | null }, today: string) {
  return isOpen(l.status) && today > deadline(l);
}
