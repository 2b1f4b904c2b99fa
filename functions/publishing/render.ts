import MarkdownIt from "markdown-it";
import { safeHref } from "../lib/safe-href";

/**
 * The body of a notice written in the dashboard, to HTML: the same function at build
 * (src/collections/notices.ts) and when the Worker serves a newer edition on demand, so
 * both show the same page. Staff paste from Word and the web, so nothing they paste is
 * trusted: raw HTML is shown as text, links that are not http(s), mailto, tel or this
 * site become plain text, and images are not rendered (attachments carry files).
 * Headings start at <h2> ("##", as in content/notices): the page's own <h1> is the title,
 * so a "#" heading is shown as <h2> too.
 */
const md = new MarkdownIt({ html: false, linkify: false, typographer: false, breaks: false });
// A picture in the text would load from wherever it points: only its description is shown.
md.renderer.rules.image = (tokens, idx) => md.utils.escapeHtml(tokens[idx]?.content ?? "");
md.validateLink = (url) => safeHref(url) !== null;

md.core.ruler.push("no_second_h1", (state) => {
  for (const token of state.tokens) {
    if (token.type === "heading_open" || token.type === "heading_close") {
      const level = Math.max(2, Number(token.tag.slice(1)));
      token.tag = `h${level}`;
    }
  }
});

const defaultLinkOpen =
  md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (token && /^https?:/i.test(String(token.attrGet("href") ?? "")))
    token.attrSet("rel", "noopener noreferrer nofollow");
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderNoticeBody(markdown: string): string {
  return md.render(markdown);
}
