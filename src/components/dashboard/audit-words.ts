import type { AuditRow } from "@functions/db/audit";
import { categoryName } from "@functions/lib/categories";
import { countyDateTime } from "@functions/lib/dates";
import { county } from "../../../county.config";
import { type Lang, useStrings } from "../../i18n";
import { formatFen } from "../../lib/format";

/**
 * An audit entry in the admin's words: what was done, to what, and each value
 * before and after, labelled. The log stores machine names and JSON so that it
 * stays exact; this is only how it reads. An action or field this table does
 * not know yet is shown by its stored name rather than hidden.
 */
interface AuditChange {
  label: string;
  before?: string | undefined;
  after?: string | undefined;
}

export interface AuditWords {
  action: string;
  target: string;
  changes: AuditChange[];
}

const BOOLEAN = new Set(["active", "verified", "otherSessionsEnded"]);
const MONEY = new Set(["priceFen", "priceYuan"]);
const MONTHS = new Set(["months", "seasonMonths"]);
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** Where the words of a target's statuses are (a booking's, unless named here). */
const STATUS_WORDS: Record<string, string> = { order: "orders", event: "events" };

function parse(json: string | null): Record<string, unknown> | undefined {
  if (!json) return undefined;
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    return { value: json };
  }
}

export function auditWords(row: AuditRow, locale: Lang): AuditWords {
  const strings = useStrings(locale) as (key: string) => string | undefined;
  const say = (key: string, fallback: string) => strings(key) ?? fallback;
  const list = (items: string[]) => items.join(locale === "en" ? ", " : "、");

  const value = (key: string, v: unknown): string => {
    if (v === null || v === undefined || v === "") return "—";
    if (BOOLEAN.has(key)) return say(v === true || v === 1 ? "dash.audit.yes" : "dash.audit.no", String(v));
    if (MONEY.has(key) && typeof v === "number") return formatFen(v, locale);
    if (MONTHS.has(key) && typeof v === "number") {
      if ((v & 4095) === 4095) return say("dash.audit.allYear", "4095");
      const months = Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => v & (1 << (m - 1)));
      return list(months.map(String));
    }
    if (key === "status" && typeof v === "string") {
      return strings(`${STATUS_WORDS[row.targetType] ?? "booking"}.status.${v}`) ?? v;
    }
    if (key === "role" && typeof v === "string") return say(`dash.role.${v}`, v);
    if (key === "category" && typeof v === "string") return categoryName(v, locale);
    if (typeof v === "string" && TIMESTAMP.test(v)) return `${countyDateTime(v)} ${county.timeZoneAbbreviation}`;
    if (Array.isArray(v)) return v.length === 0 ? "—" : list(v.map((item) => value(key, item)));
    if (typeof v === "object") {
      return list(Object.entries(v as Record<string, unknown>).map(([k, x]) => `${field(k)} ${value(k, x)}`));
    }
    return String(v);
  };
  const field = (key: string) => say(`dash.audit.field.${key}`, key);

  const before = parse(row.before);
  const after = parse(row.after);
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const changes: AuditChange[] = [];
  for (const key of keys) {
    const was = before && key in before ? value(key, before[key]) : undefined;
    const now = after && key in after ? value(key, after[key]) : undefined;
    // An edit form sends every field; only the ones that changed are news.
    if (was !== undefined && was === now) continue;
    changes.push({ label: field(key), before: was, after: now });
  }
  return {
    action: say(`dash.audit.do.${row.action}`, row.action),
    target: `${say(`dash.audit.type.${row.targetType}`, row.targetType)} ${row.targetId}`.trim(),
    changes,
  };
}
