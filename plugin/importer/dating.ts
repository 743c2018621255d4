/**
 * Which day a saved page is dated, in order:
 *   1. csv   — the --dates CSV names the file;
 *   2. text  — the latest day named in the headline or body, ignoring days after the file's save
 *              time + 1 day (a page cannot report what happened after it was saved, so such a date
 *              is a future reference: "the elections on 15 May");
 *   3. mtime — the file's modification time, as a calendar day in the site's zone.
 */
import { readFileSync } from "node:fs";
import { AkhbarError } from "../errors.js";
import { parseDay } from "../dates/days.js";
import { latestDay, type ParsedPage } from "./parse.js";
import type { DateSource } from "./article.js";
import { addDaysTo, dayInZone } from "./time.js";

export interface PageDate {
  /** YYYY-MM-DD, or (from the CSV only) a date-time with offset. */
  date: string;
  dateSource: DateSource;
}

/** File name -> date value, from a --dates CSV. Keys are as written (relative path or base name). */
export type DatesTable = ReadonlyMap<string, string>;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** One CSV line's fields: commas separate, double quotes enclose, "" is a quote. */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (ch === ",") {
      fields.push(field.trim());
      field = "";
    } else field += ch;
  }
  fields.push(field.trim());
  return fields;
}

/**
 * Parse a dates CSV: `file,date` per line (a header line `file,date` is allowed; `#` lines are
 * comments). `date` is `YYYY-MM-DD` or a date-time with offset (`2019-02-22T10:30:00+02:00`).
 */
export function parseDatesCsv(text: string, file = "dates CSV"): Map<string, string> {
  const table = new Map<string, string>();
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  let first = true;
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const fields = splitCsvLine(line);
    const where = `${file}:${index + 1}`;
    const isHeader = first && /^(file|filename|name|page|path)$/i.test(fields[0] ?? "");
    first = false;
    if (isHeader) return;
    if (fields.length < 2 || fields[0] === "") {
      throw new AkhbarError(`expected "file,date", got ${JSON.stringify(line)}`, { file: where });
    }
    const [name, value] = fields;
    if (parseDay(value) === undefined && !(DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)))) {
      throw new AkhbarError(`not a date (YYYY-MM-DD or date-time with offset): ${JSON.stringify(value)}`, {
        file: where,
        field: name,
      });
    }
    const previous = table.get(name);
    if (previous !== undefined && previous !== value) {
      throw new AkhbarError(`${JSON.stringify(name)} is dated twice (${previous}, ${value})`, { file: where });
    }
    table.set(name, value);
  });
  return table;
}

export function readDatesCsv(path: string): Map<string, string> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (cause) {
    throw new AkhbarError(`cannot read the dates CSV: ${(cause as Error).message}`, { file: path, field: "--dates", cause });
  }
  return parseDatesCsv(text, path);
}

export interface DatingInput {
  page: ParsedPage;
  /** The page's path relative to the imported folder (posix separators), and its base name. */
  relativePath: string;
  baseName: string;
  mtime: Date;
  timeZone: string;
  dates?: DatesTable;
}

/** Date one page: csv, then text, then mtime. */
export function datePage(input: DatingInput): PageDate {
  const fromCsv = input.dates?.get(input.relativePath) ?? input.dates?.get(input.baseName);
  if (fromCsv !== undefined) return { date: fromCsv, dateSource: "csv" };
  const saved = dayInZone(input.mtime, input.timeZone);
  const fromText = latestDay(input.page.datesFound, addDaysTo(saved, 1));
  if (fromText !== undefined) return { date: fromText, dateSource: "text" };
  return { date: saved, dateSource: "mtime" };
}
