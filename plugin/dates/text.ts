/**
 * Recognising dates named in Arabic running text ("2 آذار 2017", "15 شعبان 1438 هـ",
 * "السادس من شباط الجاري", "أيار المقبل"). One implementation shared by the markdown-it plugin
 * (wraps mentions in <time>) and the importer (dates saved pages).
 *
 * How it stays fast: one pass of plain character comparisons (`scanAnchors`) notes the only places
 * a date can be (the first digit of a number, "من" + space, "ال" of a relative word); an anchor is
 * looked at closer only when a month name may stand next to it (two-letter table checks), and the
 * month name, year and era are read only then, by character codes (a trie of the month spellings).
 * The markdown plugin finds the same anchors inside markdown-it's own reading of the text, with
 * regexes instead of the character loop (`runRegExp`, `scanRun`, `blockWordAnchors`).
 */
import { AkhbarError } from "../errors.js";
import { hijriMonthLength, hijriMonthStart, toHijri } from "./index.js";
import {
  EGYPT_MONTHS,
  HIJRI_MONTH_VARIANTS,
  LEVANT_MONTHS,
  MAGHREB_MONTHS,
  MOROCCO_MONTHS,
  WEEKDAYS,
  WEEKDAY_VARIANTS,
} from "./months.js";
import type { DateOptions } from "./types.js";
import { daysFromCivil, daysInMonth, formatDay } from "./days.js";

/** A Gregorian month-name set a mention was written in (Moroccan names are recognised only). */
export type WrittenMonthSet = "levant" | "egypt" | "maghreb" | "morocco" | "hijri";

export interface DateMention {
  /** Offsets in the input string (UTF-16 code units, `end` exclusive). */
  start: number;
  end: number;
  /** `text.slice(start, end)`: from the weekday (when present) or the day to the year/relative word. */
  text: string;
  /** "day" when a day of the month is named, "month" for month-only mentions ("أيار 2017"). */
  kind: "day" | "month";
  /** The calendar of the month name that was written. */
  calendar: "gregorian" | "hijri";
  /**
   * Gregorian ISO date of the mentioned day ("YYYY-MM-DD"); for a Gregorian month-only mention the
   * month ("YYYY-MM"); for a Hijri month-only mention the Gregorian date of the month's first day.
   */
  iso: string;
  /** Gregorian year/month/day (day absent for month-only Gregorian mentions). */
  gregorian: { year: number; month: number; day?: number };
  /** For Hijri mentions: the Hijri date as written (day absent for month-only mentions). */
  hijri?: { year: number; month: number; day?: number };
  /** The name sets the written month name belongs to ("مارس": egypt, maghreb, morocco). */
  monthSets: readonly WrittenMonthSet[];
  /** The weekday named before the date, and whether it agrees with the date. */
  weekday?: { name: string; matches: boolean };
  /** Set when the year came from a relative word after the month ("الجاري", "المقبل", "الماضي"). */
  relative?: "current" | "next" | "previous";
  /** Set when neither a year nor a relative word was written: the year is the one nearest `refDate`. */
  inferredYear?: true;
  /** The digits the mention was written with ("arab" when any Arabic-Indic digit was used). */
  digits: "latn" | "arab";
}

export interface FindDatesOptions extends DateOptions {
  /**
   * The article's own date, "YYYY-MM-DD": resolves relative mentions ("أيار الجاري") and
   * day-month mentions without a year. Without it those are not reported.
   */
  refDate?: string;
}

// ---------------------------------------------------------------------------------------------
// Name tables → lookup maps and regex sources (built once, at module load).

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const DIGIT = "[0-9\u0660-\u0669\u06F0-\u06F9]";
function hasArabicIndicDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x660 && (c <= 0x669 || (c >= 0x6f0 && c <= 0x6f9))) return true;
  }
  return false;
}

/** Spelling variants seen in news text: alef without hamza, final ه for ة, ي for final ى. */
function spellings(name: string): string[] {
  const out = new Set<string>([name]);
  for (const n of [...out]) out.add(n.replace(/[أإآ]/g, "ا"));
  for (const n of [...out]) if (n.endsWith("ة")) out.add(n.slice(0, -1) + "ه");
  for (const n of [...out]) if (n.includes("ى")) out.add(n.replace(/ى/g, "ي"));
  return [...out];
}

/** Lookup key for text matched by a name regex: whitespace runs collapse to one space. */
function key(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 ? isSpaceCode(c) : isSpaceCode(text.charCodeAt(i + 1))) return text.replace(/\s+/g, " ");
  }
  return text;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Alternation of `names`, longest first (so "تشرين الأول" wins over shorter names). */
function alternation(names: Iterable<string>): string {
  return [...new Set(names)]
    .sort((a, b) => b.length - a.length)
    .map((n) => escapeRegExp(n).replace(/ /g, "\\s+"))
    .join("|");
}

/**
 * The same alternation as a trie ("آ(?:ذار|ب)|أ(?:يار|…)…"): irregexp rejects a position on the
 * first character instead of trying ~80 names one after the other (about 2x faster to scan).
 */
function trieAlternation(names: Iterable<string>): string {
  type Node = Map<string, Node>;
  const root: Node = new Map();
  const END = "";
  for (const name of new Set(names)) {
    let node = root;
    for (const ch of [...name, END]) {
      let next = node.get(ch);
      if (!next) node.set(ch, (next = new Map()));
      node = next;
    }
  }
  const emit = (node: Node): string => {
    const branches: string[] = [];
    let ends = false;
    for (const [ch, next] of node) {
      if (ch === END) ends = true;
      else branches.push((ch === " " ? "\\s+" : escapeRegExp(ch)) + emit(next));
    }
    if (branches.length === 0) return "";
    // Longer continuations first; an optional group is greedy, so the longest name wins.
    const body = branches.length === 1 ? branches[0] : `(?:${branches.join("|")})`;
    if (!ends) return body;
    return branches.length === 1 ? `(?:${body})?` : `${body}?`;
  };
  return emit(root);
}

interface MonthInfo {
  calendar: "gregorian" | "hijri";
  /** 1-12 */
  month: number;
  sets: WrittenMonthSet[];
}

const MONTHS = new Map<string, MonthInfo>();

function addMonth(name: string, calendar: "gregorian" | "hijri", month: number, set: WrittenMonthSet): void {
  for (const spelling of spellings(name)) {
    const existing = MONTHS.get(spelling);
    if (existing) {
      if (!existing.sets.includes(set)) existing.sets.push(set);
    } else {
      MONTHS.set(spelling, { calendar, month, sets: [set] });
    }
  }
}

const GREGORIAN_SETS: [WrittenMonthSet, readonly string[]][] = [
  ["levant", LEVANT_MONTHS],
  ["egypt", EGYPT_MONTHS],
  ["maghreb", MAGHREB_MONTHS],
  ["morocco", MOROCCO_MONTHS],
];
for (const [set, names] of GREGORIAN_SETS) names.forEach((name, i) => addMonth(name, "gregorian", i + 1, set));
// Colloquial and older spellings seen in Syrian and Egyptian papers.
const EXTRA_GREGORIAN: [string, number, WrittenMonthSet][] = [
  ["كانون ثاني", 1, "levant"],
  ["تشرين أول", 10, "levant"],
  ["تشرين ثاني", 11, "levant"],
  ["كانون أول", 12, "levant"],
  ["إبريل", 4, "egypt"],
  ["يونيه", 6, "egypt"],
  ["يوليه", 7, "egypt"],
];
for (const [name, month, set] of EXTRA_GREGORIAN) addMonth(name, "gregorian", month, set);
HIJRI_MONTH_VARIANTS.forEach((names, i) => names.forEach((name) => addMonth(name, "hijri", i + 1, "hijri")));

/** Right after a month: "/مارس", "(مارس)", "- مارس" naming the same month in another set. */
const ALT_MONTH_RE = new RegExp(`\\s*(?:/|\\(|-|–)\\s*(${alternation(MONTHS.keys())})(?![\\p{L}\\p{M}\\p{N}])(?:\\s*\\))?`, "uy");

const WEEKDAY_BY_NAME = new Map<string, number>();
WEEKDAY_VARIANTS.forEach((names, i) => names.forEach((n) => spellings(n).forEach((s) => WEEKDAY_BY_NAME.set(s, i))));

