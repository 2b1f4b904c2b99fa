/**
 * UI string entries `prefix.key` from a table of labels whose one home is
 * elsewhere (the status labels in functions/), to spread into a locale's strings.
 */
export function keyed<P extends string, K extends string>(
  prefix: P,
  labels: Record<K, string>,
): Record<`${P}.${K}`, string> {
  return Object.fromEntries(
    Object.entries<string>(labels).map(([key, label]) => [`${prefix}.${key}`, label]),
  ) as Record<`${P}.${K}`, string>;
}
