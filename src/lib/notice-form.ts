/**
 * A notice's front matter as the editor form's field values (`validity.status`,
 * `tags` as one line), the names the API's errors use too.
 */
export function flatValues(data: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined || value === null) continue;
    if (key === "tags" && Array.isArray(value)) out.tags = value.join(", ");
    else if (key === "validity" && typeof value === "object") {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[`validity.${k}`] = String(v);
    } else if (typeof value === "string" || typeof value === "number") out[key] = String(value);
  }
  return out;
}
