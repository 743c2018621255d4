/**
 * Name normalisation for registry look-ups: what an editor typed and what the registry holds
 * should match despite spacing, harakat, tatweel, invisible marks and (optionally) alef variants.
 */

export interface NormalizeOptions {
  /** Treat أ إ آ ٱ as ا (and ى as ي). Default true. */
  foldAlef?: boolean;
}

// Harakat, Quranic marks, superscript alef; tatweel.
const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
// Bidi marks, isolates, overrides, zero-width characters and BOM.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF]/g;
const ALEF = /[\u0622\u0623\u0625\u0671]/g;

/** Collapse runs of whitespace to one space and trim. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The comparison key of a source or editor name. */
export function normalizeName(name: string, options: NormalizeOptions = {}): string {
  let key = name.normalize("NFC").replace(INVISIBLE, "").replace(MARKS, "");
  if (options.foldAlef !== false) key = key.replace(ALEF, "\u0627").replace(/\u0649/g, "\u064A");
  return collapseSpaces(key).toLowerCase();
}
