import { safeHref } from "@functions/lib/safe-href";

export { safeHref };

/**
 * Product and cooperative descriptions are written by cooperatives, not by
 * county staff, so they are rendered from a deliberately small Markdown
 * subset with no raw HTML at all: every character of the source is escaped,
 * and only paragraphs, lists, **strong**, *emphasis*, `code` and links to
 * http(s), mailto, tel or this site become markup. Anything else stays text.
 */
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const INLINE = /\[([^\]\n]{1,200})\]\(([^)\s]{1,500})\)|\*\*([^*\n]+)\*\*|\*([^*\n]+)\*|`([^`\n]+)`/g;

function inline(raw: string): string {
  let out = "";
  let last = 0;
  for (const m of raw.matchAll(INLINE)) {
    out += escapeHtml(raw.slice(last, m.index));
    last = m.index + m[0].length;
    const [, label, url, strong, em, code] = m;
    if (label !== undefined && url !== undefined) {
      const href = safeHref(url);
      const external = href !== null && /^https?:/i.test(href);
      out += href
        ? `<a href="${escapeHtml(href)}"${external ? ' rel="noopener noreferrer nofollow"' : ""}>${escapeHtml(label)}</a>`
        : escapeHtml(label);
    } else if (strong !== undefined) out += `<strong>${escapeHtml(strong)}</strong>`;
    else if (em !== undefined) out += `<em>${escapeHtml(em)}</em>`;
    else if (code !== undefined) out += `<code>${escapeHtml(code)}</code>`;
  }
  return out + escapeHtml(raw.slice(last));
}

const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;
const HEADING = /^#{1,6}\s+(.*)$/;

/** Markdown subset to HTML that is safe to insert with set:html. */
export function renderMarkdown(source: string): string {
  const blocks = source.replace(/\r\n?/g, "\n").split(/\n\s*\n/);
  return blocks
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => {
      const lines = block.split("\n");
      if (lines.every((l) => BULLET.test(l))) {
        return `<ul>${lines.map((l) => `<li>${inline(l.replace(BULLET, "$1"))}</li>`).join("")}</ul>`;
      }
      if (lines.every((l) => NUMBERED.test(l))) {
        return `<ol>${lines.map((l) => `<li>${inline(l.replace(NUMBERED, "$1"))}</li>`).join("")}</ol>`;
      }
      // Headings would break the page's outline: they become bold paragraphs.
      const heading = block.match(HEADING);
      if (heading && lines.length === 1) return `<p><strong>${inline(heading[1] ?? "")}</strong></p>`;
      return `<p>${lines.map(inline).join("<br>")}</p>`;
    })
    .join("\n");
}

/** Plain text of a description, for meta descriptions and card summaries. */
export function markdownText(source: string, max = 160): string {
  const text = source
    .replace(INLINE, (_, label, _url, strong, em, code) => label ?? strong ?? em ?? code ?? "")
    .replace(/^\s*([-*]|\d{1,3}[.)]|#{1,6})\s+/gm, "")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
