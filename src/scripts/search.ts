import type { Lang } from "../i18n";
import { formatDate } from "../lib/dates";

/**
 * Notice search in the browser, over the static Pagefind index built with the site.
 * The form is an ordinary GET form, so a search is a shareable address
 * (/search/?q=贷款&topic=employment) and the back button works.
 */

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(query: string | null, options?: { filters?: Record<string, string> }): Promise<PagefindSearch>;
}
interface PagefindSearch {
  results: Array<{ data(): Promise<PagefindResultData> }>;
}

/** Enough to scan on a phone; a narrower search beats a longer page. */
const MAX_RESULTS = 20;
const FILTERS = ["topic", "year", "language"] as const;

let pagefind: Promise<Pagefind> | undefined;

function loadPagefind(): Promise<Pagefind> {
  // The index is written after the bundle is built, so it cannot be bundled: load it by address.
  const url = "/pagefind/pagefind.js";
  pagefind ??= import(/* @vite-ignore */ url).then(async (module: Pagefind) => {
    await module.options({ excerptLength: 24, excerptEllipsis: "…" });
    return module;
  });
  return pagefind;
}

/** Pagefind marks matches with <mark> in otherwise escaped text; keep only those marks. */
function excerptNodes(excerpt: string): Node[] {
  const parts = excerpt.split(/(<mark>.*?<\/mark>)/g);
  return parts.filter(Boolean).map((part) => {
    const match = /^<mark>(.*?)<\/mark>$/.exec(part);
    const text = new DOMParser().parseFromString(match ? (match[1] ?? "") : part, "text/html").body.textContent ?? "";
    if (!match) return document.createTextNode(text);
    const mark = document.createElement("mark");
    mark.textContent = text;
    return mark;
  });
}

const HAN = String.raw`[\p{Script=Han}”’）》」]`;
const MARK = "(?:</?mark>)?";
const BLOCK_END = new RegExp(String.raw`(${HAN}${MARK})\.(?=\s|…|$)\s*`, "gu");
const BLOCK_GAP = new RegExp(String.raw`(${HAN}${MARK})\s+(${MARK}\p{Script=Han})`, "gu");
const AFTER_PUNCTUATION = new RegExp(String.raw`([，。；：！？、“‘（《「]${MARK})\s+`, "gu");

/**
 * Pagefind joins a page's blocks (title, summary, paragraphs, cells) with ". " or a
 * space and cuts excerpts with an ellipsis: right for English, wrong between Chinese
 * sentences. A Chinese excerpt gets 。 between blocks and …… where it is cut.
 */
function chineseExcerpt(excerpt: string): string {
  return excerpt
    .replace(BLOCK_END, "$1。")
    .replace(BLOCK_GAP, "$1。$2")
    .replace(AFTER_PUNCTUATION, "$1")
    .replace(/^…\s*/u, "……")
    .replace(/\s*…$/u, "……");
}

/** The language switch leads to the same search in the other language (the page itself is static). */
function keepQueryInLanguageSwitch(params: URLSearchParams): void {
  const link = document.querySelector<HTMLAnchorElement>("a[data-lang-switch]");
  if (link?.dataset.langSwitch) link.href = `${link.dataset.langSwitch}${params.size ? `?${params}` : ""}`;
}

/**
 * Pagefind has no per-page boost, so notices still in force (or amended) and
 * repealed ones are searched apart and listed in that order, each by relevance.
 */
async function searchCurrentFirst(engine: Pagefind, query: string | null, filters: Record<string, string>) {
  const [current, repealed] = await Promise.all(
    ["yes", "no"].map((current) => engine.search(query, { filters: { ...filters, current } })),
  );
  return [...(current?.results ?? []), ...(repealed?.results ?? [])];
}

export function setUpSearch(): void {
  const form = document.querySelector<HTMLFormElement>("form[data-search]");
  const status = document.querySelector<HTMLElement>("[data-search-status]");
  const list = document.querySelector<HTMLOListElement>("[data-search-results]");
  if (!form || !status || !list) return;
  const text = form.dataset;
  const topicNames = JSON.parse(text.topicNames ?? "{}") as Record<string, string>;
  let latest = 0;

  const render = (results: PagefindResultData[]) => {
    list.replaceChildren(
      ...results.map((r) => {
        const item = document.createElement("li");
        const heading = document.createElement("h2");
        const link = document.createElement("a");
        link.href = r.url;
        link.textContent = r.meta.title ?? r.url;
        if (r.meta.language && r.meta.language !== text.locale) link.lang = r.meta.language;
        heading.appendChild(link);
        const excerpt = document.createElement("p");
        const shown = r.meta.language === "en" ? r.excerpt : chineseExcerpt(r.excerpt);
        for (const node of excerptNodes(shown)) excerpt.appendChild(node);
        if (link.lang) excerpt.lang = link.lang;
        const meta = document.createElement("p");
        meta.className = "result-meta";
        const language = r.meta.language === "en" ? text.inEn : text.inZh;
        const date = r.meta.date ? formatDate(r.meta.date, (text.locale ?? "zh-CN") as Lang) : undefined;
        const topic = r.meta.topic ? topicNames[r.meta.topic] : undefined;
        meta.textContent = [date, topic, language].filter(Boolean).join(" · ");
        // appendChild, not append: the Workers types in this project redefine Element.append.
        item.appendChild(heading);
        item.appendChild(excerpt);
        item.appendChild(meta);
        return item;
      }),
    );
  };

  const run = async () => {
    const data = new FormData(form);
    const query = String(data.get("q") ?? "").trim();
    const filters: Record<string, string> = {};
    for (const name of FILTERS) {
      const value = String(data.get(name) ?? "");
      if (value) filters[name] = value;
    }
    const ticket = ++latest;
    if (!query && Object.keys(filters).length === 0) {
      list.replaceChildren();
      status.textContent = text.empty ?? "";
      return;
    }
    status.textContent = text.loading ?? "";
    try {
      const engine = await loadPagefind();
      const found = await searchCurrentFirst(engine, query || null, filters);
      const results = await Promise.all(found.slice(0, MAX_RESULTS).map((r) => r.data()));
      // A slower earlier search must not overwrite the answer to a later one.
      if (ticket !== latest) return;
      render(results);
      const count = found.length;
      status.textContent =
        count === 0
          ? (text.noResults ?? "")
          : count === 1
            ? (text.resultsOne ?? "")
            : (text.results ?? "").replace("{count}", String(count));
    } catch (error) {
      console.error("search failed", error);
      if (ticket === latest) status.textContent = text.failed ?? "";
    }
  };

  const fromAddress = () => {
    const params = new URLSearchParams(location.search);
    keepQueryInLanguageSwitch(params);
    for (const name of ["q", ...FILTERS]) {
      const field = form.elements.namedItem(name);
      if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = params.get(name) ?? "";
    }
    if ([...params.values()].some(Boolean)) void run();
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (value) params.set(name, String(value));
    history.pushState(null, "", `${location.pathname}${params.size ? `?${params}` : ""}`);
    keepQueryInLanguageSwitch(params);
    void run();
  });
  for (const name of FILTERS) {
    form.querySelector(`[name="${name}"]`)?.addEventListener("change", () => form.requestSubmit());
  }
  window.addEventListener("popstate", fromAddress);
  fromAddress();
}
