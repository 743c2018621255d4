/**
 * eleventy-plugin-akhbar: shortcodes, filters and (optionally) a whole theme for Arabic news
 * archives. The default export is the Eleventy plugin; everything it does is also exported as
 * pure functions.
 */
import { createRequire } from "node:module";
import { resolveOptions, type AkhbarOptions } from "./options.js";
import { registerShortcodes } from "./eleventy/shortcodes.js";
import { registerTheme, resolveDirs } from "./eleventy/theme.js";
import type { UserConfig } from "./eleventy/types.js";

const pkg = createRequire(import.meta.url)("../package.json") as { "11ty": { compatibility: string } };

/** The Eleventy plugin: `eleventyConfig.addPlugin(akhbar, { theme: true, … })`. */
export default function akhbar(eleventyConfig: UserConfig, userOptions: AkhbarOptions = {}): void {
  const options = resolveOptions(userOptions);
  try {
    eleventyConfig.versionCheck(pkg["11ty"].compatibility);
  } catch (error) {
    console.warn(`[akhbar] ${error instanceof Error ? error.message : error}`);
  }
  const dirs = resolveDirs(eleventyConfig);
  registerShortcodes(eleventyConfig, options, dirs.data, dirs.root);
  if (options.theme) registerTheme(eleventyConfig, options);
}
Object.defineProperty(akhbar, "eleventyPackage", { value: "eleventy-plugin-akhbar" });
Object.defineProperty(akhbar, "eleventyPluginOptions", { value: { unique: true } });

export { resolveOptions, DEFAULT_OPTIONS } from "./options.js";
export type { AkhbarOptions, ResolvedOptions, SiteOptions, TickerOptions as TickerPluginOptions } from "./options.js";
export { AkhbarError } from "./errors.js";
export { escapeHtml, safeUrl, isolate } from "./html.js";
export * from "./dates/index.js";
export { findDates, consistentDates, resolveRelativeYear } from "./dates/text.js";
export type { DateMention, FindDatesOptions } from "./dates/text.js";
export { markdownItArabicDates } from "./markdown/arabic-dates.js";
export type { ArabicDatesOptions } from "./markdown/arabic-dates.js";
export * from "./sources/index.js";
export { renderTicker, formatClock } from "./ticker/index.js";
export type { TickerItem, TickerOptions } from "./ticker/index.js";
export * from "./byline/index.js";
export {
  parsePage,
  pageToMarkdown,
  checkContentHash,
  datePage,
  parseDatesCsv,
  runImport,
  escapeMarkdownParagraph,
} from "./importer/index.js";
export type { ParsedPage, ImportOptions, ImportSummary, BreakingItem } from "./importer/index.js";
export { slugify } from "./theme/slugs.js";
export { normalizeArabic, stripArticle, buildSearchIndex } from "./search/index.js";
export { buildArchive } from "./theme/archive.js";
export { markdownItBidi } from "./theme/markdown.js";
export { parseFrontMatter } from "./theme/front-matter.js";
export { validateArticle } from "./theme/article.js";
