/** The importer: saved news pages -> Markdown articles and ticker data (docs/importer.md). */
export { parsePage, splitEditors, inferDayOffsets, normaliseLines, TICKER_HEADER, AVATAR_LINE } from "./parse.js";
export type { ParsedPage, ParseOptions, TickerItem, EditorLabel, FoundDate } from "./parse.js";
export { pageToMarkdown, pageSources, checkContentHash, hashContent } from "./article.js";
export type { ArticleOptions, DateSource, HashCheck } from "./article.js";
export { escapeMarkdownLine, escapeMarkdownParagraph, paragraphsToMarkdown } from "./markdown.js";
export { datePage, parseDatesCsv } from "./dating.js";
export type { PageDate } from "./dating.js";
export { compileTagRules, tagsFor } from "./tags.js";
export { breakingItemsOf, mergeBreaking, serializeBreaking, parseBreakingJson } from "./breaking.js";
export type { BreakingItem } from "./breaking.js";
export { runImport, DEFAULT_TICKER_OUT, DEFAULT_TIME_ZONE } from "./run.js";
export type { ImportOptions, ImportSummary, PageResult, PageStatus } from "./run.js";
export { main as importerMain, HELP as IMPORTER_HELP } from "./cli.js";
