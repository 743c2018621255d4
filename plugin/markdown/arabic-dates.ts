/**
 * markdown-it plugin: wraps dates named in Arabic text in
 * `<time datetime="2017-03-02" title="2 مارس 2017 — 3 جمادى الآخرة 1438 هـ">2 آذار 2017</time>`.
 *
 * A core rule, pushed after markdown-it's own (so after `text_join`, on final text tokens), splits
 * text tokens around each date found by `findDates` and inserts `time` open/close tokens; the
 * renderer escapes their attributes and the text like any other token. Skipped: code (code_inline,
 * fences and code blocks are no text tokens), link text (markdown links, autolinks, linkify) and
 * text inside inline HTML elements where a <time> would be wrong (<a>, <code>, <time>, …).
 * html_inline / html_block content is never touched.
 *
 * Per render, `env` may carry:
 *   - `env.akhbarDate`: the article's date ("YYYY-MM-DD") for relative and year-less mentions;
 *   - `env.akhbarFile`, else `env.page.inputPath`: the file named in warnings.
 */
import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { AkhbarError } from "../errors.js";
import { validateDateOptions } from "../dates/index.js";
import { WEEKDAYS } from "../dates/months.js";
import { findDates, type DateMention } from "../dates/text.js";
import type { DateOptions } from "../dates/types.js";
import { dateTitle } from "./date-title.js";

export interface ArabicDatesOptions extends DateOptions {
  /** Default true; false registers nothing. */
  enabled?: boolean;
  /** The article's date used when `env.akhbarDate` is absent ("YYYY-MM-DD"). */
  refDate?: string;
  /** Called for each date whose weekday contradicts it (left unmarked). Default: console.warn. */
  onWarning?: (message: string) => void;
}

/** The env keys this plugin reads; pass them to `md.render(src, env)`. */
export interface ArabicDatesEnv {
  akhbarDate?: string;
  akhbarFile?: string;
  page?: { inputPath?: string };
}

const KNOWN_OPTIONS = new Set(["enabled", "refDate", "onWarning", "timeZone", "hijriCalendar", "hijriAdjustments", "months", "digits"]);

/** Inline HTML elements inside which text is left alone. */
const SKIP_ELEMENTS = new Set(["a", "code", "kbd", "samp", "pre", "time", "script", "style", "textarea", "var", "math", "svg"]);
const HTML_TAG_RE = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>$/;

const TIME_OPEN = "akhbar_time_open";
const TITLE_MEMO_LIMIT = 10_000;

/** monthSets arrays are shared per month spelling: join each once (the calendar is implied). */
const setsKeys = new WeakMap<readonly string[], string>();
function setsKey(sets: readonly string[]): string {
  let key = setsKeys.get(sets);
  if (key === undefined) setsKeys.set(sets, (key = sets.join(",")));
  return key;
}
const TIME_CLOSE = "akhbar_time_close";

function validateOptions(options: ArabicDatesOptions): void {
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new AkhbarError(`markdownItArabicDates options must be an object, got ${String(options)}`, { field: "options" });
  }
  for (const name of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(name)) {
      throw new AkhbarError(`unknown markdownItArabicDates option "${name}"`, { field: name });
    }
  }
  if (options.enabled !== undefined && typeof options.enabled !== "boolean") {
    throw new AkhbarError(`markdownItArabicDates option enabled must be true or false, got ${JSON.stringify(options.enabled)}`, {
      field: "enabled",
    });
  }
  if (options.onWarning !== undefined && typeof options.onWarning !== "function") {
    throw new AkhbarError("markdownItArabicDates option onWarning must be a function", { field: "onWarning" });
  }
  validateDateOptions(options, "markdownItArabicDates");
  if (options.refDate !== undefined) findDates("", { refDate: options.refDate }); // throws AkhbarError when malformed
}

/** Change in "skip depth" an html_inline token causes: +1 opening <a>/<code>/…, -1 closing. */
function htmlSkipDelta(html: string): number {
  const m = HTML_TAG_RE.exec(html.trim());
  if (!m || !SKIP_ELEMENTS.has(m[2].toLowerCase()) || m[3] === "/") return 0;
  return m[1] ? -1 : 1;
}

function fileOf(env: ArabicDatesEnv | undefined): string | undefined {
  if (!env || typeof env !== "object") return undefined;
  if (typeof env.akhbarFile === "string" && env.akhbarFile) return env.akhbarFile;
  const inputPath = env.page?.inputPath;
  return typeof inputPath === "string" && inputPath ? inputPath : undefined;
}