/** Masculine ordinal day words 1-31 ("اليوم" is implied): "السادس", "الحادي والعشرين", … */
const ORDINALS = new Map<string, number>();
{
  const units = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"];
  const add = (word: string, n: number) => spellings(word).forEach((s) => ORDINALS.set(s, n));
  units.forEach((u, i) => add(u, i + 1));
  add("الأوّل", 1);
  add("العاشر", 10);
  add("الحادي عشر", 11);
  units.slice(1).forEach((u, i) => add(`${u} عشر`, i + 12));
  const tens: [string[], number][] = [
    [["العشرين", "العشرون"], 20],
    [["الثلاثين", "الثلاثون"], 30],
  ];
  for (const [words, ten] of tens) {
    for (const t of words) {
      add(t, ten);
      const ones: [string, number][] = [["الحادي", 1], ["الواحد", 1], ...units.slice(1).map((u, i): [string, number] => [u, i + 2])];
      for (const [u, n] of ones) {
        if (ten + n > 31) continue;
        add(`${u} و${t}`, ten + n);
        add(`${u} و ${t}`, ten + n);
      }
    }
  }
}

const RELATIVE_WORDS = new Map<string, "current" | "next" | "previous">([
  ["الجاري", "current"],
  ["الحالي", "current"],
  ["المقبل", "next"],
  ["القادم", "next"],
  ["الماضي", "previous"],
  ["المنصرم", "previous"],
  ["الفائت", "previous"],
  ["السابق", "previous"],
]);

/** After the month: [من] [عام|العام|سنة|السنة] year [era]. Eras longest first ("هجرية" before "ه"). */
const YEAR_RE = new RegExp(
  `(\\s+(?:(?:من\\s+)?(?:عام|العام|لعام|سنة|السنة)\\s+)?)(${DIGIT}+)` +
    `(\\s?(هجري[ةه]?|للهجرة|هـ|ه|ميلادي[ةه]?|للميلاد|م))?`,
  "y",
);
const HIJRI_ERAS = new Set(["هـ", "ه", "هجري", "هجرية", "هجريه", "للهجرة"]);
const GREGORIAN_ERAS = new Set(["م", "ميلادي", "ميلادية", "ميلاديه", "للميلاد"]);
/** The relative words (none starts another), read after whitespace following a month. */
const RELATIVE_LIST = [...RELATIVE_WORDS];
/** Words that may stand between a month and its year ("آذار عام 2017"); none starts another. */
const YEAR_WORDS = ["عام", "العام", "لعام", "سنة", "السنة"];

/**
 * Anchors: the only places a mention can be, found by one pass of plain character comparisons
 * (`scanAnchors`). Every mention has a month name next to a day number or a year (DIGITS: the first
 * digit of a run), after an ordinal day and "من" (MIN: "من" followed by a space), or before a
 * relative word (REL: the "ال" of "الجاري", "المقبل", …). An anchor is packed in one number,
 * `position * 4 + kind`, so a scan allocates nothing but the array it fills.
 *
 * Why no regex: any regex pass over the text costs about as much as 4% of markdown-it's whole
 * rendering of it, and mixing Latin digits, Arabic-Indic digits and Arabic letters in one pattern
 * defeats irregexp's quick first-character check (it was 3x slower). A char-code loop finds all
 * three kinds at once, and the markdown plugin runs the very same loop inside markdown-it's own
 * text scan (see plugin/markdown/arabic-dates.ts), where it costs next to nothing.
 */
const DIGITS = 0;
const MIN = 1;
const REL = 2;

const MONTH_TRIE = trieAlternation(MONTHS.keys());
// (After a day number, MONTH_AFTER_RE would be `\\s+(?:من\\s+)?(?:شهر\\s+)?(MONTH_TRIE)`; after "من"
// (ordinal days), MONTH_AFTER_MIN_RE the same without "من": both are read by `monthAfter`.)
/**
 * How far before a year or a relative word a month name (with its other name and year word) may
 * start: the window `monthStartBefore` reads, as MONTH_BEFORE_YEAR_RE and MONTH_BEFORE_WORD_RE
 * (`(MONTH_TRIE)(?:\\s*(?:/|\\(|-|–)\\s*(?:MONTH_TRIE)(?:\\s*\\))?)?\\s+` and, before a year only,
 * `(?:(?:من\\s+)?(?:عام|العام|لعام|سنة|السنة)\\s+)?`, anchored at the end of the window) did.
 */
const BEFORE_WINDOW = 48;
/**
 * The month names as a trie of character codes (0x20 standing for a whitespace run), walked by
 * `monthEndAt`: what MONTH_TRIE matches at a known position, without the regex (its code is large,
 * and cold inside a markdown render, where a date comes every few thousand characters). The trie
 * is flat: node n's child for the character of alphabet index a is TRIE_NEXT[n * alphabet + a]
 * (0: none; node 0 is the root), a few kilobytes of one typed array instead of a Map per node,
 * which a walk through cold caches reads faster.
 */
const TRIE_ALPHABET = new Uint8Array(0x700); // character code → 1 + index in the alphabet (0: none)
let trieAlphabetSize = 1; // index 0 is "no such character"
const TRIE_SPACE = 0x20;
TRIE_ALPHABET[TRIE_SPACE] = trieAlphabetSize++;
// One alphabet for the tries of month names, ordinal days, weekdays, relative words and year words.
for (const name of [...MONTHS.keys(), ...ORDINALS.keys(), ...WEEKDAY_BY_NAME.keys(), ...RELATIVE_WORDS.keys(), ...YEAR_WORDS]) {
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 0x700 || (c !== TRIE_SPACE && isSpaceCode(c))) throw new Error(`trie name with an unexpected character: ${name}`);
    if (TRIE_ALPHABET[c] === 0) TRIE_ALPHABET[c] = trieAlphabetSize++;
  }
}
const TRIE_WIDTH = trieAlphabetSize;

/**
 * A flat trie of `names` over TRIE_ALPHABET: node n's child for the character of alphabet index a
 * is next[n * TRIE_WIDTH + a] (0: none; node 0 is the root); ends[n] is the index in `names` of the
 * name that ends at node n, else -1. `backwards` reads every name from its last character.
 */
function flatTrie(names: readonly string[], backwards: boolean): { next: Uint16Array; ends: number[] } {
  const ends = [-1];
  let next = new Uint16Array(64 * TRIE_WIDTH);
  names.forEach((name, index) => {
    let node = 0;
    for (let k = 0; k < name.length; k++) {
      const c = name.charCodeAt(backwards ? name.length - 1 - k : k);
      const slot = node * TRIE_WIDTH + TRIE_ALPHABET[c === 0x20 ? TRIE_SPACE : c];
      if (next[slot] === 0) {
        if ((ends.length + 1) * TRIE_WIDTH > next.length) {
          const grown = new Uint16Array(next.length * 2);
          grown.set(next);
          next = grown;
        }
        next[slot] = ends.length;
        ends.push(-1);
      }
      node = next[slot];
    }
    ends[node] = index;
  });
  if (ends.length > 0xffff) throw new Error("trie too large for Uint16Array");
  return { next: next.slice(0, ends.length * TRIE_WIDTH), ends };
}

const MONTH_NAMES = [...MONTHS.keys()];
const FORWARD_TRIE = flatTrie(MONTH_NAMES, false);
const TRIE_NEXT = FORWARD_TRIE.next;
/** The month (MONTHS entry) a name ending at node n names (undefined: no name ends there). */
const TRIE_INFO: (MonthInfo | undefined)[] = FORWARD_TRIE.ends.map((i) => (i < 0 ? undefined : MONTHS.get(MONTH_NAMES[i])));

/**
 * The month names reversed, in a flat trie of the same alphabet (REV_NEXT), walked backwards from
 * where a name may end by `monthStartsEndingAt`. REV_END[n] is 1 where a whole name has been read.
 */
const BACKWARD_TRIE = flatTrie(MONTH_NAMES, true);
const REV_NEXT = BACKWARD_TRIE.next;
const REV_END = Uint8Array.from(BACKWARD_TRIE.ends, (i) => (i < 0 ? 0 : 1));

/** A flat trie of the keys of `map` whose node n has values[n], the value of the key read up to it (-1: none). */
function valueTrie(map: ReadonlyMap<string, number>, backwards: boolean): { next: Uint16Array; values: Int8Array } {
  const names = [...map.keys()];
  const { next, ends } = flatTrie(names, backwards);
  return { next, values: Int8Array.from(ends, (i) => (i < 0 ? -1 : map.get(names[i])!)) };
}
/** Ordinal day phrases reversed ("عشر الخامس"), read back from the word before "من"; values: days. */
const ORDINAL_TRIE = valueTrie(ORDINALS, true);
/** Weekday spellings; values: getDay() indices. */
const WEEKDAY_TRIE = valueTrie(WEEKDAY_BY_NAME, false);
/** Relative words; values: indices in RELATIVE_LIST. */
const RELATIVE_TRIE = valueTrie(new Map(RELATIVE_LIST.map(([word], i) => [word, i])), false);
/** Year words; values: indices in YEAR_WORDS. */
const YEAR_WORD_TRIE = valueTrie(new Map(YEAR_WORDS.map((word, i) => [word, i])), false);

