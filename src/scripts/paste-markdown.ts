/**
 * Staff write notices in Word or WPS and paste them into the notice editor's
 * Markdown textarea (`<textarea data-paste-markdown>`). Pasting keeps what a
 * reader of the notice would see as structure (headings, lists, tables, bold,
 * italics and safe links) and drops the rest: fonts, colours, images, comments
 * and any raw HTML, which notice pages would otherwise carry or refuse.
 *
 * Word's clipboard HTML is not web HTML: its lists are paragraphs with a typed
 * marker, bold runs are cut wherever the font changes (Chinese and Latin text
 * use different fonts), and its tables have no header cells. Turndown does the
 * conversion; the rules below teach it those habits.
 */
import { tables } from "@joplin/turndown-plugin-gfm";
import TurndownService from "turndown";
import { safeHref } from "../lib/markdown";

/**
 * Nothing inside these is text a reader should see. Images go too: a pasted one is
 * a file: or data: address. Word's o:p fills empty paragraphs; its del holds
 * reviewers' tracked deletions.
 */
const DROPPED = new Set(
  `script style template noscript head title meta link base xml iframe frame object embed applet img picture
   svg math canvas video audio map button input select textarea o:p del`.split(/\s+/),
);

function styleOf(node: Element): string {
  return (node.getAttribute("style") ?? "").toLowerCase().replace(/\s*([:;])\s*/g, "$1");
}

function isDropped(node: Element): boolean {
  const name = node.nodeName.toLowerCase();
  const css = styleOf(node);
  return (
    DROPPED.has(name) ||
    // VML: Word's drawings and the frames of its images.
    name.startsWith("v:") ||
    /(^|;)(display:none|mso-hide:all)/.test(css) ||
    // A list paragraph's typed marker ("1.", "·"): the list rules read it themselves.
    css.includes("mso-list:ignore") ||
    // Comments: the "[A1]" anchors in the text and the list of comments at the end.
    /mso-element:comment|mso-special-character:comment/.test(css) ||
    /^(msocom|MsoCommentReference)/i.test(node.getAttribute("class") ?? "") ||
    (name === "br" && css.includes("page-break")) ||
    // Word closes tables with misaligned columns with a row of empty cells of height 0.
    (name === "tr" && node.getAttribute("height") === "0")
  );
}

/** The typed marker of a Word list paragraph or numbered heading ("1.", "·", "一、"), or "". */
function wordListMarker(node: Element): string {
  const marker = Array.from(node.querySelectorAll("span")).find((span) => styleOf(span).includes("mso-list:ignore"));
  return (marker?.textContent ?? "").replace(/\s+/g, " ").trim();
}

/** The nesting level (1–9) of a paragraph Word made into a list item, or 0. */
function wordListLevel(node: Element | null): number {
  if (node?.nodeName !== "P") return 0;
  const level = /mso-list:l\d+ level(\d)/.exec(styleOf(node))?.[1];
  return level && wordListMarker(node) ? Number(level) : 0;
}

/**
 * The Markdown marker of a Word list paragraph: "- " for any one-character bullet
 * (Word's "·", "o", "§" or a Wingdings glyph), "3. " for an arabic number. Null for
 * numbers Markdown cannot write ("一、", "(1)", "a."): those stay as typed text.
 */
function wordListPrefix(node: Element | null): string | null {
  if (!node || !wordListLevel(node)) return null;
  const marker = wordListMarker(node);
  const number = /^(\d+)[.)．、]?$/.exec(marker)?.[1];
  if (number) return `${Number(number)}. `;
  return [...marker].length === 1 ? "- " : null;
}

/** Spaces before a nested Word list item: its parent item's indent plus the width of the parent's marker. */
function wordListIndent(node: Element): number {
  const level = wordListLevel(node);
  if (level <= 1) return 0;
  for (let prev = node.previousElementSibling; wordListPrefix(prev); prev = prev?.previousElementSibling ?? null) {
    if (prev && wordListLevel(prev) < level) return wordListIndent(prev) + (wordListPrefix(prev)?.length ?? 0);
  }
  return 0;
}

/** Chinese markers ("一、", "（1）") run into the text as typed; Latin ones ("a.") are followed by a space. */
function withMarker(marker: string, text: string): string {
  if (!marker) return text;
  return /[\u3000-\u303f\uff00-\uffef]$/.test(marker) ? marker + text : `${marker} ${text}`;
}

function isHeading(node: Element): boolean {
  return /^H[1-6]$/.test(node.nodeName) || /\bMsoTitle\b/.test(node.getAttribute("class") ?? "");
}

function isBold(node: Element): boolean {
  const css = styleOf(node);
  // Google Docs wraps a whole copied document in <b style="font-weight:normal">.
  if (node.nodeName === "B" || node.nodeName === "STRONG") return !/font-weight:(normal|[1-4]00)/.test(css);
  // WPS often marks bold on the run's style alone.
  return node.nodeName === "SPAN" && /font-weight:(bold|[6-9]00)/.test(css);
}