function refDateOf(env: ArabicDatesEnv | undefined, fallback: string | undefined): string | undefined {
  const value = env && typeof env === "object" ? env.akhbarDate : undefined;
  if (value === undefined || value === null || value === "") return fallback;
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new AkhbarError(`env.akhbarDate must be "YYYY-MM-DD", got ${JSON.stringify(value)}`, {
      field: "akhbarDate",
      file: fileOf(env),
    });
  }
  return value;
}

const ENGLISH_WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Warning text for a date whose weekday does not agree with it. */
export function weekdayWarning(mention: DateMention, file: string | undefined): string {
  const actual = new Date(`${mention.iso}T00:00:00Z`).getUTCDay();
  const named = WEEKDAYS.indexOf(mention.weekday!.name as (typeof WEEKDAYS)[number]);
  const where = file ? `${file}: ` : "";
  return (
    `${where}weekday contradicts the date in "${mention.text}": ${mention.iso} is a ${ENGLISH_WEEKDAYS[actual]} ` +
    `(${WEEKDAYS[actual]}), not a ${ENGLISH_WEEKDAYS[named]} (${mention.weekday!.name}); the date is left unmarked`
  );
}

export function markdownItArabicDates(md: MarkdownIt, options: ArabicDatesOptions = {}): void {
  validateOptions(options);
  if (options.enabled === false) return;
  const { enabled: _enabled, refDate, onWarning, ...dateOptions } = options;
  const warn = onWarning ?? ((message: string) => console.warn(`[akhbar] ${message}`));
  // Titles repeat across articles (and formatting costs more than finding): memoise per instance.
  const titles = new Map<string, string>();
  const titleOf = (mention: DateMention): string => {
    const key = `${mention.kind}|${mention.iso}|${mention.digits}|${setsKey(mention.monthSets)}`;
    let title = titles.get(key);
    if (title === undefined) {
      title = dateTitle(mention, dateOptions);
      if (titles.size >= TITLE_MEMO_LIMIT) titles.clear();
      titles.set(key, title);
    }
    return title;
  };

  function split(state: StateCore, token: Token, found: DateMention[]): Token[] {
    const out: Token[] = [];
    const text = token.content;
    let pos = 0;
    const pushText = (content: string) => {
      if (!content) return;
      const t = new state.Token("text", "", 0);
      t.content = content;
      t.level = token.level;
      out.push(t);
    };
    for (const mention of found) {
      pushText(text.slice(pos, mention.start));
      const open = new state.Token(TIME_OPEN, "time", 1);
      open.attrSet("datetime", mention.iso);
      if (mention.hijri) {
        const { year, month, day } = mention.hijri;
        const pad = (n: number) => String(n).padStart(2, "0");
        open.attrSet("data-hijri", `${year}-${pad(month)}${day === undefined ? "" : `-${pad(day)}`}`);
      }
      open.attrSet("title", titleOf(mention));
      open.level = token.level;
      out.push(open);
      pushText(mention.text);
      const close = new state.Token(TIME_CLOSE, "time", -1);
      close.level = token.level;
      out.push(close);
      pos = mention.end;
    }
    pushText(text.slice(pos));
    return out;
  }

  md.core.ruler.push("akhbar_arabic_dates", (state) => {
    const env = state.env as ArabicDatesEnv | undefined;
    const ref = refDateOf(env, refDate);
    const findOptions = { ...dateOptions, refDate: ref };
    for (const block of state.tokens) {
      if (block.type !== "inline" || !block.children) continue;
      const children = block.children;
      let changed: Token[] | undefined;
      let linkDepth = 0;
      let htmlDepth = 0;
      for (let i = 0; i < children.length; i++) {
        const child = children[i];
        let replacement: Token[] | undefined;
        if (child.type === "link_open") linkDepth++;
        else if (child.type === "link_close") linkDepth = Math.max(0, linkDepth - 1);
        else if (child.type === "html_inline") htmlDepth = Math.max(0, htmlDepth + htmlSkipDelta(child.content));
        else if (child.type === "text" && linkDepth === 0 && htmlDepth === 0) {
          const found = findDates(child.content, findOptions);
          if (found.length > 0) {
            const marked = found.filter((m) => m.weekday?.matches !== false);
            for (const m of found) if (m.weekday?.matches === false) warn(weekdayWarning(m, fileOf(env)));
            if (marked.length > 0) replacement = split(state, child, marked);
          }
        }
        if (replacement) {
          changed ??= children.slice(0, i);
          changed!.push(...replacement);
        } else if (changed) {
          changed.push(child);
        }
      }
      if (changed) block.children = changed;
    }
  });
}
