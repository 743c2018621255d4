/** The plugin's options: types, documented defaults, merging and validation. */
import { AkhbarError } from "./errors.js";
import { validateDateOptions } from "./dates/options.js";
import type { DateOptions, Digits, HijriCalendar, MonthNames } from "./dates/types.js";

export type Lang = "ar" | "en";
export type TickerFrom = "data" | "articles" | "both";

export interface SiteOptions {
  /** The site's name (header, feeds, JSON-LD publisher). */
  title?: string;
  /** Absolute origin + path prefix used for feeds, sitemaps, canonical URLs: "https://akhbar.example". */
  url?: string;
  description?: string;
  /** Publisher/author name for feeds. */
  author?: string;
}

export interface TickerOptions {
  /** Where ticker items come from: the breaking data file, articles flagged `breaking`, or both. */
  from?: TickerFrom;
  /** How many items the bar shows at most. */
  max?: number;
  /** Scrolling speed in CSS pixels per second. Default 60. */
  speed?: number;
}

export interface AkhbarOptions extends DateOptions {
  /** Build the whole theme (article pages, archives, feeds, sitemaps…). Default false. */
  theme?: boolean;
  /** UI language for labels: "ar" (default) or "en". */
  lang?: Lang;
  /** Site settings; when omitted, read from `<data dir>/site.json`. */
  site?: SiteOptions;
  /** Glob (relative to the input directory) of the Markdown files that are articles. Default "**\/*.md". */
  articles?: string;
  /** Items per listing page. Default 20. */
  pageSize?: number;
  /** Unknown source names fail the build instead of warning. Default false. */
  strictSources?: boolean;
  /** Wrap dates named in article text in <time>. Default true. */
  markdownDates?: boolean;
  ticker?: TickerOptions;
  /** Items in each feed. Default 20. */
  feedSize?: number;
  /** Build a Pagefind search index after the build (theme only). Default true. */
  search?: boolean;
}

export type ResolvedOptions = Required<Omit<AkhbarOptions, "site" | "ticker" | "hijriAdjustments">> & {
  site: SiteOptions;
  ticker: Required<TickerOptions>;
  hijriAdjustments: Record<string, string>;
};

export const DEFAULT_OPTIONS: ResolvedOptions = {
  theme: false,
  lang: "ar",
  site: {},
  articles: "**/*.md",
  pageSize: 20,
  strictSources: false,
  markdownDates: true,
  ticker: { from: "both", max: 10, speed: 60 },
  feedSize: 20,
  search: true,
  timeZone: "Asia/Damascus",
  hijriCalendar: "islamic-umalqura",
  hijriAdjustments: {},
  months: "levant",
  digits: "latn",
};

const ENUMS: Record<string, readonly string[]> = {
  lang: ["ar", "en"],
  hijriCalendar: ["islamic-umalqura", "islamic-civil", "islamic-tbla"] satisfies HijriCalendar[],
  months: ["levant", "egypt", "maghreb", "levant-egypt"] satisfies MonthNames[],
  digits: ["latn", "arab"] satisfies Digits[],
  "ticker.from": ["data", "articles", "both"] satisfies TickerFrom[],
};
const BOOLEANS = ["theme", "strictSources", "markdownDates", "search"];
const POSITIVE_INTS = ["pageSize", "feedSize", "ticker.max"];
const SITE_KEYS = ["title", "url", "description", "author"];
const TICKER_KEYS = ["from", "max", "speed"];

function fail(option: string, message: string): never {
  throw new AkhbarError(`eleventy-plugin-akhbar: option "${option}" ${message}`, { field: option });
}

function checkKeys(obj: Record<string, unknown>, allowed: string[], prefix: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      fail(prefix + key, `is not a known option. Known options${prefix ? ` of ${prefix.slice(0, -1)}` : ""}: ${allowed.join(", ")}`);
    }
  }
}

function get(obj: Record<string, any>, path: string): unknown {
  return path.split(".").reduce<any>((o, k) => (o == null ? undefined : o[k]), obj);
}