/** Word marks no header cells: the first row of a table becomes its header, as it looks on paper. */
function isHeaderRow(row: Element): boolean {
  const table = row.closest("table");
  // The plugin writes a one-cell table (a box around text) as plain paragraphs.
  return table?.rows[0] === row && (table.rows.length > 1 || row.children.length > 1);
}

/** Bold already shown by what it is in: a heading, a header cell, an outer bold run. */
function insideBold(node: Element): boolean {
  for (let up = node.parentElement; up; up = up.parentElement) {
    if (isBold(up) || isHeading(up) || up.nodeName === "TH" || (up.nodeName === "TR" && isHeaderRow(up))) return true;
  }
  return false;
}

/**
 * CommonMark does not close `**` just after punctuation when a letter follows, and
 * Chinese puts no space there: "**联系电话：**0837" would show its asterisks. Chinese
 * punctuation at the edges therefore moves outside ("**联系电话**：0837"). English
 * is left alone: a space follows its punctuation.
 */
const EDGE =
  "[\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65\\u2018-\\u201f\\u2026\\u2014]*";
const EDGES = new RegExp(`^(${EDGE})([\\s\\S]*?)(${EDGE})$`);

function delimit(content: string, delimiter: string): string {
  const [, before = "", inner = "", after = ""] = EDGES.exec(content) ?? [];
  return inner.trim() ? `${before}${delimiter}${inner}${delimiter}${after}` : content;
}

/** Text of a block that must stay on one line: a heading, a table cell. Line breaks ("\" + newline) become spaces. */
function oneLine(content: string): string {
  return content.replace(/\\?\n+/g, " ").trim();
}

/**
 * The gfm plugin's table rules, recorded rather than installed so that ours can wrap
 * them; its `keep` (tables it cannot convert stay raw HTML) is never added.
 */
function gfmTableRules(): Map<string, TurndownService.Rule> {
  const rules = new Map<string, TurndownService.Rule>();
  const recorder = new TurndownService();
  recorder.addRule = (key, rule) => {
    rules.set(key, rule);
    return recorder;
  };
  recorder.keep = () => recorder;
  tables(recorder);
  return rules;
}