/** End of the key found by the last trieMatchAt. */
let trieMatchEnd = -1;

/**
 * The value of the longest key of the forward trie `trie` that `text` has at `pos` (its end in
 * trieMatchEnd), or -1: for word lists none of whose words starts another, the word whose
 * `startsWith` holds there, read by character codes.
 */
function trieMatchAt(trie: { next: Uint16Array; values: Int8Array }, text: string, pos: number): number {
  let node = 0;
  let best = -1;
  for (let p = pos; ; p++) {
    const c = text.charCodeAt(p);
    const a = c < 0x700 ? TRIE_ALPHABET[c] : 0; // NaN past the end: not < 0x700
    if (a === 0) break;
    node = trie.next[node * TRIE_WIDTH + a];
    if (node === 0) break;
    if (trie.values[node] >= 0) {
      best = trie.values[node];
      trieMatchEnd = p + 1;
    }
  }
  return best;
}

/**
 * Where MIN and REL anchors can lead to a mention: "من" with a month name after it (what
 * monthOfAnchor's MONTH_AFTER_MIN_RE asks), or a relative word. Few places in ordinary text match
 * (a looser pattern matched at every "من" and cost more per match than the search itself). Each
 * match is the two letters "من" or "ال", the rest a look-ahead (no word or name in it holds another
 * match, so the search finds the same places as with the whole words matched); the relative words
 * are a trie there too ("م(?:قبل|اضي|نصرم)"), which the regex engine rejects faster after each "ال".
 */
const WORD_ANCHOR_RE = new RegExp(
  `من(?=\\s+(?:شهر\\s+)?(?:${MONTH_TRIE}))|ال(?=${trieAlternation([...RELATIVE_WORDS.keys()].map((w) => w.slice(2)))})`,
  "g",
);

/**
 * 12-bit key of two UTF-16 code units (their low 6 bits): a cheap, lossy (never too strict) pair
 * test. Distinct for pairs of Arabic letters (U+0621-U+064A); tables stay small (4 KB) so that
 * they stay in cache between markdown-it's own work.
 */
const pairKey = (a: number, b: number) => ((a & 0x3f) << 6) | (b & 0x3f);
/**
 * First two characters of every month spelling, and of "من"/"شهر" (allowed between day and month):
 * 1, or 2 for "ال" (most words start with it, only "المحرم" among the months), when the next two
 * characters must be in MONTH_HEADS_AFTER_AL too.
 */
const MONTH_HEADS = new Uint8Array(4096);
const MONTH_HEADS_AFTER_AL = new Uint8Array(4096);
const AL = pairKey(0x627, 0x644);
/** Last two characters of every month spelling. */
const MONTH_TAILS = new Uint8Array(4096);
for (const name of [...MONTHS.keys(), "من", "شهر"]) {
  const head = pairKey(name.charCodeAt(0), name.charCodeAt(1));
  if (head === AL) MONTH_HEADS_AFTER_AL[pairKey(name.charCodeAt(2), name.charCodeAt(3))] = 1;
  MONTH_HEADS[head] = head === AL ? 2 : 1;
}
for (const name of MONTHS.keys()) MONTH_TAILS[pairKey(name.charCodeAt(name.length - 2), name.charCodeAt(name.length - 1))] = 1;
/** Third and fourth letters of the relative words as pairs ("الجاري": جا), and fifth letters by low byte. */
const REL_PAIRS = new Uint8Array(4096);
const REL_FIFTH = new Uint8Array(256);
for (const word of RELATIVE_WORDS.keys()) {
  REL_PAIRS[pairKey(word.charCodeAt(2), word.charCodeAt(3))] = 1;
  REL_FIFTH[word.charCodeAt(4) & 0xff] = 1;
}

function isDigitCode(c: number): boolean {
  return (c <= 0x39 && c >= 0x30) || (c >= 0x660 && (c <= 0x669 || (c >= 0x6f0 && c <= 0x6f9)));
}