/** Merge user options over the defaults and validate them; throws AkhbarError naming the option. */
export function resolveOptions(user: unknown = {}): ResolvedOptions {
  if (user === null || typeof user !== "object" || Array.isArray(user)) {
    fail("(options)", "must be an object");
  }
  const input = user as Record<string, any>;
  checkKeys(input, Object.keys(DEFAULT_OPTIONS), "");
  for (const [key, sub, keys] of [["site", input.site, SITE_KEYS], ["ticker", input.ticker, TICKER_KEYS]] as const) {
    if (sub === undefined) continue;
    if (sub === null || typeof sub !== "object" || Array.isArray(sub)) fail(key, "must be an object");
    checkKeys(sub, [...keys], `${key}.`);
  }
  for (const [path, allowed] of Object.entries(ENUMS)) {
    const value = get(input, path);
    if (value !== undefined && !allowed.includes(value as string)) {
      fail(path, `is ${JSON.stringify(value)}; allowed: ${allowed.map((v) => JSON.stringify(v)).join(", ")}`);
    }
  }
  for (const path of BOOLEANS) {
    const value = get(input, path);
    if (value !== undefined && typeof value !== "boolean") fail(path, `must be true or false, not ${JSON.stringify(value)}`);
  }
  for (const path of POSITIVE_INTS) {
    const value = get(input, path);
    if (value !== undefined && !(Number.isInteger(value) && (value as number) > 0)) {
      fail(path, `must be a positive whole number, not ${JSON.stringify(value)}`);
    }
  }
  const speed = input.ticker?.speed;
  if (speed !== undefined && !(typeof speed === "number" && speed > 0 && speed <= 1000)) {
    fail("ticker.speed", `must be a speed in pixels per second between 0 and 1000, not ${JSON.stringify(speed)}`);
  }
  if (input.articles !== undefined && (typeof input.articles !== "string" || input.articles.trim() === "")) {
    fail("articles", "must be a glob string relative to the input directory, e.g. \"news/**/*.md\"");
  }
  if (input.timeZone !== undefined) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: input.timeZone });
    } catch {
      fail("timeZone", `is ${JSON.stringify(input.timeZone)}, which is not an IANA time zone such as "Asia/Damascus"`);
    }
  }
  if (input.hijriAdjustments !== undefined) {
    const adj = input.hijriAdjustments;
    if (adj === null || typeof adj !== "object" || Array.isArray(adj)) {
      fail("hijriAdjustments", 'must be an object like { "1438-09": "2017-05-27" }');
    }
    for (const [key, value] of Object.entries(adj)) {
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(key)) fail("hijriAdjustments", `has key ${JSON.stringify(key)}; keys are Hijri "YYYY-MM" (month 01-12)`);
      if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        fail("hijriAdjustments", `has ${JSON.stringify(value)} for ${key}; values are Gregorian "YYYY-MM-DD" month starts`);
      }
    }
  }
  const siteUrl = input.site?.url;
  if (siteUrl !== undefined && (typeof siteUrl !== "string" || !/^https?:\/\/[^/\s]+/.test(siteUrl))) {
    fail("site.url", `must be an absolute http(s) URL such as "https://akhbar.example", not ${JSON.stringify(siteUrl)}`);
  }
  // The date engine's own checks (e.g. an adjustment must lie within 3 days of the computed start).
  validateDateOptions(
    { timeZone: input.timeZone, hijriCalendar: input.hijriCalendar, hijriAdjustments: input.hijriAdjustments, months: input.months, digits: input.digits },
    "eleventy-plugin-akhbar",
  );
  return {
    ...DEFAULT_OPTIONS,
    ...input,
    site: { ...DEFAULT_OPTIONS.site, ...(input.site ?? {}) },
    ticker: { ...DEFAULT_OPTIONS.ticker, ...(input.ticker ?? {}) },
    hijriAdjustments: { ...(input.hijriAdjustments ?? {}) },
  } as ResolvedOptions;
}

/** The date options subset, to pass to the date engine. */
export function dateOptionsOf(options: ResolvedOptions): Required<DateOptions> {
  const { timeZone, hijriCalendar, hijriAdjustments, months, digits } = options;
  return { timeZone, hijriCalendar, hijriAdjustments, months, digits };
}
