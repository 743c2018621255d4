/**
 * Saved text -> Markdown that renders as exactly that text. Markdown-it (CommonMark + tables +
 * strikethrough, `html: true` as the theme uses it) would otherwise read the saved words as markup:
 * `<script>` as raw HTML, `*x*` as emphasis, `# x` as a heading, `1. x` as a list, `a | b` over
 * `--- | ---` as a table, `&amp;` as an entity, `{{ x }}` as a Liquid/Nunjucks tag when the site
 * pre-processes Markdown with a template engine.
 *
 * Backslash escapes are used throughout (CommonMark: any ASCII punctuation may be escaped and renders
 * as itself), so the Markdown stays readable for a person editing it later.
 */

/** Escaped anywhere in a line. */
const INLINE = /[\\`*_[\]<|~]/g;
/** `&` that would start an entity reference (`&amp;`, `&#60;`, `&#x3C;`). */
const ENTITY = /&(?=#?[0-9a-zA-Z]+;)/g;
/**
 * `{{`, `{%`, `{#`: template-engine delimiters (Liquid, Nunjucks). The backslash goes AFTER the `{`
 * so that no `{{` / `{%` pair survives in the file ("{\{ x }}" renders as "{{ x }}").
 */
const TEMPLATE = /\{(?=[{%#])/g;
/** `!` before an (escaped) `[`: harmless, but keeps `![` from ever reading as an image. */
const BANG = /!(?=\\\[)/g;

/** Escape one line of text (no newlines) so it renders as itself, wherever it sits in a paragraph. */
export function escapeMarkdownLine(line: string): string {
  let s = line
    .replace(INLINE, "\\$&")
    .replace(ENTITY, "\\&")
    .replace(TEMPLATE, "{\\")
    .replace(BANG, "\\!");
  // Line-start constructs: ATX headings, block quotes, bullet lists / thematic breaks / setext
  // underlines (`-`, `+`, `=`), ordered lists (`1.`, `1)`).
  s = s.replace(/^[#>+=-]/, "\\$&");
  s = s.replace(/^(\d{1,9})([.)])/, "$1\\$2");
  return s;
}

/** A paragraph (lines joined by "\n") as Markdown. Leading/trailing spaces of lines are dropped. */
export function escapeMarkdownParagraph(paragraph: string): string {
  return paragraph
    .split("\n")
    .map((line) => escapeMarkdownLine(line.trim()))
    .filter((line) => line !== "")
    .join("\n");
}

/** The body: paragraphs separated by blank lines, ending with one newline (or "" when empty). */
export function paragraphsToMarkdown(paragraphs: readonly string[]): string {
  const parts = paragraphs.map(escapeMarkdownParagraph).filter((p) => p !== "");
  return parts.length > 0 ? parts.join("\n\n") + "\n" : "";
}
