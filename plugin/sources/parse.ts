/**
 * Parsing attributions and ticker lines of the shape
 *   `TEXT (SOURCE + SOURCE) - HH:MM TEXT (SOURCE) - HH:MM …`
 * These functions never throw and never drop text: every non-space character of the input ends
 * up in `text`, `raw.attribution` or `raw.time` of some item (a property test checks it).
 */
import { toLatinDigits } from "../dates/digits.js";
import { collapseSpaces } from "./normalize.js";

/** What parse functions need from a registry: is this a known source name or alias? */
export interface NameLookup {
  has(name: string): boolean;
}

export interface AttributedText {
  /** The item or sentence without its attribution and time, spaces collapsed. */
  text: string;
  /** Source names as written (trimmed), in order, without duplicates. */
  sources: string[];
  /** "HH:MM" with Latin digits, or null when the item carries no time. */
  time: string | null;
  /** The exact substrings that were recognised: "(ناشطون)" and " - 12:33" (or null). */
  raw: { attribution: string | null; time: string | null };
}

const DIGIT = "[0-9\u0660-\u0669\u06F0-\u06F9]";
const IS_DIGIT = new RegExp(`^${DIGIT}$`);
/** Invisible direction marks that saved pages put around numbers. */
const MARKS = "\u200E\u200F\u061C";
const TIME_RE = new RegExp(`(${DIGIT}{1,2})[${MARKS}]*[:\uFF1A][${MARKS}]*(${DIGIT}{2})`, "g");
const DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2212";
const BLANK = new RegExp(`[\\s${MARKS}]`);

interface TimeToken {
  /** Index where the time's own text begins: its dash, or just after the closing parenthesis. */
  start: number;
  /** Index just after the minutes. */
  end: number;
  time: string;
}

function isBlank(ch: string): boolean {
  return BLANK.test(ch);
}

/**
 * Every `- HH:MM` (or `) HH:MM`) in `s`. A bare `HH:MM` after ordinary words is text ("الساعة 10:30"),
 * not an item time: the ticker convention puts a dash (or the attribution) right before the time.
 */
function findTimes(s: string): TimeToken[] {
  const tokens: TimeToken[] = [];
  TIME_RE.lastIndex = 0;
  for (let m = TIME_RE.exec(s); m !== null; m = TIME_RE.exec(s)) {
    const begin = m.index;
    const end = begin + m[0].length;
    if (begin > 0 && IS_DIGIT.test(s[begin - 1])) continue;
    if (end < s.length && (IS_DIGIT.test(s[end]) || s[end] === ":")) continue;
    const hour = Number(toLatinDigits(m[1]));
    const minute = Number(toLatinDigits(m[2]));
    if (hour > 23 || minute > 59) continue;
    let i = begin - 1;
    while (i >= 0 && isBlank(s[i])) i--;
    let start: number;
    if (i >= 0 && DASHES.includes(s[i])) start = i;
    else if (i >= 0 && s[i] === ")") start = i + 1;
    else continue;
    // A previous token must not overlap this one's dash.
    if (tokens.length > 0 && start < tokens[tokens.length - 1].end) continue;
    tokens.push({ start, end, time: `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}` });
  }
  return tokens;
}

function stripOuterParentheses(text: string): string {
  let s = text.trim();
  if (s.startsWith("(")) s = s.slice(1);
  if (s.endsWith(")")) s = s.slice(0, -1);
  return s;
}

/**
 * No source name is longer than this (characters). Pieces longer than it are not looked up while
 * splitting at " و": without the bound, long runs like " و( و( و(…" took seconds (cubic), found
 * by test/quality/fuzz.test.ts.
 */
const MAX_NAME_LENGTH = 100;

/**
 * Split "ناشطون وإعلام النظام" at " و" only into names the registry knows, all of them: a name
 * that itself contains " و" (or an unknown pair) stays whole. Memoised; each start position tries
 * only the cuts within MAX_NAME_LENGTH, so linear in the length of `part`.
 */
