/**
 * The breaking-news data file (`_data/breaking.json`, docs/front-matter.md "Breaking items"): every
 * ticker item of every imported page, once. An item seen on many pages is stored once with all those
 * pages in `seenOn`. Key: text and sources (whitespace collapsed, NFC, sources sorted) and time.
 *
 * Merging with an existing file: items are kept; pages imported in this run are first removed from
 * every `seenOn` (items left with no page and that came from the importer — they have a `seenOn` —
 * are dropped), then this run's items are added. Re-importing the same pages therefore gives the same
 * file, and re-dating a page moves its items instead of duplicating them. Output order: time
 * descending, then text, then sources (code-point order); output bytes are stable.
 */
import { readFileSync } from "node:fs";
import { AkhbarError } from "../errors.js";
import type { TickerItem } from "./parse.js";
import { addDaysTo, dayOfDateValue, wallTimeIso } from "./time.js";

export interface BreakingItem {
  text: string;
  sources: string[];
  /**
   * ISO date-time with offset; a date-only "YYYY-MM-DD" for an item that had no time on the page.
   */
  time: string;
  seenOn?: string[];
  /** Other fields of an existing file (url, …) are kept. */
  [key: string]: unknown;
}

/** Characters that can change under NFC: anything outside Latin-1/Arabic letters, and the Arabic
 * combining hamza/madda marks (U+0653-U+0655). Most ticker text has none, and normalize() is slow. */
const MAY_COMPOSE = /[^\u0000-\u02FF\u0600-\u0652\u0656-\u06FF\u200B-\u200F]/;

function collapse(text: string): string {
  const nfc = MAY_COMPOSE.test(text) ? text.normalize("NFC") : text;
  return nfc.replace(/\s+/g, " ").trim();
}

export function itemKey(item: Pick<BreakingItem, "text" | "sources" | "time">): string {
  return JSON.stringify([collapse(item.text), item.sources.map(collapse).sort(), item.time]);
}

/** A page's ticker items as breaking items, timed from the page's date in `timeZone`. */
export function breakingItemsOf(
  ticker: readonly TickerItem[],
  pageDate: string,
  pageName: string,
  timeZone: string,
): BreakingItem[] {
  const day = dayOfDateValue(pageDate, timeZone);
  return ticker.map((item) => {
    const itemDay = item.dayOffset === 0 ? day : addDaysTo(day, item.dayOffset);
    return {
      text: item.text,
      sources: [...item.sources],
      time: item.time === null ? itemDay : wallTimeIso(itemDay, item.time, timeZone),
      seenOn: [pageName],
    };
  });
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sort key, newest first. Date-only times sort as the start of their day (UTC). */
function instantOf(time: string): number {
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(time) ? `${time}T00:00:00Z` : time);
  return Number.isNaN(ms) ? -Infinity : ms;
}

/** Validate an existing breaking file's content. */
export function parseBreakingJson(text: string, file: string): BreakingItem[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (cause) {
    throw new AkhbarError(`not valid JSON: ${(cause as Error).message}`, { file, cause });
  }
  if (!Array.isArray(data)) throw new AkhbarError("expected a JSON array of ticker items", { file });
  return data.map((entry, index) => {
    const e = entry as Record<string, unknown>;
    const ok =
      e !== null &&
      typeof e === "object" &&
      typeof e.text === "string" &&
      typeof e.time === "string" &&
      (e.sources === undefined || (Array.isArray(e.sources) && e.sources.every((s) => typeof s === "string"))) &&
      (e.seenOn === undefined || (Array.isArray(e.seenOn) && e.seenOn.every((s) => typeof s === "string")));
    if (!ok) {
      throw new AkhbarError(`item ${index} is not {text, sources, time[, seenOn]}: ${JSON.stringify(entry)}`, { file });
    }
    return { ...e, sources: (e.sources as string[] | undefined) ?? [] } as BreakingItem;
  });
}

export function readBreakingFile(path: string): BreakingItem[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new AkhbarError(`cannot read the ticker data file: ${(error as Error).message}`, { file: path, cause: error });
  }
  return parseBreakingJson(text, path);
}

/**
 * Merge `fresh` items (from the pages named in `importedPages`) into `existing`. Pure and
 * deterministic.
 */
export function mergeBreaking(
  existing: readonly BreakingItem[],
  fresh: readonly BreakingItem[],
  importedPages: ReadonlySet<string>,
): BreakingItem[] {
  const byKey = new Map<string, BreakingItem>();
  const add = (item: BreakingItem) => {
    const key = itemKey(item);
    const known = byKey.get(key);
    if (!known) {
      // Stored normalised, so that which of two equal-keyed items comes first does not matter.
      byKey.set(key, {
        ...item,
        text: collapse(item.text),
        sources: item.sources.map(collapse),
        ...(item.seenOn ? { seenOn: [...item.seenOn] } : {}),
      });
      return;
    }
    if (item.seenOn) {
      const pages = known.seenOn ?? [];
      for (const page of item.seenOn) if (!pages.includes(page)) pages.push(page);
      known.seenOn = pages;
    }
  };
  for (const item of existing) {
    if (item.seenOn === undefined) {
      add(item);
      continue;
    }
    const seenOn = item.seenOn.filter((page) => !importedPages.has(page));
    if (seenOn.length > 0) add({ ...item, seenOn });
  }
  for (const item of fresh) add(item);
  // Sort with each item's instant computed once (Date.parse in the comparator dominated).
  const decorated = [...byKey.values()].map((item) => {
    if (item.seenOn) item.seenOn.sort(compareStrings);
    return { item, instant: instantOf(item.time), sources: item.sources.join("\u0000") };
  });
  decorated.sort(
    (a, b) =>
      b.instant - a.instant ||
      compareStrings(a.item.time, b.item.time) ||
      compareStrings(a.item.text, b.item.text) ||
      compareStrings(a.sources, b.sources),
  );
  return decorated.map((d) => d.item);
}

/** The file's bytes: field order text, sources, time, (other fields), seenOn; 2-space JSON. */
export function serializeBreaking(items: readonly BreakingItem[]): string {
  const ordered = items.map((item) => {
    const { text, sources, time, seenOn, ...rest } = item;
    const extra = Object.fromEntries(Object.keys(rest).sort(compareStrings).map((k) => [k, rest[k]]));
    return { text, sources, time, ...extra, ...(seenOn ? { seenOn } : {}) };
  });
  return JSON.stringify(ordered, null, 2) + "\n";
}
