/**
 * One import run: saved pages in, Markdown articles and the ticker data file out. Used by the CLI
 * (cli.ts) and callable in-process (tests, scripts).
 *
 * Guarantees: each article is written whole or not at all (temp file + rename); the same inputs give
 * the same bytes; a file a person edited since it was imported is never overwritten without `force`;
 * without `keepGoing` the run stops at the first failing page, writing nothing for it.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { isUtf8 } from "node:buffer";
import { AkhbarError } from "../errors.js";
import { isTimeZone } from "../dates/zone.js";
import { createSourceRegistry, type SourceRegistry } from "../sources/registry.js";
import { checkContentHash, pageToMarkdown } from "./article.js";
import { breakingItemsOf, mergeBreaking, parseBreakingJson, serializeBreaking, type BreakingItem } from "./breaking.js";
import { datePage, readDatesCsv, type DatesTable } from "./dating.js";
import { collectInputs, type InputFile } from "./files.js";
import { parsePage } from "./parse.js";
import { readTagRules, tagsFor, type TagRule } from "./tags.js";

export const DEFAULT_TIME_ZONE = "Asia/Damascus";
export const DEFAULT_TICKER_OUT = "_data/breaking.json";
export const DEFAULT_SOURCES = "_data/sources.json";

export interface ImportOptions {
  /** Saved-page files and folders. */
  inputs: string[];
  /** Folder the articles are written to (folders given as inputs are mirrored under it). */
  out: string;
  /** CSV of file name -> date. */
  dates?: string;
  /** JSON tag rules: keyword -> tag or [tags]. */
  tagsFrom?: string;
  /** The ticker data file (default `_data/breaking.json`, relative to `cwd`). */
  tickerOut?: string;
  /** IANA zone of the saved pages' times (default Asia/Damascus). */
  timeZone?: string;
  /** Source registry used to split "A وB" attributions (default `_data/sources.json` when present). */
  sources?: string;
  force?: boolean;
  keepGoing?: boolean;
  dryRun?: boolean;
  /** Resolves relative paths (default process.cwd()). */
  cwd?: string;
  /** Called after each page (progress display). */
  onProgress?: (done: number, total: number) => void;
}

export type PageStatus = "imported" | "updated" | "unchanged" | "skipped" | "failed";

export interface PageResult {
  file: string;
  outPath?: string;
  status: PageStatus;
  /** Why it was skipped or failed. */
  reason?: string;
}

export interface ImportSummary {
  results: PageResult[];
  counts: Record<PageStatus, number>;
  /** True when the run stopped at a failure before reading every page. */
  stopped: boolean;
  ticker: { file: string; items: number; written: boolean } | null;
  dryRun: boolean;
  elapsedMs: number;
}

interface Context {
  out: string;
  timeZone: string;
  dates?: DatesTable;
  rules: TagRule[];
  registry?: SourceRegistry;
  force: boolean;
  dryRun: boolean;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The error's message without the file name in front (the summary names the file). */
function reasonFor(error: unknown, file: string): string {
  const message = errorMessage(error);
  if (message.startsWith(`${file}: `)) return message.slice(file.length + 2);
  if (message.startsWith(`${file}, `)) return message.slice(file.length + 2);
  return message;
}

/** Write a file whole or not at all (a temp file renamed over it). */
export function writeAtomically(path: string, content: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    try {
      writeFileSync(tmp, content);
    } catch (error) {
      // Create the folder only when needed: one mkdir per article costs as much as the write.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(tmp, content);
    }
    renameSync(tmp, path);
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
      /* nothing to clean up */
    }
    throw error;
  }
}

function readText(path: string): string {
  const bytes = readFileSync(path);
  // isUtf8 validates without decoding (simdutf), then toString decodes: faster than a fatal TextDecoder.
  if (!isUtf8(bytes)) throw new AkhbarError("not a saved page: the file is not UTF-8 text", { file: path });
  return bytes.toString("utf8");
}