function splitOnWa(part: string, registry: NameLookup): string[] {
  if (registry.has(part)) return [part];
  const cuts: { at: number; next: number }[] = [];
  const re = /\s\u0648\s*/g;
  for (let m = re.exec(part); m !== null; m = re.exec(part)) cuts.push({ at: m.index, next: m.index + m[0].length });
  if (cuts.length === 0) return [part];
  const memo = new Map<number, string[] | null>();
  const from = (start: number): string[] | null => {
    if (memo.has(start)) return memo.get(start)!;
    let result: string[] | null = null;
    const whole = part.length - start <= MAX_NAME_LENGTH ? part.slice(start).trim() : "";
    if (start > 0 && whole !== "" && registry.has(whole)) result = [whole];
    for (const cut of cuts) {
      if (result) break;
      if (cut.at <= start) continue;
      if (cut.at - start > MAX_NAME_LENGTH) break; // cuts are in order: every later head is longer
      const head = part.slice(start, cut.at).trim();
      if (head === "" || !registry.has(head)) continue;
      const tail = from(cut.next);
      if (tail) result = [head, ...tail];
    }
    memo.set(start, result);
    return result;
  };
  return from(0) ?? [part];
}

/**
 * The source names in an attribution, with or without its parentheses:
 * `"( ناشطون+ إعلام النظام)"` -> `["ناشطون", "إعلام النظام"]`. Separators: `+`, `،`, `,`, and
 * ` و` between two names the registry knows.
 */
export function parseAttribution(text: unknown, registry?: NameLookup): string[] {
  if (typeof text !== "string") return [];
  const names: string[] = [];
  for (const piece of stripOuterParentheses(text).split(/[+\uFF0B\u060C,]/)) {
    const part = collapseSpaces(piece);
    if (part === "") continue;
    for (const name of registry ? splitOnWa(part, registry) : [part]) {
      if (!names.includes(name)) names.push(name);
    }
  }
  return names;
}

/** Index of the "(" matching the ")" at `close`, or -1 when unbalanced. */
function matchingOpen(s: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    if (s[i] === ")") depth++;
    else if (s[i] === "(") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/**
 * One item or sentence: `"قتلى وجرحى بانفجار (ناشطون محليون) - 11:41"` ->
 * `{ text: "قتلى وجرحى بانفجار", sources: ["ناشطون محليون"], time: "11:41" }`.
 * The attribution is the LAST parenthesised group, and only when nothing but the time follows it;
 * earlier groups ("(55 كم غرب الرقة)") stay in the text.
 */
export function splitAttributedText(line: unknown, registry?: NameLookup): AttributedText {
  const s = typeof line === "string" ? line : "";
  let rest = s;
  let time: string | null = null;
  let rawTime: string | null = null;
  const last = findTimes(s).at(-1);
  if (last && s.slice(last.end).split("").every(isBlank)) {
    time = last.time;
    rawTime = s.slice(last.start);
    rest = s.slice(0, last.start);
  }
  let close = rest.length - 1;
  while (close >= 0 && isBlank(rest[close])) close--;
  let rawAttribution: string | null = null;
  let sources: string[] = [];
  if (close >= 0 && rest[close] === ")") {
    const open = matchingOpen(rest, close);
    if (open >= 0) {
      // Only blanks and direction marks follow `close`: they belong to the attribution's raw text.
      rawAttribution = rest.slice(open).trimEnd();
      sources = parseAttribution(rest.slice(open + 1, close), registry);
      rest = rest.slice(0, open);
    }
  }
  return { text: collapseSpaces(rest), sources, time, raw: { attribution: rawAttribution, time: rawTime } };
}

/**
 * A saved page's ticker: ONE line of items `TEXT (SOURCES) - HH:MM` one after the other.
 * Each time ends an item; text after the last time is a final item without a time.
 */
export function splitTickerLine(line: unknown, registry?: NameLookup): AttributedText[] {
  if (typeof line !== "string") return [];
  const items: AttributedText[] = [];
  let from = 0;
  const push = (segment: string) => {
    if (collapseSpaces(segment) === "") return;
    items.push(splitAttributedText(segment, registry));
  };
  for (const token of findTimes(line)) {
    push(line.slice(from, token.end));
    from = token.end;
  }
  push(line.slice(from));
  return items;
}
