/** Article front matter: validation into a typed record. Pure; no I/O. */
import { AkhbarError } from "../errors.js";
import { toInstant } from "../dates/index.js";
import type { DateOptions } from "../dates/types.js";
import { stripBidiControls } from "../html.js";

export interface ArticleInstant {
  epochMs: number;
  /** Calendar day in the site zone, YYYY-MM-DD. */
  day: string;
  dateOnly: boolean;
  /** ISO instant with the site zone's offset, or YYYY-MM-DD for date-only values. */
  iso: string;
}

export interface ArticleMeta {
  title: string;
  date: ArticleInstant;
  updated?: ArticleInstant;
  editors: string[];
  sources: string[];
  tags: string[];
  summary?: string;
  image?: string;
  imageAlt?: string;
  /** Ticker text when the article is flagged breaking. */
  breaking?: string;
  /** `false`: not written; a string: literal URL path; undefined: the default scheme. */
  permalink?: string | false;
  draft: boolean;
  /** All front matter, unknown fields included. */
  data: Record<string, unknown>;
}

function fail(file: string, field: string, message: string): never {
  throw new AkhbarError(message, { file, field });
}

function optionalString(data: Record<string, unknown>, field: string, file: string): string | undefined {
  const value = data[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") fail(file, field, `must be text, not ${describe(value)}`);
  const text = stripBidiControls(value).trim();
  return text === "" ? undefined : text;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "empty";
  if (typeof value === "object") return "a mapping";
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** A list of names; `allowSingle` accepts one string for fields documented as "one or several". */
function nameList(data: Record<string, unknown>, field: string, file: string, allowSingle: boolean): string[] {
  const value = data[field];
  if (value === undefined || value === null) return [];
  if (typeof value === "string" && allowSingle) return value.trim() ? [stripBidiControls(value).trim()] : [];
  if (!Array.isArray(value)) {
    fail(file, field, `must be a list (e.g. ${field}: [a, b]), not ${describe(value)}`);
  }
  const names: string[] = [];
  value.forEach((item, i) => {
    if (typeof item !== "string" && typeof item !== "number") {
      fail(file, `${field}[${i}]`, `must be text, not ${describe(item)}`);
    }
    const name = stripBidiControls(String(item)).trim();
    if (name && !names.includes(name)) names.push(name);
  });
  return names;
}

function instant(data: Record<string, unknown>, field: string, file: string, options: DateOptions): ArticleInstant {
  const value = data[field];
  if (value instanceof Date || typeof value === "string") {
    try {
      const { epochMs, day, dateOnly, iso } = toInstant(value, options);
      return { epochMs, day, dateOnly, iso };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AkhbarError(`is not a valid date: ${reason}`, { file, field, cause: error });
    }
  }
  fail(file, field, `must be a date such as 2019-02-22 or 2019-02-22T10:30:00+02:00, not ${describe(value)}`);
}

/** Validate an article's front matter. Throws AkhbarError naming the file and the field. */
export function validateArticle(data: Record<string, unknown>, file: string, options: DateOptions): ArticleMeta {
  const title = optionalString(data, "title", file);
  if (!title) fail(file, "title", "is missing: every article needs a title");
  if (data.date === undefined || data.date === null || data.date === "") {
    fail(file, "date", "is missing: every article needs a publication date");
  }
  const date = instant(data, "date", file, options);
  const updated = data.updated === undefined || data.updated === null ? undefined : instant(data, "updated", file, options);
  const image = optionalString(data, "image", file);
  const imageAlt = optionalString(data, "imageAlt", file);
  if (image && imageAlt === undefined) fail(file, "imageAlt", "is missing: an image needs a text alternative");
  let breaking: string | undefined;
  if (data.breaking === true) breaking = title;
  else if (data.breaking !== undefined && data.breaking !== false && data.breaking !== null) {
    breaking = optionalString(data, "breaking", file);
  }
  let permalink: string | false | undefined;
  if (data.permalink === false) permalink = false;
  else if (data.permalink !== undefined && data.permalink !== null) {
    const value = optionalString(data, "permalink", file);
    if (value === undefined || value.includes("{{") || value.includes("{%")) {
      fail(file, "permalink", "must be a literal path such as /news/my-story/ or false (templated permalinks are not supported for articles)");
    }
    permalink = value;
  }
  if (data.draft !== undefined && typeof data.draft !== "boolean") fail(file, "draft", "must be true or false");
  return {
    title,
    date,
    updated,
    editors: nameList(data, "editor", file, true),
    sources: nameList(data, "sources", file, false),
    tags: nameList(data, "tags", file, false),
    summary: optionalString(data, "summary", file),
    image,
    imageAlt,
    breaking,
    permalink,
    draft: data.draft === true,
    data,
  };
}
