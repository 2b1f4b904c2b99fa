import type { EventFrontMatter } from "./schema";

/**
 * An event's front matter with the status county staff gave it in the dashboard
 * (functions/events/changes.ts, read by the build from D1): the status, and their
 * reason as the note beside it. A move to new dates is a change of the sessions; the
 * page can only say "rescheduled" once the file names the start it had before, so until
 * then the event keeps its status and shows the reason.
 */
export function withDashboardStatus(
  data: EventFrontMatter,
  managed: { status: EventFrontMatter["status"]; reason: Record<"zh-CN" | "en", string> },
  lang: "zh-CN" | "en",
): EventFrontMatter {
  const canSay = managed.status !== "rescheduled" || data.previousStart.length > 0;
  const note = managed.reason[lang].trim();
  const next: EventFrontMatter = { ...data, status: canSay ? managed.status : data.status };
  if (note) next.statusNote = note;
  return next;
}
