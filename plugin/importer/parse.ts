/**
 * Parsing one saved page (plain text) into its parts. The shape, line by line:
 *
 *   الأخبار العاجلة                      <- header line (the ticker's label)
 *   TEXT (SOURCES) - HH:MM TEXT …        <- the ticker: one long line of items, newest first
 *   (blank)
 *   HEADLINE
 *   (blank)
 *   pictogram-avatar                     <- byline block: avatar placeholder and/or editor line
 *   Editing: NAME |                      <-   or "تحرير: NAME"
 *   (blank)
 *   PARAGRAPH                            <- body: paragraphs separated by blank lines
 *
 * Recognition rule (docs/importer.md): a text is a saved page when it has the header line as its
 * first non-blank line, or a byline line (pictogram-avatar / Editing: / تحرير:) right after the
 * headline block. Anything else (empty, binary, plain prose) throws AkhbarError naming the file.
 * Nothing is dropped: every non-empty line of a page ends up in the header, the ticker, the
 * headline, the byline or a paragraph.
 */
import { AkhbarError } from "../errors.js";
import { splitTickerLine, type AttributedText, type NameLookup } from "../sources/parse.js";
import { toLatinDigits } from "../dates/digits.js";
import { consistentDates, findDates, type DateMention } from "../dates/text.js";

export const TICKER_HEADER = "الأخبار العاجلة";
export const AVATAR_LINE = "pictogram-avatar";

export type EditorLabel = "Editing" | "تحرير";

export interface TickerItem {
  /** The item's text without its attribution and time. */
  text: string;
  /** Source names as written, in order. */
  sources: string[];
  /** "HH:MM" with Latin digits, or null when the item has no time. */
  time: string | null;
  /**
   * 0 for the day the page was saved, -1 for the day before, … Items are newest first: an item
   * whose time is later than the previous (newer) item's time crossed midnight backwards.
   */
  dayOffset: number;
}

/** A date named in the headline or body, as found by the date recogniser (plugin/dates/text.ts). */
export type FoundDate = DateMention;

export interface ParsedPage {
  title: string;
  editors: string[];
  editorLabel: EditorLabel | null;
  ticker: TickerItem[];
  /** Body paragraphs; a paragraph spanning several lines keeps them joined by "\n". */
  paragraphs: string[];
  datesFound: FoundDate[];
  /**
   * The latest calendar day (YYYY-MM-DD, Gregorian) among datesFound that name a whole day and whose
   * weekday (when written) agrees with the date.
   */
  latestDate?: string;
  /** The ticker line(s) exactly as saved (trimmed), for lossless checks. */
  tickerLines: string[];
  /** The byline lines as saved (pictogram-avatar, the editor line), for lossless checks. */
  byline: string[];
}

export interface ParseOptions {
  /** Named in error messages. */
  file?: string;
  /** "YYYY-MM-DD": resolves dates named without a year ("أيار الجاري"), passed to findDates. */
  refDate?: string;
  /** Source registry used to split "A وB" attributions between known names. */
  registry?: NameLookup;
}

/** Characters that never occur in a text file: C0 controls other than tab/newlines, and DEL. */
const BINARY = /[\u0000-\u0008\u000E-\u001F\u007F]/;
const EDITOR_RE = /^(Editing|تحرير)\s*[:：]\s*(.*?)\s*(?:\|\s*)?$/i;

/** BOM, line endings, trailing (and leading) spaces: the page as clean lines. */
export function normaliseLines(text: string): string[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.split(/\r\n|\r|\n|\u2028|\u2029/).map((line) => line.trim());
}

function isByline(line: string): boolean {
  return line.toLowerCase() === AVATAR_LINE || EDITOR_RE.test(line);
}

/**
 * Editor names from the text after the label: separated by "،", "," or " و". A " و" only splits
 * when both sides have two words or more ("رامي الخطيب وسلمى الأحمد"), so one name that contains
 * " و" ("نور وسيم") stays whole.
 */
