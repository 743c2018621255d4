/**
 * The markdown-it instance the theme renders article bodies with: Eleventy's defaults
 * (html: true), bidi-aware containers, and the Arabic dates plugin.
 */
import markdownIt from "markdown-it";
import type MarkdownIt from "markdown-it";
import { markdownItArabicDates } from "../markdown/arabic-dates.js";
import type { DateOptions } from "../dates/types.js";

const AUTO_DIR = new Set(["bullet_list_open", "ordered_list_open", "blockquote_open", "table_open"]);

/** lists, quotes and tables get dir="auto"; code is always left-to-right. */
export function markdownItBidi(md: MarkdownIt): void {
  md.core.ruler.push("akhbar_bidi", (state) => {
    for (const token of state.tokens) {
      if (AUTO_DIR.has(token.type)) token.attrSet("dir", "auto");
      else if (token.type === "inline" && token.children) {
        for (const child of token.children) if (child.type === "code_inline") child.attrSet("dir", "ltr");
      }
    }
  });
  // markdown-it puts fence attributes on <code>; put dir on the <pre> instead.
  const fence = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, idx, options, env, self) =>
    fence(tokens, idx, options, env, self).replace(/^<pre><code/, '<pre dir="ltr"><code');
  const block = md.renderer.rules.code_block!;
  md.renderer.rules.code_block = (tokens, idx, options, env, self) =>
    block(tokens, idx, options, env, self).replace(/^<pre/, '<pre dir="ltr"');
}

export interface MarkdownSetup extends DateOptions {
  markdownDates: boolean;
  onWarning?: (message: string) => void;
  /** Extra configuration by the site owner. */
  amend?: (md: MarkdownIt) => void;
}

export function createMarkdown(setup: MarkdownSetup): MarkdownIt {
  const md = markdownIt({ html: true });
  md.use(markdownItBidi);
  if (setup.markdownDates) {
    const { markdownDates, amend, onWarning, ...dateOptions } = setup;
    md.use(markdownItArabicDates, { ...dateOptions, onWarning });
  }
  setup.amend?.(md);
  return md;
}
