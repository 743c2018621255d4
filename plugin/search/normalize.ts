/**
 * Arabic search normalisation (issue 5). Applied to the text the index is built from AND to the
 * reader's query, so both sides meet on one spelling. A copy of this function lives in
 * `_includes/akhbar/js/search.js` (the browser has no build step); `test/search-normalize.test.ts`
 * keeps the two identical.
 *
 * What it does, in order:
 * 1. drops harakat, Quranic marks, the superscript alef and tatweel;
 * 2. unifies letters: أ إ آ ٱ → ا, ة → ه, ى → ي, Persian ی → ي and ک → ك;
 * 3. Arabic-Indic (٠-٩) and Persian (۰-۹) digits → Latin 0-9; Latin letters lower-cased;
 * 4. strips the definite article from the start of each Arabic word: ال when at least two
 *    letters remain, وال فال بال كال لل when at least three remain (so والد, بالغ, لله stay).
 * Whitespace and punctuation are never added or removed, and a word never becomes empty.
 */

const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;
const LETTERS: Record<string, string> = {
  "\u0623": "\u0627", // أ
  "\u0625": "\u0627", // إ
  "\u0622": "\u0627", // آ
  "\u0671": "\u0627", // ٱ
  "\u0629": "\u0647", // ة → ه
  "\u0649": "\u064A", // ى → ي
  "\u06CC": "\u064A", // Persian yeh
  "\u06A9": "\u0643", // Persian kaf
};
const LETTER = /[\u0622\u0623\u0625\u0629\u0649\u0671\u06A9\u06CC]/g;
const DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/g;
/** A run of Arabic letters (after marks are gone). */
const WORD = /[\u0621-\u063A\u0641-\u064A\u066E-\u066F\u0671-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FC\u06FF]+/g;
/** Article prefixes, longest first: [prefix, letters that must remain]. */
const PREFIXES: [string, number][] = [
  ["\u0648\u0627\u0644", 3], // وال
  ["\u0641\u0627\u0644", 3], // فال
  ["\u0628\u0627\u0644", 3], // بال
  ["\u0643\u0627\u0644", 3], // كال
  ["\u0644\u0644", 3], // لل
  ["\u0627\u0644", 2], // ال
];

function digit(d: string): string {
  const code = d.charCodeAt(0);
  return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
}

/** The word without its definite article (when enough letters remain). */
export function stripArticle(word: string): string {
  for (const [prefix, keep] of PREFIXES) {
    if (word.startsWith(prefix) && word.length - prefix.length >= keep) return word.slice(prefix.length);
  }
  return word;
}

/** Normalise Arabic text for matching (see the module comment). Pure; any string in, string out. */
export function normalizeArabic(text: string): string {
  if (typeof text !== "string" || text === "") return "";
  // Whole-string replacements give the same result as word by word (none of them touches
  // whitespace), except for a word made only of marks, which must keep its place: rare, slow path.
  if (LONE_MARKS.test(text)) return text.split(/(\s+)/).map(token).join("");
  return convert(text);
}

const LONE_MARKS = new RegExp(`(?:^|\\s)(?:${MARKS.source})+(?=\\s|$)`);

function convert(text: string): string {
  return text
    .replace(MARKS, "")
    .replace(LETTER, (c) => LETTERS[c])
    .replace(DIGIT, digit)
    .toLowerCase()
    .replace(WORD, stripArticle);
}

function token(part: string): string {
  if (part === "" || /^\s+$/.test(part)) return part;
  const plain = convert(part);
  // A token made only of marks (a lone tatweel, say) keeps its place as it was.
  return plain === "" ? part : plain;
}