function loadRegistry(path: string, explicit: boolean): SourceRegistry | undefined {
  if (!explicit && !existsSync(path)) return undefined;
  let entries: unknown;
  try {
    entries = JSON.parse(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
  } catch (cause) {
    throw new AkhbarError(`cannot read the source registry: ${errorMessage(cause)}`, { file: path, field: "--sources", cause });
  }
  return createSourceRegistry(entries, { file: path });
}

interface PageOutcome {
  result: PageResult;
  breaking: BreakingItem[];
  /** Content to write (absent when nothing is written). */
  write?: string;
}

/** Everything for one page except writing: parse, date, tag, render, compare with the file on disk. */
function processPage(input: InputFile, ctx: Context): PageOutcome {
  const text = readText(input.path);
  const mtime = statSync(input.path).mtime;
  const page = parsePage(text, { file: input.path, registry: ctx.registry });
  const baseName = input.name.slice(input.name.lastIndexOf("/") + 1);
  const { date, dateSource } = datePage({ page, relativePath: input.name, baseName, mtime, timeZone: ctx.timeZone, dates: ctx.dates });
  const tags = tagsFor(ctx.rules, page.title, page.paragraphs);
  const content = pageToMarkdown(page, { date, dateSource, tags, sourceFileName: input.name, registry: ctx.registry });
  const breaking = breakingItemsOf(page.ticker, date, input.name, ctx.timeZone);
  const base = { file: input.path, outPath: input.outPath };

  const existing = existsSync(input.outPath) ? readFileSync(input.outPath, "utf8") : undefined;
  if (existing === undefined) return { result: { ...base, status: "imported" }, breaking, write: content };
  if (existing === content) return { result: { ...base, status: "unchanged" }, breaking };
  const check = checkContentHash(existing);
  if (check !== "intact" && !ctx.force) {
    const reason =
      check === "edited"
        ? "the article was edited since it was imported; --force overwrites it"
        : "the article exists and was not written by akhbar-import (no contentHash); --force overwrites it";
    return { result: { ...base, status: "skipped", reason }, breaking };
  }
  return { result: { ...base, status: "updated", ...(check !== "intact" ? { reason: "overwritten (--force)" } : {}) }, breaking, write: content };
}

/** Validate options that apply to the whole run; throws AkhbarError naming the option. */
function makeContext(options: ImportOptions, cwd: string): Context {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  if (!isTimeZone(timeZone)) {
    throw new AkhbarError(`unknown time zone ${JSON.stringify(timeZone)} (expected an IANA name such as Asia/Damascus)`, {
      field: "--time-zone",
    });
  }
  if (!options.out) throw new AkhbarError("missing the output folder", { field: "--out" });
  const sourcesPath = resolve(cwd, options.sources ?? DEFAULT_SOURCES);
  return {
    out: resolve(cwd, options.out),
    timeZone,
    dates: options.dates ? readDatesCsv(resolve(cwd, options.dates)) : undefined,
    rules: options.tagsFrom ? readTagRules(resolve(cwd, options.tagsFrom)) : [],
    registry: loadRegistry(sourcesPath, options.sources !== undefined),
    force: options.force === true,
    dryRun: options.dryRun === true,
  };
}

/**
 * Run an import. Throws AkhbarError only for bad run-wide options (time zone, unreadable CSV or
 * rules, missing inputs); problems with single pages are reported in the summary.
 */
export function runImport(options: ImportOptions): ImportSummary {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const ctx = makeContext(options, cwd);
  if (options.inputs.length === 0) throw new AkhbarError("no saved pages given (files or folders)", { field: "inputs" });
  const inputs = collectInputs(options.inputs.map((p) => resolve(cwd, p)), ctx.out);
  // Read (and validate) the ticker file before writing anything.
  const tickerFile = resolve(cwd, options.tickerOut ?? DEFAULT_TICKER_OUT);
  const tickerText = existsSync(tickerFile) ? readFileSync(tickerFile, "utf8") : undefined;
  const tickerBefore = tickerText === undefined ? [] : parseBreakingJson(tickerText, tickerFile);

  const results: PageResult[] = [];
  const fresh: BreakingItem[] = [];
  const parsedPages = new Set<string>();
  const claimed = new Map<string, string>();
  let stopped = false;
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i];
    try {
      const other = claimed.get(input.outPath);
      if (other !== undefined) {
        throw new AkhbarError(`its article ${input.outPath} is already written from ${other}; rename one of them`, { file: input.path });
      }
      claimed.set(input.outPath, input.path);
      const outcome = processPage(input, ctx);
      if (outcome.write !== undefined && !ctx.dryRun) writeAtomically(input.outPath, outcome.write);
      results.push(outcome.result);
      fresh.push(...outcome.breaking);
      parsedPages.add(input.name);
    } catch (error) {
      results.push({ file: input.path, outPath: input.outPath, status: "failed", reason: reasonFor(error, input.path) });
      if (!options.keepGoing) {
        stopped = i < inputs.length - 1;
        options.onProgress?.(i + 1, inputs.length);
        break;
      }
    }
    options.onProgress?.(i + 1, inputs.length);
  }

  const ticker = writeTicker(tickerFile, tickerText, tickerBefore, fresh, parsedPages, ctx.dryRun);
  const counts: Record<PageStatus, number> = { imported: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 };
  for (const r of results) counts[r.status]++;
  return { results, counts, stopped, ticker, dryRun: ctx.dryRun, elapsedMs: performance.now() - started };
}

function writeTicker(
  file: string,
  existingText: string | undefined,
  existing: BreakingItem[],
  fresh: BreakingItem[],
  parsedPages: Set<string>,
  dryRun: boolean,
): ImportSummary["ticker"] {
  if (existingText === undefined && fresh.length === 0) return null;
  const merged = mergeBreaking(existing, fresh, parsedPages);
  const bytes = serializeBreaking(merged);
  const written = bytes !== existingText && !dryRun;
  if (written) writeAtomically(file, bytes);
  return { file, items: merged.length, written };
}
