/**
 * Tag rules (--tags-from): a JSON object mapping a keyword to a tag or a list of tags,
 *   { "إدلب": "إدلب", "سراقب": ["إدلب", "سراقب"], "الدفاع المدني": "إنقاذ" }
 * A keyword matches the headline or body when it occurs at the start of a word, optionally after
 * the attached prefixes و ف ب ل ك (and their combinations with ال: "بإدلب", "والدفاع المدني",
 * "للدفاع المدني"), ignoring harakat, tatweel and alef/hamza variants (أ إ آ -> ا) and case
 * for Latin letters. Tags come out in the order of the rules file, each once.
 */
import { readFileSync } from "node:fs";
import { AkhbarError } from "../errors.js";

export interface TagRule {
  keyword: string;
  tags: string[];
  /** Compiled matcher over normalised text. */
  re: RegExp;
}

const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

/** Fold the text for keyword matching (same length not required: only used for tests of presence). */
export function foldForMatching(text: string): string {
  return text.normalize("NFC").replace(MARKS, "").replace(/[\u0622\u0623\u0625\u0671]/g, "\u0627").toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const PREFIXES = "(?:[وف]?[بلك]?)";

function compile(keyword: string): RegExp {
  const folded = foldForMatching(keyword).replace(/\s+/g, " ").trim();
  // "ال" + "ل" contract to "لل" ("للدفاع" = ل + الدفاع).
  const body = escapeRegExp(folded).replace(/ /g, "\\s+");
  const alt = folded.startsWith("ال") ? `|[وف]?لل${escapeRegExp(folded.slice(2)).replace(/ /g, "\\s+")}` : "";
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${PREFIXES}${body}${alt})`, "u");
}

/** Validate and compile a rules object (the parsed JSON). */
export function compileTagRules(rules: unknown, file = "tag rules"): TagRule[] {
  if (rules === null || typeof rules !== "object" || Array.isArray(rules)) {
    throw new AkhbarError('expected a JSON object mapping keyword -> tag or [tags], e.g. {"إدلب": "إدلب"}', { file });
  }
  const out: TagRule[] = [];
  for (const [keyword, value] of Object.entries(rules as Record<string, unknown>)) {
    const tags = typeof value === "string" ? [value] : value;
    if (
      keyword.trim() === "" ||
      !Array.isArray(tags) ||
      tags.length === 0 ||
      !tags.every((t) => typeof t === "string" && t.trim() !== "")
    ) {
      throw new AkhbarError(`expected a non-empty keyword mapped to a tag or a list of tags, got ${JSON.stringify(value)}`, {
        file,
        field: keyword,
      });
    }
    out.push({ keyword, tags: (tags as string[]).map((t) => t.trim()), re: compile(keyword) });
  }
  return out;
}

export function readTagRules(path: string): TagRule[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
  } catch (cause) {
    throw new AkhbarError(`cannot read the tag rules (JSON): ${(cause as Error).message}`, { file: path, field: "--tags-from", cause });
  }
  return compileTagRules(parsed, path);
}

/** The tags whose keywords occur in the headline or the body. */
export function tagsFor(rules: readonly TagRule[], title: string, paragraphs: readonly string[]): string[] {
  if (rules.length === 0) return [];
  const text = foldForMatching([title, ...paragraphs].join("\n"));
  const tags: string[] = [];
  for (const rule of rules) {
    if (!rule.re.test(text)) continue;
    for (const tag of rule.tags) if (!tags.includes(tag)) tags.push(tag);
  }
  return tags;
}