function createService(): TurndownService {
  const service = new TurndownService({
    headingStyle: "atx",
    bulletListMarker: "-",
    emDelimiter: "*",
    strongDelimiter: "**",
    codeBlockStyle: "fenced",
    hr: "---",
    // A backslash, not two trailing spaces: trailing spaces are trimmed and invisible in the textarea.
    br: "\\",
  });

  // Pasted text that looks like a tag ("<img onerror=…>" quoted in a notice) must stay text.
  const escapeMarkdown = service.escape.bind(service);
  service.escape = (text) => escapeMarkdown(text).replace(/</g, "\\<");

  const gfm = gfmTableRules();
  const plugin = (key: string): TurndownService.ReplacementFunction => {
    const replacement = gfm.get(key)?.replacement;
    if (!replacement) throw new Error(`@joplin/turndown-plugin-gfm has no ${key} rule`);
    return replacement;
  };
  for (const key of ["tableSection", "tableCaption", "tableColgroup"]) {
    const rule = gfm.get(key);
    if (rule) service.addRule(key, rule);
  }
  // A Markdown cell holds one line; Word cells hold paragraphs.
  service.addRule("tableCell", {
    filter: ["th", "td"],
    replacement: (content, node, options) => plugin("tableCell")(oneLine(content), node, options),
  });
  service.addRule("tableRow", {
    filter: "tr",
    replacement: (content, node, options) => {
      const row = plugin("tableRow")(content, node, options);
      // The plugin adds the line under the header only below <th> cells.
      if (!isHeaderRow(node) || !row.startsWith("\n| ") || /\n\| :?-{3}/.test(row)) return row;
      const spans = Array.from(node.children, (cell) => Math.max(Number(cell.getAttribute("colspan")) || 1, 1));
      return `${row}\n|${" --- |".repeat(spans.reduce((sum, span) => sum + span, 0))}`;
    },
  });
  service.addRule("table", {
    filter: "table",
    replacement: (content, node, options) => {
      const table = plugin("table")(content, node, options);
      // The plugin keeps a table holding a list or heading as HTML; the rows are already Markdown.
      if (table.trimStart().startsWith('<div class="joplin-table-wrapper">'))
        return `\n\n${content.replace(/\n+/g, "\n").trim()}\n\n`;
      // The plugin writes a caption as it found it, unescaped.
      const caption = node.querySelector("caption")?.textContent ?? "";
      return caption ? table.replace(caption, () => service.escape(caption)) : table;
    },
  });

  service.addRule("paragraph", {
    filter: "p",
    // Word indents with runs of non-breaking spaces; four of them would start a code block.
    replacement: (content) => `\n\n${content.replace(/^[ \u00a0]+/gm, "")}\n\n`,
  });
  service.addRule("listItem", {
    filter: "li",
    replacement: (content, node) => {
      const list = node.parentElement;
      const start = Number(list?.getAttribute("start") ?? 1);
      const position = (Number.isFinite(start) ? start : 1) + Array.from(list?.children ?? []).indexOf(node);
      // Turndown's own rule writes "-   item"; the notices are written "- item".
      const prefix = list?.nodeName === "OL" ? `${position}. ` : "- ";
      const body = content.replace(/^\n+/, "").replace(/\n+$/, content.endsWith("\n") ? "\n" : "");
      return prefix + body.replace(/\n/g, `\n${" ".repeat(prefix.length)}`) + (node.nextSibling ? "\n" : "");
    },
  });
  service.addRule("wordListParagraph", {
    filter: (node) => wordListLevel(node) > 0,
    replacement: (content, node) => {
      const text = content.trim();
      if (!text) return "";
      const prefix = wordListPrefix(node);
      if (!prefix) return `\n\n${withMarker(service.escape(wordListMarker(node)), text)}\n\n`;
      const indent = " ".repeat(wordListIndent(node));
      const item = indent + prefix + text.replace(/\n/g, `\n${indent}${" ".repeat(prefix.length)}`);
      const before = wordListPrefix(node.previousElementSibling) ? "\n" : "\n\n";
      const after = wordListPrefix(node.nextElementSibling) ? "\n" : "\n\n";
      return before + item + after;
    },
  });
  // The page has its own h1 (the notice's title): Word's Heading 1 becomes ##.
  service.addRule("heading", {
    filter: isHeading,
    replacement: (content, node) => {
      const text = oneLine(withMarker(service.escape(wordListMarker(node)), content));
      if (!text || node.closest("td, th")) return text;
      const level = node.nodeName.startsWith("H") ? Number(node.nodeName.slice(1)) : 1;
      return `\n\n${"#".repeat(Math.min(level + 1, 6))} ${text}\n\n`;
    },
  });
  service.addRule("strong", {
    filter: (node) => node.nodeName === "B" || node.nodeName === "STRONG" || isBold(node),
    replacement: (content, node) => (isBold(node) && !insideBold(node) ? delimit(content, "**") : content),
  });
  service.addRule("emphasis", {
    filter: ["em", "i"],
    replacement: (content) => delimit(content, "*"),
  });
  service.addRule("link", {
    filter: (node) => node.nodeName === "A" && node.hasAttribute("href"),
    replacement: (content, node) => {
      const href = safeHref((node.getAttribute("href") ?? "").trim());
      // "#…" is an anchor in the Word document (its table of contents), not on the notice page.
      if (!href || href.startsWith("#") || !content.trim()) return content;
      return `[${content}](${href.replace(/[()]/g, "\\$&")})`;
    },
  });
  // Added last so it wins over every rule above; turndown's own `remove` loses to its built-in image rule.
  service.addRule("dropped", { filter: isDropped, replacement: () => "" });
  return service;
}

const service = createService();

/** The visible structure of pasted HTML (a clipboard's text/html) as Markdown. */
export function htmlToMarkdown(html: string): string {
  return (
    service
      .turndown(html)
      .replace(/\u00a0/g, " ")
      // Two bold runs side by side ("**2024****年**"): Word cuts a run where the font changes.
      .replace(/(?<=[^\s\\*])\*{4}(?=[^\s*])/g, "")
      // Consecutive line breaks are a paragraph break; a line break ending a paragraph is nothing.
      .replace(/(?:\\\n){2,}/g, "\n\n")
      .replace(/\\\n(?=\n|$)/g, "\n")
      .replace(/(?<=\S) {2,}/g, " ")
      .replace(/[ \t]+$/gm, "")
      .replace(/\n{3,}/g, "\n\n")
      .trim()
  );
}

/** Inserts at the caret, replacing the selection, so that the browser's Undo takes the paste back in one step. */
function insertText(textarea: HTMLTextAreaElement, text: string): void {
  // execCommand is deprecated but still the only edit of a textarea that joins the browser's undo history.
  if (document.execCommand("insertText", false, text)) return;
  textarea.setRangeText(text, textarea.selectionStart, textarea.selectionEnd, "end");
  textarea.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
}

if (typeof document !== "undefined") {
  // One listener for the page, so a textarea the editor adds later (another language) is covered too.
  document.addEventListener("paste", (event) => {
    const textarea = event.target;
    if (!(textarea instanceof HTMLTextAreaElement) || !textarea.matches("[data-paste-markdown]")) return;
    if (textarea.readOnly || textarea.disabled) return;
    const html = event.clipboardData?.getData("text/html");
    if (!html) return;
    const markdown = htmlToMarkdown(html);
    // Only an image, say: the browser's own paste of the plain text does no harm.
    if (!markdown) return;
    event.preventDefault();
    insertText(textarea, markdown);
  });
}