/** Exactly the characters of the regex class \s. */
function isSpaceCode(c: number): boolean {
  // Below U+1680 (all Arabic letters): three comparisons.
  if (c < 0x1680) return c === 0x20 || (c <= 0x0d && c >= 0x09) || c === 0xa0;
  return (
    c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * Anchors that start a word after whitespace: "من" + whitespace + a possible month (MIN), and "ال"
 * with the third to fifth letters of a relative word after a possible month (REL). Both need
 * whitespace before them to lead to a mention (readLeft reads "من" as a word after whitespace;
 * monthStartBefore wants whitespace before it). The month checks are the cheap pair tests of monthOfAnchor,
 * done here so that ordinary text records (almost) no anchors.
 */
function wordAnchor(text: string, p: number, out: number[]): void {
  const c = text.charCodeAt(p);
  if (c === 0x627) {
    if (
      text.charCodeAt(p + 1) === 0x644 &&
      REL_PAIRS[pairKey(text.charCodeAt(p + 2), text.charCodeAt(p + 3))] === 1 &&
      REL_FIFTH[text.charCodeAt(p + 4) & 0xff] === 1 &&
      monthTailAt(text, skipSpaceBackTo(text, p))
    ) {
      out.push(p * 4 + REL);
    }
  } else if (c === 0x645) {
    if (text.charCodeAt(p + 1) === 0x646 && monthHeadAfter(text, p + 2) >= 0) out.push(p * 4 + MIN);
  }
}

/**
 * @internal Scans `text` from `from` to `to` and appends anchors to `out`; stops early at an ASCII
 * character marked in `stops` (128 entries; the markdown plugin passes markdown-it's text terminators) and
 * returns where it stopped. Characters outside [from, to) are read as context only.
 * Arabic letters, the bulk of the text, cost one comparison each.
 */
export function scanAnchors(text: string, from: number, to: number, stops: Uint8Array, out: number[]): number {
  let pos = from;
  for (; pos < to; pos++) {
    const ch = text.charCodeAt(pos);
    if ((ch - 0x600) >>> 0 < 0x60) continue; // U+0600-U+065F: Arabic letters, marks, punctuation
    if (ch === 0x20) {
      // Every fifth character: look on only for "ا" or "م" (of "ال…" or "من").
      const next = text.charCodeAt(pos + 1);
      if (next === 0x627 || next === 0x645) wordAnchor(text, pos + 1, out);
      continue;
    }
    if (ch < 0x80) {
      if (stops[ch] === 1) break;
      if (ch <= 0x39) {
        if (ch >= 0x30) {
          if (!isDigitCode(text.charCodeAt(pos - 1))) out.push(pos * 4 + DIGITS);
        } else if (ch <= 0x0d && ch >= 0x09) {
          wordAnchor(text, pos + 1, out);
        }
      }
    } else if (ch >= 0x660 && ch <= 0x6f9) {
      if ((ch <= 0x669 || ch >= 0x6f0) && !isDigitCode(text.charCodeAt(pos - 1))) out.push(pos * 4 + DIGITS);
    } else if (isSpaceCode(ch)) {
      wordAnchor(text, pos + 1, out);
    }
  }
  return pos;
}

/** No stops: findDates scans the whole text. */
const NO_STOPS = new Uint8Array(128);

/**
 * @internal A sticky regex matching a run of characters that are neither one of `stops` (ASCII
 * characters) nor a digit of the three sets: `scanRun` lets the regex engine read the letters.
 */
export function runRegExp(stops: string): RegExp {
  return new RegExp(`[^${stops.replace(/[\\\]^-]/g, "\\$&")}0-9\\u0660-\\u0669\\u06F0-\\u06F9]*`, "y");
}


/**
 * @internal Every MIN and REL anchor `scanAnchors` can find in `text` that may lead to a mention
 * (whitespace before it, a possible month next to it), in text order, appended to `out`. The
 * markdown plugin finds them once per inline block with this regex search (the regex engine reads
 * text several times faster than a JavaScript loop) and takes each text run's share in `scanRun`.
 * A REL anchor here is always a whole relative word: the only ones monthOfAnchor accepts.
 */
export function blockWordAnchors(text: string, out: number[]): void {
  const re = WORD_ANCHOR_RE;
  re.lastIndex = 0;
  // Every match is the two letters before the look-ahead: `test` and lastIndex give its place
  // without a match array per hit.
  while (re.test(text)) {
    const p = re.lastIndex - 2;
    if (p === 0 || !isSpaceCode(text.charCodeAt(p - 1))) continue;
    if (text.charCodeAt(p) === 0x645) {
      if (monthHeadAfter(text, p + 2) >= 0) out.push(p * 4 + MIN);
    } else if (monthTailAt(text, skipSpaceBackTo(text, p))) {
      out.push(p * 4 + REL);
    }
  }
}

/**
 * @internal What `scanAnchors(text, from, to, stops, out)` does and returns, reading letters with
 * `run` (`runRegExp(stops)`) instead of a character loop: DIGITS anchors as it goes (only those
 * monthOfAnchor does not refuse at first sight: `numberMayBeDate`), then the anchors of `words`
 * (`blockWordAnchors` of the whole text) whose whitespace lies in the run, in order. With `out`
 * null, only the stop position.
 */
export function scanRun(text: string, from: number, to: number, run: RegExp, stops: Uint8Array, words: readonly number[], out: number[] | null): number {
  let pos = from;
  while (pos < to) {
    run.lastIndex = pos;
    run.test(text);
    pos = run.lastIndex;
    if (pos >= to) {
      pos = to;
      break;
    }
    const ch = text.charCodeAt(pos);
    if (ch < 0x80 && stops[ch] === 1) break;
    // A digit (the only other character the run stops at): the first of a number is an anchor,
    // when it can be a day or a year next to a month at all (most numbers cannot).
    if (out !== null && !isDigitCode(text.charCodeAt(pos - 1)) && numberMayBeDate(text, pos)) out.push(pos * 4 + DIGITS);
    do pos++;
    while (pos < to && isDigitCode(text.charCodeAt(pos)));
    // A terminator right after the number ("35%"): stop without another regex call.
    if (pos < to) {
      const next = text.charCodeAt(pos);
      if (next < 0x80 && stops[next] === 1) break;
    }
  }
  if (out !== null && words.length !== 0) {
    for (let i = 0; i < words.length; i++) {
      const p = words[i] >>> 2;
      // scanAnchors looks at a word when the whitespace before it is in [from, to) and read
      if (p > pos) break;
      if (p > from) insertSorted(out, words[i]);
    }
  }
  return pos;
}

/** Adds `anchor` to `out` (in order) at its place: insertion, no sort and comparator call per run. */
function insertSorted(out: number[], anchor: number): void {
  let i = out.length;
  out.push(anchor);
  while (i > 0 && out[i - 1] > anchor) {
    out[i] = out[i - 1];
    i--;
  }
  out[i] = anchor;
}

/**
 * What monthOfAnchor asks first about a number starting at `pos`: one or two digits with a month
 * name after them (as monthOfAnchor reads it: "10 أيام" is no anchor, though "أي" may start
 * "أيار"), or four digits with a possible month before them. False for most numbers.
 */
function numberMayBeDate(text: string, pos: number): boolean {
  let end = pos + 1;
  while (isDigitCode(text.charCodeAt(end))) end++;
  const length = end - pos;
  if (length <= 2) {
    const start = monthHeadAfter(text, end) >= 0 ? monthAfter(text, end, true) : -1;
    if (start < 0) return false;
    // What monthOfAnchor will ask next about this number: keep the answer in its memo.
    anchorMonthEnd = monthAfterEnd;
    anchorMonthInfo = monthEndInfo;
    rememberAnchor(text, pos * 4 + DIGITS, start);
    return true;
  }
  return length === 4 && monthMayEndBeforeYear(text, pos);
}

/** Start of the word (after whitespace) that could hold a month at `pos`, or -1 when no month can. */
function monthHeadAfter(text: string, pos: number): number {
  if (!isSpaceCode(text.charCodeAt(pos))) return -1;
  while (isSpaceCode(text.charCodeAt(pos))) pos++;
  const head = MONTH_HEADS[pairKey(text.charCodeAt(pos), text.charCodeAt(pos + 1))];
  if (head === 2) return MONTH_HEADS_AFTER_AL[pairKey(text.charCodeAt(pos + 2), text.charCodeAt(pos + 3))] === 1 ? pos : -1;
  return head === 1 ? pos : -1;
}

/** True when a month name (or the ")" of "آذار (مارس)") may end at `end`. */
function monthTailAt(text: string, end: number): boolean {
  return text.charCodeAt(end - 1) === 0x29 || MONTH_TAILS[pairKey(text.charCodeAt(end - 2), text.charCodeAt(end - 1))] === 1;
}

/** Position after skipping whitespace backwards from `pos`, reading nothing before `from`. */
function skipSpaceBackTo(text: string, pos: number, from = 0): number {
  while (pos > from && isSpaceCode(text.charCodeAt(pos - 1))) pos--;
  return pos;
}


/** Position reached by the last trieStepBack. */
let stepPos = 0;

/**
 * One step of a walk back through the flat trie `next` (a reversed one) from `node`, reading
 * text[p - 1] and nothing before `from`: the child reached (0: the walk ends there), its position
 * in stepPos. A whitespace run is one step, the space of a name ("تشرين  الأول").
 */
function trieStepBack(next: Uint16Array, node: number, text: string, p: number, from: number): number {
  const c = text.charCodeAt(p - 1);
  if (isSpaceCode(c)) {
    const child = next[node * TRIE_WIDTH + TRIE_ALPHABET[TRIE_SPACE]];
    if (child !== 0) stepPos = skipSpaceBackTo(text, p, from);
    return child;
  }
  const a = c < 0x700 ? TRIE_ALPHABET[c] : 0;
  if (a === 0) return 0;
  stepPos = p - 1;
  return next[node * TRIE_WIDTH + a];
}

/** Starts of month names found by the last `monthStartsEndingAt` with `keep`, nearest first. */
const foundStarts = new Int32Array(16);
let foundCount = 0;

/**
 * Walks the reversed month trie back from `end`, reading nothing before `from`: the start of the
 * longest month name that ends at `end` (-1: none). With `keep`, every start found is kept in
 * foundStarts (nearest first, foundCount of them). A whitespace run stands for the space of a name
 * ("تشرين  الأول").
 */
function monthStartsEndingAt(text: string, end: number, from: number, keep: boolean): number {
  let node = 0;
  let p = end;
  let best = -1;
  while (p > from) {
    node = trieStepBack(REV_NEXT, node, text, p, from);
    if (node === 0) break;
    p = stepPos;
    if (REV_END[node] === 1) {
      best = p;
      if (keep && foundCount < foundStarts.length) foundStarts[foundCount++] = p;
    }
  }
  return best;
}

/**
 * Start of a month written as "M" or "M / M2", "M (M2)", "M - M2", "M – M2" that ends at `end`,
 * reading nothing before `from`: the leftmost such start, or -1.
 */
function monthOrPairStartEndingAt(text: string, end: number, from: number): number {
  const closed = text.charCodeAt(end - 1) === 0x29;
  foundCount = 0;
  let best = closed ? -1 : monthStartsEndingAt(text, end, from, true);
  // The other name, with an optional ")" after it: the names just found, or those before the ")".
  if (closed) {
    monthStartsEndingAt(text, skipSpaceBackTo(text, end - 1, from), from, true);
  }
  for (let i = 0, n = foundCount; i < n; i++) {
    const sep = skipSpaceBackTo(text, foundStarts[i], from) - 1;
    if (sep < from) continue;
    const c = text.charCodeAt(sep);
    if (c !== 0x2f && c !== 0x28 && c !== 0x2d && c !== 0x2013) continue;
    const start = monthStartsEndingAt(text, skipSpaceBackTo(text, sep, from), from, false);
    if (start >= 0 && (best < 0 || start < best)) best = start;
  }
  return best;
}

/**
 * Start of the month a year (`year`: true) or a relative word at `pos` belongs to, or -1: the
 * month (or pair of names) ends before whitespace, and before a year also before a year word
 * ("آذار عام 2017", "آذار من العام 2017"). Reads `text[from, pos)` only; the leftmost start wins,
 * as the first match of a regex anchored at `pos` would.
 */
function monthStartBefore(text: string, pos: number, from: number, year: boolean): number {
  const end = skipSpaceBackTo(text, pos, from);
  if (end === pos || end === from) return -1;
  let best = monthOrPairStartEndingAt(text, end, from);
  if (!year) return best;
  for (let i = 0; i < YEAR_WORDS.length; i++) {
    const word = YEAR_WORDS[i];
    const w = end - word.length;
    if (w <= from || !isSpaceCode(text.charCodeAt(w - 1)) || !text.startsWith(word, w)) continue;
    const monthEnd = skipSpaceBackTo(text, w, from);
    if (monthEnd > from) {
      const start = monthOrPairStartEndingAt(text, monthEnd, from);
      if (start >= 0 && (best < 0 || start < best)) best = start;
    }
    // "من" between the month and the year word.
    const min = monthEnd - 2;
    if (min > from && text.startsWith("من", min) && isSpaceCode(text.charCodeAt(min - 1))) {
      const minEnd = skipSpaceBackTo(text, min, from);
      if (minEnd > from) {
        const start = monthOrPairStartEndingAt(text, minEnd, from);
        if (start >= 0 && (best < 0 || start < best)) best = start;
      }
    }
  }
  return best;
}

/**
 * Cheap necessary condition for monthStartBefore on the text before a year at `pos`: whitespace,
 * then a month end, possibly behind "عام"/"سنة" (and "من").
 */
function monthMayEndBeforeYear(text: string, pos: number): boolean {
  const end = skipSpaceBackTo(text, pos);
  if (end === pos) return false;
  if (monthTailAt(text, end)) return true;
  for (const word of YEAR_WORDS) {
    const start = end - word.length;
    if (start > 0 && isSpaceCode(text.charCodeAt(start - 1)) && text.startsWith(word, start)) {
      let before = skipSpaceBackTo(text, start);
      if (monthTailAt(text, before)) return true;
      if (text.startsWith("من", before - 2) && isSpaceCode(text.charCodeAt(before - 3))) {
        before = skipSpaceBackTo(text, before - 2);
        if (monthTailAt(text, before)) return true;
      }
    }
  }
  return false;
}

/**
 * End of the month name at `pos`, or -1: what MONTH_AT_RE (sticky MONTH_TRIE) matches there. The
 * trie regex tries longer names first at every branch, and a text follows one path only (no name
 * has whitespace where another has a letter), so its match is the longest name on that path.
 */
function monthEndAt(text: string, pos: number): number {
  let node = 0;
  let p = pos;
  let best = -1;
  let bestInfo: MonthInfo | undefined;
  for (;;) {
    const c = text.charCodeAt(p);
    let next: number;
    if (isSpaceCode(c)) {
      next = TRIE_NEXT[node * TRIE_WIDTH + TRIE_ALPHABET[TRIE_SPACE]];
      if (next === 0) break;
      do p++;
      while (isSpaceCode(text.charCodeAt(p)));
    } else {
      const a = c < 0x700 ? TRIE_ALPHABET[c] : 0; // NaN past the end: not < 0x700
      if (a === 0) break;
      next = TRIE_NEXT[node * TRIE_WIDTH + a];
      if (next === 0) break;
      p++;
    }
    node = next;
    const info = TRIE_INFO[node];
    if (info !== undefined) {
      best = p;
      bestInfo = info;
    }
  }
  monthEndInfo = bestInfo;
  return best;
}
/** The month (MONTHS entry) of the name found by the last monthEndAt (no slice, no key, no lookup). */
let monthEndInfo: MonthInfo | undefined;

/** End of the month found by the last monthAfter. */
let monthAfterEnd = -1;

/**
 * Start of the month name MONTH_AFTER_RE (`withMin`) or MONTH_AFTER_MIN_RE matches at `pos`, or -1
 * (end in monthAfterEnd): whitespace, ["من" whitespace], ["شهر" whitespace], month. No month name
 * starts with "من" or "شهر", so the regexes' backtracking past those words finds nothing more.
 */
function monthAfter(text: string, pos: number, withMin: boolean): number {
  const p = afterSomeSpace(text, pos);
  if (p < 0) return -1;
  if (withMin && text.charCodeAt(p) === 0x645 && text.charCodeAt(p + 1) === 0x646) {
    const q = afterSomeSpace(text, p + 2);
    return q < 0 ? -1 : monthAfterShahr(text, q);
  }
  return monthAfterShahr(text, p);
}

function monthAfterShahr(text: string, p: number): number {
  if (text.startsWith("شهر", p)) {
    const q = afterSomeSpace(text, p + 3);
    const end = q < 0 ? -1 : monthEndAt(text, q);
    if (end >= 0) {
      monthAfterEnd = end;
      return q;
    }
    return -1;
  }
  const end = monthEndAt(text, p);
  if (end < 0) return -1;
  monthAfterEnd = end;
  return p;
}

/**
 * End and month of the name found by the last successful forward reading in monthOfAnchor
 * (DIGITS with a day, MIN), else -1: mentionAtAnchor need not read the name again.
 */
let anchorMonthEnd = -1;
let anchorMonthInfo: MonthInfo | undefined;

/**
 * @internal Start of the month name an anchor points at in `text`, or -1. With more text around
 * (the whole block instead of its line) it finds at least what it finds with less.
 */
export function monthOfAnchor(text: string, anchor: number): number {
  // The markdown plugin asks about an anchor on its block, then (through mentionAtAnchor) on its
  // line, which is most often the same string: answer the second time from the first.
  if (anchor === lastAnchor && text === lastAnchorText) {
    anchorMonthEnd = lastAnchorMonthEnd;
    anchorMonthInfo = lastAnchorMonthInfo;
    return lastAnchorResult;
  }
  const result = monthOfAnchorUncached(text, anchor);
  rememberAnchor(text, anchor, result);
  return result;
}

/** Keeps `result` (and anchorMonthEnd/anchorMonthInfo) as monthOfAnchor's answer for `anchor` in `text`. */
function rememberAnchor(text: string, anchor: number, result: number): void {
  lastAnchorText = text;
  lastAnchorMonthEnd = anchorMonthEnd;
  lastAnchorMonthInfo = anchorMonthInfo;
  lastAnchor = anchor;
  lastAnchorResult = result;
}
let lastAnchorText = "";
let lastAnchor = -1;
let lastAnchorMonthEnd = -1;
let lastAnchorMonthInfo: MonthInfo | undefined;
let lastAnchorResult = -1;

function monthOfAnchorUncached(text: string, anchor: number): number {
  anchorMonthEnd = -1;
  const pos = anchor >>> 2;
  switch (anchor & 3) {
    case DIGITS: {
      let end = pos + 1;
      while (isDigitCode(text.charCodeAt(end))) end++;
      const length = end - pos;
      if (length <= 2) {
        if (monthHeadAfter(text, end) < 0) return -1;
        const start = monthAfter(text, end, true);
        if (start < 0) return -1;
        anchorMonthEnd = monthAfterEnd; // the same match MONTH_AT_RE makes there
        anchorMonthInfo = monthEndInfo;
        return start;
      }
      if (length !== 4 || !monthMayEndBeforeYear(text, pos)) return -1;
      return monthStartBefore(text, pos, Math.max(0, pos - BEFORE_WINDOW), true);
    }
    case MIN: {
      if (monthHeadAfter(text, pos + 2) < 0) return -1;
      const start = monthAfter(text, pos + 2, false);
      if (start < 0) return -1;
      anchorMonthEnd = monthAfterEnd;
      anchorMonthInfo = monthEndInfo;
      return start;
    }
    case REL: {
      const end = skipSpaceBackTo(text, pos);
      if (end === pos || !monthTailAt(text, end)) return -1;
      if (!relativeWordAt(text, pos)) return -1;
      return monthStartBefore(text, pos, Math.max(0, pos - BEFORE_WINDOW), false);
    }
    default:
      return -1;
  }
}


/** Years accepted as written years: keeps "شباط 300 مقاتل" and the like out. */
const GREGORIAN_YEARS = [1800, 2199] as const;
const HIJRI_YEARS = [1300, 1600] as const;

// ---------------------------------------------------------------------------------------------
// Small calendar helpers.

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * ISO strings of days (d 1-31) and months (d 0), memoised by one number: no padding per date, and
 * the same string each time (its hash is kept, so the plugin's title memo finds it faster).
 */
const isoMemo = new Map<number, string>();
function isoOf(y: number, m: number, d: number): string {
  const memoKey = (y * 16 + m) * 32 + d;
  let iso = isoMemo.get(memoKey);
  if (iso === undefined) {
    iso = d === 0 ? `${pad(y, 4)}-${pad(m)}` : `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
    if (isoMemo.size >= 20_000) isoMemo.clear();
    isoMemo.set(memoKey, iso);
  }
  return iso;
}

function isoDay(y: number, m: number, d: number): string {
  return isoOf(y, m, d);
}

/** Value of the two or four ASCII digits at `text[from, to)`. */
function digitsAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + text.charCodeAt(i) - 0x30;
  return n;
}

function dayNumber(iso: string): number {
  if (iso.length === 10 && iso.charCodeAt(4) === 0x2d && iso.charCodeAt(7) === 0x2d) {
    return daysFromCivil(digitsAt(iso, 0, 4), digitsAt(iso, 5, 7), digitsAt(iso, 8, 10));
  }
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

function weekdayOf(iso: string): number {
  return (dayNumber(iso) + 4) % 7; // 1970-01-01 was a Thursday (4)
}

/** Word characters (\\p{L}, \\p{M}, \\p{N}) below U+0700 by UTF-16 code unit: 1 yes, 0 no. */
const WORD_CODES = new Uint8Array(0x700);
for (let c = 0; c < 0x700; c++) WORD_CODES[c] = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 0;

/** True when code unit `c` is a letter, mark or digit (NaN, past the end of a string, is not). */
function isWordCode(c: number): boolean {
  if (c < 0x700) return WORD_CODES[c] === 1;
  return c === c && WORD_CHAR.test(String.fromCharCode(c));
}

/** `isWordCode` of `text[pos]`: no one-character string and regex test per character (the words read around each date made those the costliest part of a date). */
function isWordAt(text: string, pos: number): boolean {
  return isWordCode(text.charCodeAt(pos));
}

/** `isWordAt` by code point: a letter outside the BMP (a surrogate pair) is a word character too. */
function isWordCodePointAt(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos);
  if (c >= 0xd800 && c <= 0xdbff) {
    const low = text.charCodeAt(pos + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return WORD_CHAR.test(text.slice(pos, pos + 2));
  }
  return isWordCode(c);
}

/** True when a relative word ("الجاري", "المقبل", …) stands at `pos` as a whole word. */
function relativeWordAt(text: string, pos: number): boolean {
  return trieMatchAt(RELATIVE_TRIE, text, pos) >= 0 && !isWordCodePointAt(text, trieMatchEnd);
}


/** True when `text[pos]` starts a word, allowing one glued proclitic that itself starts a word. */
function startsWord(text: string, pos: number): boolean {
  if (!isWordAt(text, pos - 1)) return true;
  return isProcliticCode(text.charCodeAt(pos - 1)) && !isWordAt(text, pos - 2);
}

type RefDate = { y: number; m: number; d: number; iso: string };
/** The last refDate parsed: the markdown plugin calls findDates per text token with the same one. */
let lastRef: RefDate | undefined;

function parseRefDate(refDate: string | undefined): RefDate | undefined {
  if (refDate === undefined) return undefined;
  if (lastRef && lastRef.iso === refDate) return lastRef;
  const match = typeof refDate === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(refDate) : null;
  if (!match) throw new AkhbarError(`refDate must be "YYYY-MM-DD", got ${JSON.stringify(refDate)}`, { field: "refDate" });
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    throw new AkhbarError(`refDate is not a calendar day: ${JSON.stringify(refDate)}`, { field: "refDate" });
  }
  lastRef = { y, m, d, iso: refDate };
  return lastRef;
}

/** The year of month `month` that a relative word names, seen from (refYear, refMonth). */
export function resolveRelativeYear(
  relative: "current" | "next" | "previous",
  month: number,
  refYear: number,
  refMonth: number,
): number {
  if (relative === "current") return refYear;
  if (relative === "next") return month > refMonth ? refYear : refYear + 1;
  return month < refMonth ? refYear : refYear - 1;
}

/** Memo of Hijri month starts (Gregorian ISO) and lengths, per calendar + adjustments. */
const hijriMonthMemo = new Map<string, { start: string; length: number } | null>();

function dateOptionsKey(options: DateOptions): string {
  const adj = options.hijriAdjustments;
  return `${options.hijriCalendar ?? ""}|${adj ? JSON.stringify(adj) : ""}`;
}

/** First day (Gregorian ISO) and length of a Hijri month; null outside the years we accept. */
function hijriMonth(year: number, month: number, options: DateOptions): { start: string; length: number } | null {
  if (year < HIJRI_YEARS[0] || year > HIJRI_YEARS[1]) return null;
  const memoKey = `${dateOptionsKey(options)}|${year}-${month}`;
  const cached = hijriMonthMemo.get(memoKey);
  if (cached !== undefined) return cached;
  // Bad options (e.g. malformed hijriAdjustments) throw AkhbarError from the engine: let them.
  const result = { start: hijriMonthStart(year, month, options), length: hijriMonthLength(year, month, options) };
  if (hijriMonthMemo.size > 5000) hijriMonthMemo.clear();
  hijriMonthMemo.set(memoKey, result);
  return result;
}

function addDays(iso: string, days: number): string {
  return formatDay(dayNumber(iso) + days);
}

// ---------------------------------------------------------------------------------------------
// The recogniser.

// What readLeft and readRight found, in module scratch variables (no object per date).
/** Start of the mention (weekday or day), the day (-1: none) and the weekday index (-1: none). */
let leftStart = 0;
let leftDay = -1;
let leftWeekday = -1;
/** End of the mention, the written year (-1: none) and the relative word's meaning. */
let rightEnd = 0;
let rightYear = -1;
let rightRelative: "current" | "next" | "previous" | undefined;
/** End of the word found by the last wordStartBefore. */
let wordEnd = 0;

/** Value of the digits in text[from, to) (any of the three sets). */
function digitsValueAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    n = n * 10 + (c <= 0x39 ? c - 0x30 : c >= 0x6f0 ? c - 0x6f0 : c - 0x660);
  }
  return n;
}

/** Start of the ordinal found by the last ordinalEndingAt. */
let ordinalStart = 0;

/**
 * The day of the ordinal of one to three words ("السادس", "السادس عشر", "الحادي و العشرين") that
 * ends at `end`, or -1; its start in ordinalStart. The reversed trie of the phrases is walked back
 * from `end` (a whitespace run standing for the space between words); the longest phrase that starts
 * a word, also after one glued proclitic ("والسادس"), wins. No word strings, no map lookups.
 */
function ordinalEndingAt(text: string, end: number): number {
  const values = ORDINAL_TRIE.values;
  let node = 0;
  let p = end;
  let day = -1;
  while (p > 0) {
    node = trieStepBack(ORDINAL_TRIE.next, node, text, p, 0);
    if (node === 0) break;
    p = stepPos;
    if (values[node] >= 0 && (!isWordAt(text, p - 1) || (isProcliticCode(text.charCodeAt(p - 1)) && !isWordAt(text, p - 2)))) {
      day = values[node];
      ordinalStart = p;
    }
  }
  return day;
}

/** The value of the word text[start, end) in the forward trie `trie`, or -1. */
function trieValue(trie: { next: Uint16Array; values: Int8Array }, text: string, start: number, end: number): number {
  let node = 0;
  for (let p = start; p < end; p++) {
    const c = text.charCodeAt(p);
    const a = c < 0x700 ? TRIE_ALPHABET[c] : 0;
    if (a === 0) return -1;
    node = trie.next[node * TRIE_WIDTH + a];
    if (node === 0) return -1;
  }
  return trie.values[node];
}

/** Proclitics before the weekday found by the last weekdayOfWord (0 or 1). */
let weekdayProclitic = 0;

/** The weekday (getDay() index) the word text[start, end) names, also after one proclitic ("والجمعة"), or -1. */
function weekdayOfWord(text: string, start: number, end: number): number {
  weekdayProclitic = 0;
  const day = trieValue(WEEKDAY_TRIE, text, start, end);
  if (day >= 0 || end - start <= 2 || !isProcliticCode(text.charCodeAt(start))) return day;
  weekdayProclitic = 1;
  return trieValue(WEEKDAY_TRIE, text, start + 1, end);
}

/**
 * Start of the word that ends before `end`, separated from it by whitespace (and, with `comma`, by
 * an Arabic or Latin comma), or -1 when nothing separates them or no word is there; its end in
 * `wordEnd`. `wordBefore` without the object and the slice.
 */
function wordStartBefore(text: string, end: number, comma: boolean): number {
  let e = end;
  while (e > 0 && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (comma && e > 0) {
    const c = text.charCodeAt(e - 1);
    if (c === 0x60c || c === 0x2c) {
      e--;
      while (e > 0 && isSpaceCode(text.charCodeAt(e - 1))) e--;
    }
  }
  if (e === end) return -1;
  let s = e;
  while (s > 0 && isWordAt(text, s - 1)) s--;
  wordEnd = e;
  return s === e ? -1 : s;
}

/** True when text[start, end) is `word`. */
function isWord(text: string, start: number, end: number, word: string): boolean {
  return end - start === word.length && text.startsWith(word, start);
}

/** True when text[from, to) is one or more digits (any of the three sets). */
function allDigitsAt(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) if (!isDigitCode(text.charCodeAt(i))) return false;
  return true;
}

/** True for the code of a single-letter proclitic that may be glued to a word: و, ب, ل, ف. */
function isProcliticCode(c: number): boolean {
  return c === 0x648 || c === 0x628 || c === 0x644 || c === 0x641;
}

/** Every weekday spelling starts with "ال": a word that neither does nor does after one proclitic is none. */
const WEEKDAYS_START_WITH_AL = [...WEEKDAY_BY_NAME.keys()].every((name) => name.startsWith("ال"));
function mayBeWeekday(text: string, start: number): boolean {
  if (!WEEKDAYS_START_WITH_AL) return true;
  const c = text.charCodeAt(start);
  if (c === 0x627) return text.charCodeAt(start + 1) === 0x644;
  return text.charCodeAt(start + 1) === 0x627 && text.charCodeAt(start + 2) === 0x644;
}

/**
 * What may stand before a month name, read word by word backwards (a regex anchored at the end
 * of a window cost ~20 µs per month): [weekday [،] [الموافق|في]] (day number [من] | ordinal من)
 * [شهر]. A number that is no day (3+ digits, a year, glued to a word) refuses the mention, so that
 * "150 آذار 2017" does not become "آذار 2017". Returns false when refused; sets leftStart,
 * leftDay and leftWeekday. Words are compared in place (no word objects or slices but for a
 * possible weekday or ordinal).
 */
function readLeft(text: string, monthStart: number): boolean {
  leftStart = monthStart;
  leftDay = -1;
  leftWeekday = -1;
  let s = wordStartBefore(text, monthStart, false);
  let e = wordEnd;
  if (s >= 0 && isWord(text, s, e, "شهر")) {
    s = wordStartBefore(text, s, false);
    e = wordEnd;
  }
  let min = false;
  if (s >= 0 && isWord(text, s, e, "من")) {
    min = true;
    s = wordStartBefore(text, s, false);
    e = wordEnd;
  }
  if (s < 0) return true;
  let day: number;
  let dayStart: number;
  if (isDigitCode(text.charCodeAt(e - 1))) {
    dayStart = s;
    if (!allDigitsAt(text, s, e) && isProcliticCode(text.charCodeAt(s)) && allDigitsAt(text, s + 1, e)) {
      dayStart++; // "و5 آذار": the conjunction is not part of the date
    }
    if (!allDigitsAt(text, dayStart, e) || e - dayStart > 2) return false;
    day = digitsValueAt(text, dayStart, e);
    if (day < 1 || day > 31) return false;
  } else if (min) {
    day = ordinalEndingAt(text, e);
    if (day < 0) return true;
    dayStart = ordinalStart;
  } else {
    return true;
  }
  // Weekday before the day: "الجمعة 22", "يوم الجمعة، 22", "الاثنين الموافق 4", "والخميس 5".
  let b = wordStartBefore(text, dayStart, true);
  let be = wordEnd;
  if (b >= 0 && (isWord(text, b, be, "الموافق") || isWord(text, b, be, "في"))) {
    b = wordStartBefore(text, b, true);
    be = wordEnd;
  }
  const weekday = b >= 0 && mayBeWeekday(text, b) ? weekdayOfWord(text, b, be) : -1;
  leftDay = day;
  if (weekday >= 0) {
    leftStart = b + weekdayProclitic;
    leftWeekday = weekday;
  } else {
    leftStart = dayStart;
  }
  return true;
}

/** First character at or after `pos` that is no whitespace. */
function afterSpace(text: string, pos: number): number {
  while (isSpaceCode(text.charCodeAt(pos))) pos++;
  return text.charCodeAt(pos);
}

/** First characters YEAR_RE can continue with after whitespace: a digit, or "من", "عام", "العام", "لعام", "سنة". */
function mayStartYear(c: number): boolean {
  return isDigitCode(c) || c === 0x645 || c === 0x639 || c === 0x627 || c === 0x644 || c === 0x633;
}

const NO_ERA = 0;
const HIJRI_ERA = 1;
const GREGORIAN_ERA = 2;
/** Results of the last successful readYear (module scratch: no object per call). */
let yearDigitsStart = 0;
let yearDigitsEnd = 0;
let yearEra = NO_ERA;
let yearEraEnd = 0;

/** The year word ("عام", "العام", "لعام", "سنة", "السنة") at `pos`: its end, or -1. */
function yearWordEnd(text: string, pos: number): number {
  return trieMatchAt(YEAR_WORD_TRIE, text, pos) >= 0 ? trieMatchEnd : -1;
}

/** Position after whitespace at `pos` (at least one character of it), or -1. */
function afterSomeSpace(text: string, pos: number): number {
  if (!isSpaceCode(text.charCodeAt(pos))) return -1;
  do pos++;
  while (isSpaceCode(text.charCodeAt(pos)));
  return pos;
}

/** Past an optional "ة" (or its spelling "ه") at `pos`: "هجري" / "هجرية" / "هجريه". */
function afterFeminineEnding(text: string, pos: number): number {
  const c = text.charCodeAt(pos);
  return c === 0x629 || c === 0x647 ? pos + 1 : pos;
}

/** The era at `pos`, as the alternation of YEAR_RE tries them (the first that matches): sets yearEra/yearEraEnd. */
function readEra(text: string, pos: number): boolean {
  const c = text.charCodeAt(pos);
  let end = -1;
  let era = NO_ERA;
  if (c === 0x647) {
    era = HIJRI_ERA;
    if (text.startsWith("هجري", pos)) {
      end = afterFeminineEnding(text, pos + 4);
    } else {
      end = text.charCodeAt(pos + 1) === 0x640 ? pos + 2 : pos + 1; // "هـ", else "ه"
    }
  } else if (c === 0x644) {
    if (text.startsWith("للهجرة", pos)) [era, end] = [HIJRI_ERA, pos + 6];
    else if (text.startsWith("للميلاد", pos)) [era, end] = [GREGORIAN_ERA, pos + 7];
  } else if (c === 0x645) {
    era = GREGORIAN_ERA;
    if (text.startsWith("ميلادي", pos)) {
      end = afterFeminineEnding(text, pos + 6);
    } else {
      end = pos + 1; // "م"
    }
  }
  if (end < 0) return false;
  yearEra = era;
  yearEraEnd = end;
  return true;
}

/**
 * What YEAR_RE (sticky) matches at `pos`, read by character codes (no match array per date):
 * whitespace, [[من] year word whitespace], digits, [[whitespace] era]. Sets the year* scratch
 * variables and returns true, or returns false where YEAR_RE finds nothing.
 */
function readYear(text: string, pos: number): boolean {
  const p = afterSomeSpace(text, pos);
  if (p < 0) return false;
  let digits = -1;
  // The optional group, with "من" first (a regex backtracks to the group without it, then to none).
  if (text.charCodeAt(p) === 0x645 && text.charCodeAt(p + 1) === 0x646) {
    const q = afterSomeSpace(text, p + 2);
    const w = q < 0 ? -1 : yearWordEnd(text, q);
    const r = w < 0 ? -1 : afterSomeSpace(text, w);
    if (r >= 0 && isDigitCode(text.charCodeAt(r))) digits = r;
  }
  if (digits < 0) {
    // Digits right away, else a year word first (none starts with a digit: same result, fewer compares).
    if (isDigitCode(text.charCodeAt(p))) {
      digits = p;
    } else {
      const w = yearWordEnd(text, p);
      const r = w < 0 ? -1 : afterSomeSpace(text, w);
      if (r >= 0 && isDigitCode(text.charCodeAt(r))) digits = r;
      else return false;
    }
  }
  let end = digits + 1;
  while (isDigitCode(text.charCodeAt(end))) end++;
  yearDigitsStart = digits;
  yearDigitsEnd = end;
  yearEra = NO_ERA;
  yearEraEnd = end;
  // `\s?` is greedy: the era after one whitespace character, else right after the digits.
  if (!(isSpaceCode(text.charCodeAt(end)) && readEra(text, end + 1))) readEra(text, end);
  return true;
}

/** What follows the month at `pos`: sets rightEnd, rightYear (-1: none) and rightRelative. */
function readRight(text: string, pos: number, info: MonthInfo): void {
  rightYear = -1;
  rightRelative = undefined;
  // Each regex below is tried only when the next character allows it (regexes are the costly part).
  const next = afterSpace(text, pos);
  const alt = next === 0x2f || next === 0x28 || next === 0x2d || next === 0x2013 ? ((ALT_MONTH_RE.lastIndex = pos), ALT_MONTH_RE.exec(text)) : null;
  if (alt) {
    const other = MONTHS.get(key(alt[1]));
    if (other && other.calendar === info.calendar && other.month === info.month) pos = ALT_MONTH_RE.lastIndex;
  }
  const spaced = isSpaceCode(text.charCodeAt(pos));
  const word = spaced ? afterSpace(text, pos) : -1;
  if (spaced && mayStartYear(word) && readYear(text, pos)) {
    const digitsEnd = yearDigitsEnd;
    const eraOk = yearEra === (info.calendar === "hijri" ? HIJRI_ERA : GREGORIAN_ERA) && !isWordAt(text, yearEraEnd);
    const end = eraOk ? yearEraEnd : digitsEnd;
    const year = digitsValueAt(text, yearDigitsStart, digitsEnd);
    const [lo, hi] = info.calendar === "hijri" ? HIJRI_YEARS : GREGORIAN_YEARS;
    if (digitsEnd - yearDigitsStart === 4 && year >= lo && year <= hi && !isWordAt(text, end)) {
      rightEnd = end;
      rightYear = year;
      return;
    }
  }
  if (word === 0x627) {
    let p = pos;
    while (isSpaceCode(text.charCodeAt(p))) p++;
    const relative = trieMatchAt(RELATIVE_TRIE, text, p);
    if (relative >= 0 && !isWordAt(text, trieMatchEnd)) {
      rightEnd = trieMatchEnd;
      rightRelative = RELATIVE_LIST[relative][1];
      return;
    }
  }
  rightEnd = pos;
}

/** Year nearest to the reference day for a day-month mention without a year (Gregorian). */
function nearestGregorian(month: number, day: number, ref: { y: number; iso: string }): string | undefined {
  const refDay = dayNumber(ref.iso);
  let bestYear = 0;
  let bestDistance = -1;
  for (let y = ref.y - 1; y <= ref.y + 1; y++) {
    if (day > daysInMonth(y, month)) continue;
    const distance = Math.abs(dayNumber(isoDay(y, month, day)) - refDay);
    if (bestDistance < 0 || distance < bestDistance) {
      bestYear = y;
      bestDistance = distance;
    }
  }
  return bestDistance < 0 ? undefined : isoDay(bestYear, month, day);
}

/**
 * Every date named in `text`, in order. Mentions whose weekday contradicts the date are included
 * with `weekday.matches === false` (callers warn and leave them unmarked). Relative and year-less
 * mentions are included only when `options.refDate` is given.
 * @throws AkhbarError when `refDate` is not a "YYYY-MM-DD" calendar day.
 */
/** Reused by findDates (not re-entrant: nothing it calls calls it). */
const scratchAnchors: number[] = [];

export function findDates(text: string, options: FindDatesOptions = {}): DateMention[] {
  parseRefDate(options.refDate); // throws on a malformed refDate even when the text names no date
  const found: DateMention[] = [];
  if (typeof text !== "string" || text.length < 3) return found;
  const anchors = scratchAnchors;
  if (anchors.length !== 0) anchors.length = 0; // setting length costs a runtime call: only when needed
  scanAnchors(text, 0, text.length, NO_STOPS, anchors);
  let lastEnd = 0;
  for (let i = 0; i < anchors.length; i++) {
    const mention = mentionAtAnchor(text, anchors[i], lastEnd, options);
    if (mention) {
      found.push(mention);
      lastEnd = mention.end;
    }
  }
  return found;
}

/**
 * @internal The mention that anchor `anchor` (from `scanAnchors` on `text`) leads to, starting at or
 * after `lastEnd` (the end of the previous mention), or undefined. `findDates` is this over all
 * anchors in order; the markdown plugin calls it for the anchors it finds while markdown-it reads.
 */
export function mentionAtAnchor(text: string, anchor: number, lastEnd: number, options: FindDatesOptions): DateMention | undefined {
  if (anchor >>> 2 < lastEnd) return undefined; // inside the last mention
  const monthStart = monthOfAnchor(text, anchor);
  if (monthStart < lastEnd) return undefined;
  let monthEnd = anchorMonthEnd;
  let info = anchorMonthInfo;
  if (monthEnd < 0) {
    monthEnd = monthEndAt(text, monthStart);
    if (monthEnd < 0) return undefined;
    info = monthEndInfo;
  }
  if (isWordAt(text, monthEnd)) return undefined;
  if (!readLeft(text, monthStart)) return undefined; // a number that is no day
  // A month with no day before it must not be glued to a word ("الآب 2017"); a proclitic is fine.
  if (leftDay < 0 && !startsWord(text, monthStart)) return undefined;
  readRight(text, monthEnd, info!);
  const mention = resolve(text, info!, parseRefDate(options.refDate), options);
  return mention && mention.start >= lastEnd ? mention : undefined;
}

/** The mention readLeft and readRight found (their scratch variables) around a month `info`. */
function resolve(text: string, info: MonthInfo, ref: ReturnType<typeof parseRefDate>, options: DateOptions): DateMention | undefined {
  // Objects are built field by field, not spread: spreads cost more than the rest of this function.
  const day = leftDay < 0 ? undefined : leftDay;
  const writtenYear = rightYear < 0 ? undefined : rightYear;
  const relative = rightRelative;
  // A bare month ("أيار", "آب") names no date.
  if (day === undefined && writtenYear === undefined && relative === undefined) return undefined;
  if (writtenYear === undefined && !ref) return undefined;
  const kind: "day" | "month" = day === undefined ? "month" : "day";
  let iso: string;
  let gregorian: DateMention["gregorian"];
  let hijri: DateMention["hijri"];
  let inferred = false;
  if (info.calendar === "gregorian") {
    let year = writtenYear;
    if (year === undefined && relative) year = resolveRelativeYear(relative, info.month, ref!.y, ref!.m);
    if (year !== undefined) {
      if (day === undefined) {
        iso = isoOf(year, info.month, 0);
        gregorian = { year, month: info.month };
      } else {
        if (day > daysInMonth(year, info.month)) return undefined;
        iso = isoDay(year, info.month, day);
        gregorian = { year, month: info.month, day };
      }
    } else {
      const nearest = nearestGregorian(info.month, day!, ref!);
      if (!nearest) return undefined;
      iso = nearest;
      inferred = true;
      gregorian = { year: Number(iso.slice(0, 4)), month: info.month, day };
    }
  } else {
    let year = writtenYear;
    if (year === undefined) {
      const refHijri = toHijri(ref!.iso, options);
      if (relative) {
        year = resolveRelativeYear(relative, info.month, refHijri.year, refHijri.month);
      } else {
        // The Hijri year whose day is nearest to the reference day.
        inferred = true;
        let bestDistance = Infinity;
        for (const y of [refHijri.year - 1, refHijri.year, refHijri.year + 1]) {
          const hm = hijriMonth(y, info.month, options);
          if (!hm || day! > hm.length) continue;
          const distance = Math.abs(dayNumber(hm.start) + day! - 1 - dayNumber(ref!.iso));
          if (distance < bestDistance) [bestDistance, year] = [distance, y];
        }
        if (year === undefined) return undefined;
      }
    }
    const hm = hijriMonth(year, info.month, options);
    if (!hm) return undefined;
    if (day !== undefined && day > hm.length) return undefined;
    iso = day === undefined ? hm.start : addDays(hm.start, day - 1);
    gregorian = { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
    hijri = day === undefined ? { year, month: info.month } : { year, month: info.month, day };
  }
  const matched = text.slice(leftStart, rightEnd);
  const mention: DateMention = {
    start: leftStart,
    end: rightEnd,
    text: matched,
    kind,
    calendar: info.calendar,
    iso,
    gregorian,
    monthSets: info.sets,
    digits: hasArabicIndicDigit(matched) ? "arab" : "latn",
  };
  if (hijri) mention.hijri = hijri;
  if (relative) mention.relative = relative;
  if (inferred) mention.inferredYear = true;
  if (leftWeekday >= 0) {
    mention.weekday = { name: WEEKDAYS[leftWeekday], matches: weekdayOf(iso) === leftWeekday };
  }
  return mention;
}

/** The mentions a page can be dated by: consistent ones (no contradicting weekday). */
export function consistentDates(mentions: readonly DateMention[]): DateMention[] {
  return mentions.filter((m) => m.weekday?.matches !== false);
}
