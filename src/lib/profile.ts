/** Field paths of CertificateFields.astro and their control ids (with the form's prefix), for error summaries. */
export function certificateFieldIds(prefix: string): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const name of ["nameZh", "nameEn", "number", "issuer", "validUntil"]) ids[name] = `${prefix}-${name}`;
  return ids;
}
