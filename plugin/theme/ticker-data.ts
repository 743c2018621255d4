/** Ticker items from the breaking data file and from articles flagged `breaking`. */
import { AkhbarError } from "../errors.js";
import { toInstant } from "../dates/index.js";
import type { DateOptions } from "../dates/types.js";
import { safeUrl, stripBidiControls } from "../html.js";
import type { ArticleView } from "./archive.js";

export interface TickerEntry {
  text: string;
  sources: string[];
  /** ISO instant. */
  time: string;
  epochMs: number;
  url?: string;
}

/** Validate `_data/breaking.json` (a list of { text, sources?, time, url? }). */
export function parseBreakingData(value: unknown, file: string, options: DateOptions): TickerEntry[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new AkhbarError("must be a list of ticker items", { file, field: "(root)" });
  return value.map((raw, i) => {
    const field = (name: string) => `[${i}].${name}`;
    if (raw === null || typeof raw !== "object") throw new AkhbarError("must be an object", { file, field: `[${i}]` });
    const item = raw as Record<string, unknown>;
    if (typeof item.text !== "string" || item.text.trim() === "") {
      throw new AkhbarError("is missing: every ticker item needs text", { file, field: field("text") });
    }
    const sources = item.sources ?? [];
    if (!Array.isArray(sources) || sources.some((s) => typeof s !== "string")) {
      throw new AkhbarError("must be a list of source names", { file, field: field("sources") });
    }
    if (typeof item.time !== "string" && !(item.time instanceof Date)) {
      throw new AkhbarError("is missing: every ticker item needs a date-time such as 2019-02-22T12:33:00+02:00", { file, field: field("time") });
    }
    let instant;
    try {
      instant = toInstant(item.time, options);
    } catch (error) {
      throw new AkhbarError(`is not a valid date-time: ${error instanceof Error ? error.message : error}`, { file, field: field("time"), cause: error });
    }
    let url: string | undefined;
    if (item.url !== undefined && item.url !== null) {
      url = safeUrl(item.url);
      if (url === undefined) throw new AkhbarError(`${JSON.stringify(item.url)} is not an http(s) or site-relative link`, { file, field: field("url") });
    }
    return {
      text: stripBidiControls(item.text).trim(),
      sources: (sources as string[]).map((s) => s.trim()).filter(Boolean),
      time: instant.iso,
      epochMs: instant.epochMs,
      url,
    };
  });
}

/** Merge data items and breaking articles, newest first, without duplicates. */
export function tickerEntries(data: TickerEntry[], articles: ArticleView[], from: "data" | "articles" | "both"): TickerEntry[] {
  const list: TickerEntry[] = from === "articles" ? [] : [...data];
  if (from !== "data") {
    for (const view of articles) {
      if (!view.a.breaking || view.path === false) continue;
      list.push({
        text: view.a.breaking,
        sources: view.sourceTerms.map((t) => t.name).concat(view.unknownSources),
        time: view.a.date.iso,
        epochMs: view.a.date.epochMs,
        url: view.url,
      });
    }
  }
  const seen = new Set<string>();
  return list
    .sort((x, y) => y.epochMs - x.epochMs || (x.text < y.text ? -1 : x.text > y.text ? 1 : 0))
    .filter((item) => {
      const key = `${item.epochMs}|${item.text}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
