/**
 * A parsed page -> the Markdown article file: YAML front matter the theme reads (docs/front-matter.md)
 * and the body as escaped Markdown paragraphs. The file records a hash of itself (`contentHash`) so a
 * later import can tell whether a person edited it since.
 */
import { createHash } from "node:crypto";
import { dump } from "js-yaml";
import { AkhbarError } from "../errors.js";
import { splitAttributedText, type NameLookup } from "../sources/parse.js";
import { paragraphsToMarkdown } from "./markdown.js";
import type { ParsedPage } from "./parse.js";

export type DateSource = "csv" | "text" | "mtime";

export interface ArticleOptions {
  /** YYYY-MM-DD, or a date-time with offset (from a --dates CSV). */
  date: string;
  dateSource: DateSource;
  tags?: readonly string[];
  /** The saved page's name relative to the imported folder (recorded as `importedFrom`). */
  sourceFileName: string;
  registry?: NameLookup;
}

/** Labels that open a body attribution line: "المصدر: ناشطون، الدفاع المدني". */
const SOURCE_LABEL = /^(?:المصدر|المصادر|المصدر\s*\/\s*المصادر|Sources?)\s*[:：]\s*(.+)$/i;

/**
 * The page's attribution line, as source names: the LAST body paragraph (or, failing that, the
 * first) when it is nothing but an attribution, either a parenthesised list "(ناشطون، الدفاع المدني)"
 * or a labelled one "المصدر: ناشطون". Parenthesised groups inside sentences ("(55 كم غرب الرقة)")
 * are not attribution lines. The paragraph stays in the body as well.
 */
export function pageSources(paragraphs: readonly string[], registry?: NameLookup): string[] {
  const candidates = paragraphs.length > 1 ? [paragraphs[paragraphs.length - 1], paragraphs[0]] : paragraphs;
  for (const paragraph of candidates) {
    const line = paragraph.replace(/\s+/g, " ").trim();
    const labelled = SOURCE_LABEL.exec(line);
    const attribution = labelled ? `(${labelled[1].replace(/[.。]$/, "")})` : line;
    if (!attribution.startsWith("(") || !attribution.endsWith(")")) continue;
    const split = splitAttributedText(attribution, registry);
    if (split.text === "" && split.time === null && split.sources.length > 0) return split.sources;
  }
  return [];
}

export const CONTENT_HASH_KEY = "contentHash";
const HASH_LINE = /^contentHash: .*\n/m;

/** sha256 of the generated file content, computed with the contentHash line absent. */
export function hashContent(withoutHashLine: string): string {
  return "sha256:" + createHash("sha256").update(withoutHashLine, "utf8").digest("hex");
}

function yamlOf(value: Record<string, unknown>): string {
  return dump(value, { lineWidth: -1, noRefs: true });
}

/** The article file's content. Deterministic: the same inputs give the same bytes. */
export function pageToMarkdown(parsed: ParsedPage, options: ArticleOptions): string {
  if (!parsed.title) throw new AkhbarError("a page without a headline cannot become an article", { file: options.sourceFileName });
  const front: Record<string, unknown> = { title: parsed.title, date: options.date, dateSource: options.dateSource };
  if (parsed.editors.length === 1) front.editor = parsed.editors[0];
  else if (parsed.editors.length > 1) front.editor = [...parsed.editors];
  const sources = pageSources(parsed.paragraphs, options.registry);
  if (sources.length > 0) front.sources = sources;
  if (options.tags && options.tags.length > 0) front.tags = [...options.tags];
  front.importedFrom = options.sourceFileName;
  const head = yamlOf(front);
  const body = paragraphsToMarkdown(parsed.paragraphs);
  const unhashed = `---\n${head}---\n\n${body}`;
  // "sha256:<hex>" is a plain YAML scalar: no need to run the dumper for this line.
  const hashLine = `${CONTENT_HASH_KEY}: ${hashContent(unhashed)}\n`;
  return `---\n${head}${hashLine}---\n\n${body}`;
}

export type HashCheck = "intact" | "edited" | "no-hash";

/**
 * Was this article file written by the importer and left untouched since? "intact" when its
 * `contentHash` matches its content, "edited" when not, "no-hash" when it carries none (a file a
 * person wrote, or an import from a tool that does not hash).
 */
export function checkContentHash(fileText: string): HashCheck {
  const text = fileText.replace(/\r\n/g, "\n");
  if (!text.startsWith("---\n")) return "no-hash";
  const end = text.indexOf("\n---\n", 3);
  if (end < 0) return "no-hash";
  const front = text.slice(0, end + 1);
  const m = HASH_LINE.exec(front);
  if (!m) return "no-hash";
  const stored = m[0].slice(`${CONTENT_HASH_KEY}: `.length).trim().replace(/^['"]|['"]$/g, "");
  const without = front.slice(0, m.index) + front.slice(m.index + m[0].length) + text.slice(end + 1);
  return hashContent(without) === stored && fileText === text ? "intact" : "edited";
}