export function splitEditors(names: string): string[] {
  const out: string[] = [];
  for (const piece of names.split(/\s*[،,؛;]\s*/)) {
    const part = piece.replace(/\s+/g, " ").trim();
    if (part === "") continue;
    out.push(...splitOnWa(part));
  }
  return out;
}

function splitOnWa(part: string): string[] {
  // A standalone " و " always separates.
  const spaced = part.split(/\s+و\s+/);
  if (spaced.length > 1) return spaced.flatMap(splitOnWa);
  const words = part.split(" ");
  for (let i = 2; i < words.length - 1; i++) {
    if (words[i].startsWith("و") && words[i].length > 1 && words.length - i >= 2) {
      const head = words.slice(0, i).join(" ");
      const tail = [words[i].slice(1), ...words.slice(i + 1)].join(" ");
      return [head, ...splitOnWa(tail)];
    }
  }
  return [part];
}

/** Items are newest first: a time later than the newer neighbour's means one day earlier. */
export function inferDayOffsets(items: readonly Omit<TickerItem, "dayOffset">[]): TickerItem[] {
  let offset = 0;
  let previous: string | null = null;
  return items.map((item) => {
    if (item.time !== null) {
      if (previous !== null && item.time > previous) offset -= 1;
      previous = item.time;
    }
    return { ...item, dayOffset: offset };
  });
}

function toTickerItem(item: AttributedText): Omit<TickerItem, "dayOffset"> {
  let time = item.time;
  if (time !== null) {
    const m = /^(\d{1,2}):(\d{2})$/.exec(toLatinDigits(time));
    time = m ? `${m[1].padStart(2, "0")}:${m[2]}` : null;
  }
  return { text: item.text, sources: [...item.sources], time };
}

/** Consecutive non-blank lines from `start`: [lines, index after them]. */
function block(lines: readonly string[], start: number): [string[], number] {
  const out: string[] = [];
  let i = start;
  while (i < lines.length && lines[i] !== "") out.push(lines[i++]);
  return [out, i];
}

function skipBlank(lines: readonly string[], i: number): number {
  while (i < lines.length && lines[i] === "") i++;
  return i;
}

/** How many blocks of lead text may sit between the headline and the byline. */
const MAX_LEAD_BLOCKS = 2;

/** Index of the first byline line after the headline (at most MAX_LEAD_BLOCKS blocks later), or -1. */
function findByline(lines: readonly string[], start: number): number {
  let i = start;
  for (let blocks = 0; i < lines.length && blocks <= MAX_LEAD_BLOCKS; blocks++) {
    let k = i;
    while (k < lines.length && lines[k] !== "") {
      if (isByline(lines[k])) return k;
      k++;
    }
    i = skipBlank(lines, k);
  }
  return -1;
}

function hasTime(line: string): boolean {
  return splitTickerLine(line).some((item) => item.time !== null);
}

/** Split the body lines into paragraphs (blocks of non-blank lines, joined by "\n"). */
function paragraphsOf(lines: readonly string[], start: number): string[] {
  const paragraphs: string[] = [];
  let i = skipBlank(lines, start);
  while (i < lines.length) {
    const [para, next] = block(lines, i);
    paragraphs.push(para.join("\n"));
    i = skipBlank(lines, next);
  }
  return paragraphs;
}

