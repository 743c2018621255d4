/**
 * The copy of a built page that Pagefind indexes (never written to the site). One pass over the
 * HTML with a small tokenizer, no DOM:
 * - every text node is run through `normalizeArabic`, except text inside elements that carry
 *   `data-pagefind-filter` or `data-pagefind-meta` (filter values and metadata stay as written);
 * - `<footer>` elements inside the `data-pagefind-body` element become `<div>`s, because Pagefind
 *   skips footers and the theme's tag list is one;
 * - the original text of the indexed region is collected and attached as the metadata field
 *   `text`, so the browser can show (and highlight) the words as written, not their normalised form.
 * Pages without `data-pagefind-body` are not indexed (`prepareForIndex` returns undefined).
 */
import { escapeHtml } from "../html.js";
import { normalizeArabic } from "./normalize.js";

export interface PreparedPage {
  /** HTML for Pagefind: normalised text, original metadata and filters. */
  html: string;
  /** Original text of the indexed region, whitespace collapsed. */
  text: string;
}

/** Metadata field holding the original text (read by search.js). */
export const TEXT_META = "text";

const TOKEN =
  /<!--[\s\S]*?-->|<(script|style|textarea|template)\b[^>]*>[\s\S]*?<\/\1\s*>|<\/?[A-Za-z][^\s/>]*(?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*\/?>|<![^>]*>|[^<]+|</g;
const TAG_NAME = /^<\/?([A-Za-z][^\s/>]*)/;
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
/** Elements whose boundaries separate words in the extracted text. */
const BLOCK = new Set([
  "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
  "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
  "td", "th", "tr", "ul",
]);
/** Elements Pagefind never indexes; their text is left out of the extracted text too. */
const SKIPPED = new Set(["script", "style", "noscript", "template", "svg", "form", "textarea", "select", "button"]);

interface Open {
  name: string;
  /** The data-pagefind-body element itself. */
  root: boolean;
  ignore: boolean;
  keep: boolean;
  renamed: boolean;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Decode the character references Eleventy and markdown-it write. Unknown named ones stay. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

const BODY_ATTR = /\sdata-pagefind-body(?=[\s=/>])/i;
const IGNORE_ATTR = /\sdata-pagefind-ignore(?=[\s=/>])/i;
const KEEP_ATTR = /\sdata-pagefind-(?:filter|meta)(?=[\s=/>])/i;
const BODY_TAG = /<[A-Za-z][^\s/>]*\s[^>]*?data-pagefind-body(?=[\s=/>])/i;
const HTML_TAG = /<html\b[^>]*>/i;

/**
 * Build the index copy of one page (see the module comment), or undefined without a search body.
 * Only the `data-pagefind-body` element is handed on (inside the page's own `<html>` tag, which
 * carries the language): Pagefind ignores the rest of such a page anyway, and the copy is a
 * third of the page's size, which matters at 10,000 articles.
 */
export function prepareForIndex(html: string): PreparedPage | undefined {
  const bodyAt = html.search(BODY_TAG);
  if (bodyAt < 0) return undefined;
  const htmlTag = HTML_TAG.exec(html)?.[0] ?? "<html>";
  const out: string[] = [`<!doctype html>${htmlTag}<body>`];
  const text: string[] = [];
  const stack: Open[] = [];
  let ignored = 0;
  let kept = 0;

  const pop = (name: string): Open | undefined => {
    let at = stack.length - 1;
    while (at >= 0 && stack[at].name !== name) at--;
    if (at < 0) return undefined;
    const closed = stack.splice(at);
    for (const o of closed) {
      if (o.ignore) ignored--;
      if (o.keep) kept--;
    }
    return closed[0];
  };

  TOKEN.lastIndex = bodyAt;
  for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
    const token = match[0];
    if (token[0] !== "<" || token === "<") {
      out.push(kept > 0 ? token : normalizeArabic(token));
      if (ignored === 0) text.push(decodeEntities(token));
      continue;
    }
    if (match[1] || token[1] === "!") {
      out.push(token); // comments, script/style bodies
      continue;
    }
    const name = (TAG_NAME.exec(token)?.[1] ?? "").toLowerCase();
    if (BLOCK.has(name)) text.push(" ");
    if (token[1] === "/") {
      const open = pop(name);
      if (open?.root) {
        out.push(metaSpan(text), token, "</body></html>");
        return { html: out.join(""), text: collapse(text) };
      }
      out.push(open?.renamed ? "</div>" : token);
      continue;
    }
    if (VOID.has(name) || token.endsWith("/>")) {
      out.push(token);
      continue;
    }
    const open: Open = {
      name,
      root: stack.length === 0 && BODY_ATTR.test(token),
      ignore: IGNORE_ATTR.test(token) || SKIPPED.has(name),
      keep: KEEP_ATTR.test(token),
      renamed: name === "footer",
    };
    stack.push(open);
    if (open.ignore) ignored++;
    if (open.keep) kept++;
    out.push(open.renamed ? `<div${token.slice("<footer".length)}` : token);
  }
  // The body element was never closed: index what there is.
  out.push(metaSpan(text), "</body></html>");
  return { html: out.join(""), text: collapse(text) };
}

function collapse(parts: string[]): string {
  return parts.join("").replace(/\s+/g, " ").trim();
}

function metaSpan(text: string[]): string {
  return `<span data-pagefind-meta="${TEXT_META}[data-akhbar-text]" data-akhbar-text="${escapeHtml(collapse(text))}"></span>`;
}
