/** A link target people can follow safely, or null. Relative links must stay on this site. */
export function safeHref(url: string): string | null {
  // Browsers strip tabs and newlines inside URLs ("java\tscript:"), so any of them is refused.
  if (/[\s\\]/.test(url) || [...url].some((ch) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127)) return null;
  if (/^(https?:\/\/[^/]|mailto:[^/]|tel:\+?[\d-]+$)/i.test(url)) return url;
  if (/^\/(?!\/)/.test(url) || url.startsWith("#")) return url;
  return null;
}