/** Parse a saved page. Throws AkhbarError (naming `options.file`) when the text is not one. */
export function parsePage(text: unknown, options: ParseOptions = {}): ParsedPage {
  const fail = (reason: string): never => {
    throw new AkhbarError(reason, { file: options.file });
  };
  if (typeof text !== "string") fail(`not a saved page: expected text, got ${typeof text}`);
  const source = text as string;
  if (BINARY.test(source)) fail("not a saved page: binary content (control characters), not text");
  const lines = normaliseLines(source);

  let i = skipBlank(lines, 0);
  if (i >= lines.length) fail("not a saved page: the file is empty");

  // Header and ticker.
  const hasHeader = lines[i] === TICKER_HEADER;
  let tickerLines: string[] = [];
  if (hasHeader) {
    i++;
    while (i < lines.length && lines[i] !== "" && !isByline(lines[i])) tickerLines.push(lines[i++]);
  }

  // Headline block: up to a blank line or a byline line.
  i = skipBlank(lines, i);
  const headline: string[] = [];
  while (i < lines.length && lines[i] !== "" && !isByline(lines[i])) headline.push(lines[i++]);
  if (headline.length === 0 && tickerLines.length > 0 && !tickerLines.some(hasTime)) {
    // "الأخبار العاجلة" directly followed by the headline: a page with no ticker items.
    headline.push(...tickerLines);
    tickerLines = [];
  }
  if (headline.length === 0) {
    fail(hasHeader ? "no headline: nothing between the ticker and the byline" : "not a saved page: no headline");
  }

  // Byline block: pictogram-avatar and/or the editor line, blank lines allowed around them. It may
  // follow the headline after up to MAX_LEAD_BLOCKS blocks of lead text (kept as paragraphs).
  const lead: string[] = headline.length > 1 ? [headline.slice(1).join("\n")] : [];
  let j = skipBlank(lines, i);
  const bylineAt = findByline(lines, j);
  if (bylineAt >= 0) {
    lead.push(...paragraphsOf(lines.slice(0, bylineAt), j));
    j = bylineAt;
  }
  let editors: string[] = [];
  let editorLabel: EditorLabel | null = null;
  const sawByline = bylineAt >= 0;
  let sawAvatar = false;
  const byline: string[] = [];
  while (sawByline && j < lines.length && isByline(lines[j])) {
    const m = EDITOR_RE.exec(lines[j]);
    if (m) {
      if (editorLabel !== null) break; // a second editor line is body text
      editorLabel = m[1].toLowerCase() === "editing" ? "Editing" : "تحرير";
      editors = splitEditors(m[2]);
    } else {
      if (sawAvatar) break; // a second avatar line is body text
      sawAvatar = true;
    }
    byline.push(lines[j]);
    j = skipBlank(lines, j + 1);
  }
  if (!hasHeader && !sawByline) {
    fail(
      `not a saved page: the first line is not "${TICKER_HEADER}" and no byline ` +
        `(${AVATAR_LINE}, "Editing:" or "تحرير:") follows the headline`,
    );
  }
  const bodyStart = sawByline ? j : i;

  const title = headline[0];
  const paragraphs = [...lead, ...paragraphsOf(lines, bodyStart)];
  const ticker = inferDayOffsets(tickerLines.flatMap((line) => splitTickerLine(line, options.registry)).map(toTickerItem));
  const datesFound = findDatesSafely([title, ...paragraphs].join("\n\n"), options);
  const latestDate = latestDay(datesFound);
  const page: ParsedPage = { title, editors, editorLabel, ticker, paragraphs, datesFound, tickerLines, byline };
  if (latestDate) page.latestDate = latestDate;
  return page;
}

function findDatesSafely(text: string, options: ParseOptions): FoundDate[] {
  try {
    return findDates(text, options.refDate !== undefined ? { refDate: options.refDate } : {});
  } catch (error) {
    if (error instanceof AkhbarError) throw new AkhbarError(error.message, { file: options.file, cause: error });
    throw error;
  }
}

/**
 * The latest Gregorian calendar day (YYYY-MM-DD) among found dates that name a whole day and do not
 * contradict their weekday, optionally ignoring days after `notAfter`; undefined when none.
 */
export function latestDay(dates: readonly FoundDate[], notAfter?: string): string | undefined {
  let latest: string | undefined;
  for (const d of consistentDates(dates)) {
    if (d.kind !== "day") continue;
    const day = dayOf(d);
    if (!day) continue;
    if (notAfter !== undefined && day > notAfter) continue;
    if (latest === undefined || day > latest) latest = day;
  }
  return latest;
}

/** The YYYY-MM-DD of a found date, or undefined when it names no full day. */
export function dayOf(found: FoundDate): string | undefined {
  const iso = found.iso;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(iso);
  return m ? m[1] : undefined;
}
