import type { EventDetail } from "@functions/events/queries";
import { type StatusInput, StatusRequest } from "@functions/events/schema";
import type { Lang } from "@functions/lib/lang";
import { parseInput } from "@functions/lib/validate";

/**
 * The first step of a status change on an event's dashboard page: a GET form (status,
 * reasons, and new days and times for a rescheduled event's sessions) read back from
 * the address, checked with the API's own schema, so the page can show what the change
 * would do before staff confirm it with a POST to the API. Only sessions whose day or
 * times were changed travel, and only when the event is rescheduled.
 */
export interface StatusStep {
  /** The person asked to see the change's effect (`step=check`). */
  checking: boolean;
  values: Record<string, string>;
  /** Messages by the field's control id. */
  errors: Record<string, string>;
  /** The checked request, when it is valid. */
  input: StatusInput | null;
  /** The control id of each session's new-date fields, by session id. */
  ids: Record<string, string>;
  /** The control ids of the moved sessions, in the order of the request's `sessions`. */
  moved: string[];
}

/** Messages of the API's field paths (`sessions.0.date`) by the page's control ids. */
export function errorsByControl(errors: Array<{ field: string; message: string }>, moved: string[]) {
  const out: Record<string, string> = {};
  for (const e of errors) {
    const m = /^sessions\.(\d+)\.(date|startTime|endTime|id)$/.exec(e.field);
    const at = m ? moved[Number(m[1])] : undefined;
    const part = m?.[2] === "startTime" ? "start" : m?.[2] === "endTime" ? "end" : "date";
    out[at ? `${at}-${part}` : e.field] ??= e.message;
  }
  return out;
}

const control = (i: number) => `n-${i}`;

export function readStatusStep(params: URLSearchParams, event: EventDetail, locale: Lang): StatusStep {
  const values: Record<string, string> = {};
  for (const name of ["status", "reasonZh", "reasonEn"]) values[name] = (params.get(name) ?? "").slice(0, 500);
  const ids: Record<string, string> = {};
  const moves: Array<{ id: string; date: string; startTime: string; endTime: string; at: string }> = [];
  event.sessions.forEach((s, i) => {
    ids[s.id] = control(i);
    const at = control(i);
    const given = {
      date: (params.get(`${at}-date`) ?? s.date).trim(),
      startTime: (params.get(`${at}-start`) ?? s.startTime).trim(),
      endTime: (params.get(`${at}-end`) ?? s.endTime).trim(),
    };
    values[`${at}-date`] = given.date;
    values[`${at}-start`] = given.startTime;
    values[`${at}-end`] = given.endTime;
    const changed = given.date !== s.date || given.startTime !== s.startTime || given.endTime !== s.endTime;
    if (changed && !s.cancelled) moves.push({ id: s.id, ...given, at });
  });
  const checking = params.get("step") === "check";
  const moved = moves.map((m) => m.at);
  if (!checking) return { checking, values, errors: {}, input: null, ids, moved };
  const rescheduled = values.status === "rescheduled";
  const body: Record<string, unknown> = { status: values.status || undefined };
  if (values.reasonZh) body.reasonZh = values.reasonZh;
  if (values.reasonEn) body.reasonEn = values.reasonEn;
  if (rescheduled && moves.length > 0) body.sessions = moves.map(({ at: _, ...m }) => m);
  const parsed = parseInput(StatusRequest, body, locale);
  if (parsed.ok) return { checking, values, errors: {}, input: parsed.data, ids, moved };
  return { checking, values, errors: errorsByControl(parsed.errors, moved), input: null, ids, moved };
}
