/**
 * markdown-it plugin: wraps dates named in Arabic text in
 * `<time datetime="2017-03-02" title="2 مارس 2017 — 3 جمادى الآخرة 1438 هـ">2 آذار 2017</time>`.
 *
 * Dates are found while markdown-it reads inline text: the plugin replaces its `text` rule with
 * one that gives the same result (same terminators) and also records date anchors: digit runs as a
 * sticky regex reads up to the next terminator or digit (`scanRun`), "من" + month and relative
 * words from one regex search per block (`blockWordAnchors`). An anchor with a month name next to
 * it is read as a date in its line of the block's source (`mentionAtAnchor`) and pushed as one
 * token (a text token with the <time> attributes once parsing is done: see installTimeRenderer);
 * the renderer escapes its attributes and text like any other token's. Skipped: code (never
 * read by the text rule), link text (`state.linkLevel`) and text inside inline HTML elements where
 * a <time> would be wrong (<a>, <code>, <time>, …); html_inline / html_block content is never
 * touched.
 *
 * Where that cannot give exactly what `findDates` on the final text tokens gives (a date over a
 * markdown-it terminator, entities or escapes in the block, typographer or linkify on, no
 * `state.linkLevel`, another plugin's `text` rule), the block is searched after parsing instead,
 * by a core rule right after markdown-it's text_join: our tokens are undone there and `findDates`
 * runs on each text token (the plugin's former way). Weekday warnings are given by that core rule.
 *
 * Per render, `env` may carry:
 *   - `env.akhbarDate`: the article's date ("YYYY-MM-DD") for relative and year-less mentions;
 *   - `env.akhbarFile`, else `env.page.inputPath`: the file named in warnings.
 */
import type { MarkdownIt, StateCore, StateInline, Token } from "markdown-it";
import { AkhbarError } from "../errors.js";
import { validateDateOptions } from "../dates/index.js";
import { WEEKDAYS } from "../dates/months.js";
import { blockWordAnchors, findDates, mentionAtAnchor, monthOfAnchor, runRegExp, scanRun, type DateMention, type FindDatesOptions } from "../dates/text.js";
import type { DateOptions } from "../dates/types.js";
import { dateTitle } from "./date-title.js";
import { BoundedMemo } from "../memo.js";

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

/** A date's token type while markdown-it parses (a `text` token after parsing: see installTimeRenderer). */
const TIME_TOKEN = "akhbar_time";
const TIME_TAG = "time";
const TIME_CLOSING_HTML = `</${TIME_TAG}>`;
const TITLE_MEMO_LIMIT = 10_000;

/** markdown-it's text terminators (rules_inline/text.mjs): its text rule stops at these. */
const TEXT_TERMINATORS = "\n!#$%&*+-:<=>@[\\]^_`{}~";
const TEXT_STOPS = new Uint8Array(128);
for (const ch of TEXT_TERMINATORS) TEXT_STOPS[ch.charCodeAt(0)] = 1;
/** Runs of text with no terminator and no digit: read by the regex engine (3x faster than a loop). */
const TEXT_RUN_RE = runRegExp(TEXT_TERMINATORS);
const AMPERSAND = 0x26;
const BACKSLASH = 0x5c;

/** Attribute names and values escaped as markdown-it's renderAttrs escapes them, memoised (dates repeat). */
const escapedAttrs = new BoundedMemo<string, string>(TITLE_MEMO_LIMIT);
function escapedAttr(value: string, escape: (s: string) => string): string {
  return escapedAttrs.get(value, escape);
}

/**
 * The attribute values of one date's <time> opening and the HTML markdown-it's renderToken gives
 * for them, made once per distinct date and instance (with the title memo) and put in the opening
 * token's `meta`: rendering that token is then a few identity checks.
 */
class TimeOpening {
  readonly html: string;
  constructor(
    readonly datetime: string,
    readonly hijri: string | undefined,
    readonly title: string,
    escape: (s: string) => string,
  ) {
    let html = `<${TIME_TAG}` + attrHtml("datetime", datetime, escape);
    if (hijri !== undefined) html += attrHtml("data-hijri", hijri, escape);
    this.html = html + attrHtml("title", title, escape) + ">";
  }

  /** A new attribute array for an opening token (never shared: plugins may change it in place). */
  attrs(): [string, string][] {
    return this.hijri === undefined
      ? [["datetime", this.datetime], ["title", this.title]]
      : [["datetime", this.datetime], ["data-hijri", this.hijri], ["title", this.title]];
  }

  /** True when `attrs` still holds exactly the attributes `html` was made of. */
  renders(attrs: [string, string][]): boolean {
    if (this.hijri === undefined) {
      return attrs.length === 2 && same(attrs[0], "datetime", this.datetime) && same(attrs[1], "title", this.title);
    }
    return (
      attrs.length === 3 &&
      same(attrs[0], "datetime", this.datetime) &&
      same(attrs[1], "data-hijri", this.hijri) &&
      same(attrs[2], "title", this.title)
    );
  }
}

function same(attr: [string, string], name: string, value: string): boolean {
  return attr[0] === name && attr[1] === value;
}

function attrHtml(name: string, value: string, escape: (s: string) => string): string {
  return " " + escapedAttr(name, escape) + '="' + escapedAttr(value, escape) + '"';
}

/**
 * A date is one token: its text in `content`, the <time> attributes in `attrs`, and in `meta` the
 * TimeOpening they were made from. While markdown-it parses, its type is "akhbar_time", so that
 * markdown-it's text_join and fragments_join leave it apart from the text around it; the plugin's
 * core rule right after text_join makes it a `text` token, so that what reads text (image alt
 * text, heading slugs, the core rules other plugins push) reads the date's text. (Three tokens per date, an
 * opening, the text and a closing, cost a tenth of the plugin's time in a typical article: four
 * more tokens for markdown-it to make, join and render instead of two.)
 *
 * The renderer's `text` rule gives such a token as `<time …>` + the text as the previous `text`
 * rule renders it + `</time>`; any other text token goes to the previous rule unchanged. A token
 * whose `meta` is still the TimeOpening its attributes were made from gives that opening's HTML
 * (a few identity checks); one whose attributes or tag another plugin changed is rendered
 * attribute by attribute, each string escaped once per distinct value.
 */
function installTimeRenderer(md: MarkdownIt): void {
  const escape = md.utils.escapeHtml;
  const rules = md.renderer.rules;
  type Rule = (tokens: Token[], idx: number, options: unknown, env: unknown, self: unknown) => string;
  const renderText = rules.text as unknown as Rule;
  const render: Rule = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const opening: unknown = token.meta;
    if (!(opening instanceof TimeOpening)) return renderText(tokens, idx, options, env, self);
    const text = renderText(tokens, idx, options, env, self);
    const attrs = token.attrs;
    if (token.tag === TIME_TAG && attrs !== null && opening.renders(attrs)) return opening.html + text + TIME_CLOSING_HTML;
    let out = "<" + token.tag;
    if (attrs) {
      for (let i = 0; i < attrs.length; i++) out += attrHtml(attrs[i][0], attrs[i][1], escape);
    }
    return out + ">" + text + "</" + token.tag + ">";
  };
  rules.text = render as never;
  rules[TIME_TOKEN] = render as never;
}

/** True when `md`'s inline `text` rule is markdown-it's own (any copy of it), so replacing it is safe. */
function hasStockTextRule(md: MarkdownIt): boolean {
  const rules = (md.inline.ruler as unknown as { __rules__: { name: string; fn: { name: string; length: number } }[] }).__rules__;
  const rule = rules.find((r) => r.name === "text");
  return rule !== undefined && rule.fn.name === "text" && rule.fn.length === 2;
}

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

/** The last env.akhbarDate found well-formed (renders of one page, or of pages of one day, repeat it). */
let lastGoodRef = "";

function refDateOf(env: ArabicDatesEnv | undefined, fallback: string | undefined): string | undefined {
  const value = env && typeof env === "object" ? env.akhbarDate : undefined;
  if (value === undefined || value === null || value === "") return fallback;
  if (value === lastGoodRef) return value;
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new AkhbarError(`env.akhbarDate must be "YYYY-MM-DD", got ${JSON.stringify(value)}`, {
      field: "akhbarDate",
      file: fileOf(env),
    });
  }
  lastGoodRef = value;
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

/** Per inline block (keyed by its token array): where the last date ended, dates to warn about. */
interface BlockDates {
  /** End (offset in the block's source) of the last date found: the next must start after it. */
  lastEnd: number;
  /** Dates whose weekday contradicts them (left unmarked), in text order (null: none yet). */
  contradicting: DateMention[] | null;
  /** The date tokens pushed, made `text` tokens after parsing (null: none yet). */
  dates: Token[] | null;
  /** Set when the block must be searched after parsing instead (see the module comment). */
  fallback: boolean;
}

/** Inline HTML elements around the end of `tokens` that text is skipped in (<code>, <time>, …). */
function insideSkippedHtml(tokens: readonly Token[]): boolean {
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].type === "html_inline") depth = Math.max(0, depth + htmlSkipDelta(tokens[i].content));
  }
  return depth > 0;
}

/**
 * `children` with this plugin's date tokens undone (their text merged back into the text around
 * it), for the blocks that are searched after parsing.
 */
function unwrapped(children: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < children.length; i++) {
    const token = children[i];
    if (token.type === TIME_TOKEN) {
      token.type = "text";
      token.tag = "";
      token.attrs = token.meta = null;
    }
    const last = out[out.length - 1];
    if (token.type === "text" && last?.type === "text") {
      last.content += token.content;
      continue;
    }
    out.push(token);
  }
  return out;
}

/** The data-hijri value of a Hijri mention ("1438-08-15", "1440-01"), else undefined. */
function hijriAttr(mention: DateMention): string | undefined {
  if (!mention.hijri) return undefined;
  const { year, month, day } = mention.hijri;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${year}-${pad(month)}${day === undefined ? "" : `-${pad(day)}`}`;
}

/** The markdown-it instances the plugin is installed on (a second install would wrap dates twice). */
const installedOn = new WeakSet<MarkdownIt>();

export function markdownItArabicDates(md: MarkdownIt, options: ArabicDatesOptions = {}): void {
  validateOptions(options);
  if (options.enabled === false) return;
  if (installedOn.has(md)) {
    throw new AkhbarError(
      "markdownItArabicDates is already used on this markdown-it instance: use it once, with all its options (a second use would wrap every date twice)",
      { field: "markdownItArabicDates" },
    );
  }
  installedOn.add(md);
  const { enabled: _enabled, refDate, onWarning, ...dateOptions } = options;
  const warn = onWarning ?? ((message: string) => console.warn(`[akhbar] ${message}`));
  // Titles repeat across articles (and formatting costs more than finding): memoise per instance,
  // by month-name sets (one shared array per spelling), then kind and digits, then iso (no key
  // strings to build and hash per date). A title's entry is the whole <time> opening.
  const escape = md.utils.escapeHtml;
  const openings = new Map<readonly string[], Map<string, TimeOpening>[]>();
  let openingCount = 0;
  const openingOf = (mention: DateMention): TimeOpening => {
    let byKind = openings.get(mention.monthSets);
    if (byKind === undefined) openings.set(mention.monthSets, (byKind = [new Map(), new Map(), new Map(), new Map()]));
    const byIso = byKind[(mention.kind === "day" ? 2 : 0) + (mention.digits === "arab" ? 1 : 0)];
    // (Within one spelling's sets and kind, the ISO day decides the Hijri date too: a Hijri day
    // is one Gregorian day, a Hijri month is known by its first day.)
    let opening = byIso.get(mention.iso);
    if (opening === undefined) {
      opening = new TimeOpening(mention.iso, hijriAttr(mention), dateTitle(mention, dateOptions), escape);
      if (openingCount >= TITLE_MEMO_LIMIT) {
        for (const maps of openings.values()) for (const map of maps) map.clear();
        openingCount = 0;
      }
      byIso.set(mention.iso, opening);
      openingCount++;
    }
    return opening;
  };

  /** Sets the <time> attributes of `open` for `mention` (what attrSet three times gives). */
  function timeAttrs(open: Token, mention: DateMention): void {
    const opening = openingOf(mention);
    open.attrs = opening.attrs();
    open.meta = opening;
  }

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
      const date = new state.Token("text", TIME_TAG, 0);
      date.content = mention.text;
      date.level = token.level;
      timeAttrs(date, mention);
      out.push(date);
      pos = mention.end;
    }
    pushText(text.slice(pos));
    return out;
  }

  /** The old way, kept for the cases the text rule cannot handle: findDates on every text token. */
  function searchTokens(state: StateCore, children: Token[], findOptions: FindDatesOptions, file: string | undefined): Token[] | undefined {
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
          for (const m of found) if (m.weekday?.matches === false) warn(weekdayWarning(m, file));
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
    return changed;
  }

  // Per render (set by the rule before "inline"): the options findDates gets, and whether the text
  // rule below wraps dates while markdown-it reads (else every block is searched after parsing).
  let findOptions: FindDatesOptions = {};
  let wrapWhileReading = false;
  let textRuleRan = false;
  // Per render (cleared before "inline"): a Map, not a WeakMap, whose keys would cost the GC more.
  const blocks = new Map<Token[], BlockDates>();
  let lastTokens: Token[] | undefined;
  let lastBlock: BlockDates | undefined;
  const anchors: number[] = [];
  /** MIN and REL anchors of the block last read (`wordsSrc`). */
  const words: number[] = [];
  let wordsSrc: string | undefined;

  md.core.ruler.before("inline", "akhbar_arabic_dates_env", (state) => {
    const ref = refDateOf(state.env as ArabicDatesEnv | undefined, refDate);
    if (findOptions.refDate !== ref || !("refDate" in findOptions)) {
      findOptions = { ...dateOptions, refDate: ref };
      findDates("", findOptions); // a refDate that is no calendar day throws AkhbarError here
    }
    if (blocks.size !== 0) blocks.clear();
    lastTokens = lastBlock = undefined;
    // Typographer replacements and linkify change or split text after reading: search afterwards.
    wrapWhileReading = replaceText && !state.md.options.typographer && !state.md.options.linkify;
    textRuleRan = false;
  });

  /** Reads dates in run [start, pos) of the block's source and wraps them (or marks the block). */
  function wrapRun(state: StateInline, start: number, pos: number, block: BlockDates): void {
    const src = state.src;
    let line = "";
    let lineStart = -1;
    let cursor = start;
    let skipChecked = false;
    for (let i = 0; i < anchors.length; i++) {
      const at = anchors[i] >>> 2;
      if (at < block.lastEnd) continue;
      // Most anchors have no month next to them: check that on the block first (cheaper, and it
      // finds at least what the line does), then read the date in its line: a line break ends a text
      // token (softbreak), and markup ends one with characters that are no letters, digits or
      // spaces, which stop the reading just the same.
      if (monthOfAnchor(src, anchors[i]) < 0) continue;
      if (lineStart < 0) {
        // (lastIndexOf reads a two-byte string backwards several times slower than indexOf forwards.)
        const firstBreak = src.indexOf("\n");
        lineStart = firstBreak < 0 || firstBreak >= start ? 0 : src.lastIndexOf("\n", start - 1) + 1;
        let lineEnd = src.indexOf("\n", pos);
        if (lineEnd < 0) lineEnd = src.length;
        line = lineStart === 0 && lineEnd === src.length ? src : src.slice(lineStart, lineEnd);
      }
      const mention = mentionAtAnchor(line, anchors[i] - lineStart * 4, Math.max(0, block.lastEnd - lineStart), findOptions);
      if (!mention) continue;
      const mStart = lineStart + mention.start;
      const mEnd = lineStart + mention.end;
      if (mStart < start || mEnd > pos) {
        // The date runs over a markdown-it terminator ("آذار - مارس 2017"): search after parsing.
        block.fallback = true;
        break;
      }
      if (!skipChecked) {
        skipChecked = true;
        if (insideSkippedHtml(state.tokens)) break;
      }
      block.lastEnd = mEnd;
      if (mention.weekday?.matches === false) {
        (block.contradicting ??= []).push(mention);
        continue;
      }
      if (mStart > cursor) state.pending += src.slice(cursor, mStart);
      const date = state.push(TIME_TOKEN, TIME_TAG, 0);
      date.content = mention.text;
      timeAttrs(date, mention);
      (block.dates ??= []).push(date);
      cursor = mEnd;
    }
    if (pos > cursor) state.pending += src.slice(cursor, pos);
  }

  /** The BlockDates of the inline block whose tokens are `tokens` (created on first use). */
  function blockOf(tokens: Token[]): BlockDates {
    if (tokens === lastTokens) return lastBlock!;
    let block = blocks.get(tokens);
    if (!block) blocks.set(tokens, (block = { lastEnd: 0, contradicting: null, dates: null, fallback: false }));
    lastTokens = tokens;
    lastBlock = block;
    return block;
  }

  installTimeRenderer(md);
  const replaceText = hasStockTextRule(md);
  if (replaceText) {
    // markdown-it's text rule (same terminators, same result) that also finds date anchors.
    md.inline.ruler.at("text", (state: StateInline, silent: boolean): boolean => {
      const src = state.src;
      const start = state.pos;
      const reading = !silent && wrapWhileReading;
      // markdown-it tries this rule first at every position: at a terminator, answer without the
      // regex call (what the code below does there, minus the call).
      const first = src.charCodeAt(start);
      if (first < 0x80 && TEXT_STOPS[first] === 1) {
        if (reading) {
          textRuleRan = true;
          if (first === AMPERSAND || first === BACKSLASH) blockOf(state.tokens).fallback = true;
        }
        return false;
      }
      // (Setting an array's length is a runtime call: an unconditional reset here cost 5% of rendering.)
      if (anchors.length !== 0) anchors.length = 0;
      if (reading && src !== wordsSrc) {
        // "من" and relative words: found once per block by a regex search (see blockWordAnchors).
        if (words.length !== 0) words.length = 0;
        blockWordAnchors(src, words);
        wordsSrc = src;
      }
      const pos = scanRun(src, start, state.posMax, TEXT_RUN_RE, TEXT_STOPS, words, reading ? anchors : null);
      if (!reading) {
        if (pos === start) return false;
        if (!silent) state.pending += src.slice(start, pos);
        state.pos = pos;
        return true;
      }
      textRuleRan = true;
      const stop = pos < state.posMax ? src.charCodeAt(pos) : -1;
      let block: BlockDates | undefined;
      if (anchors.length !== 0 || stop === AMPERSAND || stop === BACKSLASH) {
        block = blockOf(state.tokens);
        // Entities and escapes turn into text the reading here does not see: search afterwards.
        if (stop === AMPERSAND || stop === BACKSLASH) block.fallback = true;
      }
      if (pos === start) return false;
      if (block && anchors.length !== 0 && !block.fallback) {
        // Link text is left alone (markdown-it >= 13 counts link nesting; without it, search afterwards).
        const linkLevel = (state as StateInline & { linkLevel?: number }).linkLevel;
        if (typeof linkLevel !== "number") block.fallback = true;
        if (linkLevel === 0) wrapRun(state, start, pos, block);
        else state.pending += src.slice(start, pos);
      } else {
        state.pending += src.slice(start, pos);
      }
      state.pos = pos;
      return true;
    });
  }

  // Right after markdown-it's text_join (the last rule that merges text tokens), so that every core
  // rule pushed by another plugin, before or after this one, sees dates as text tokens.
  const finish = (state: StateCore): void => {
    // The blocks need a pass (in text order) only to be searched again or to give warnings.
    const searchAll = !wrapWhileReading || !textRuleRan;
    let pass = searchAll;
    if (!pass) {
      for (const dates of blocks.values()) {
        if (dates.fallback || dates.contradicting) {
          pass = true;
          break;
        }
      }
    }
    if (pass) searchAndWarn(state, searchAll);
    // Date tokens become text tokens (also those of image descriptions, parsed into arrays of their
    // own, and of blocks searched again, which unwrapped has already made plain text).
    for (const dates of blocks.values()) {
      const tokens = dates.dates;
      if (tokens) for (let i = 0; i < tokens.length; i++) if (tokens[i].type === TIME_TOKEN) tokens[i].type = "text";
    }
    if (blocks.size !== 0) blocks.clear();
    lastTokens = lastBlock = undefined;
  };

  /** Searches the blocks marked for it (all with `searchAll`) after parsing, and warns about contradicting weekdays, in text order. */
  function searchAndWarn(state: StateCore, searchAll: boolean): void {
    const file = fileOf(state.env as ArabicDatesEnv | undefined);
    for (const block of state.tokens) {
      if (block.type !== "inline" || !block.children) continue;
      const dates = blocks.size === 0 ? undefined : blocks.get(block.children);
      if (searchAll || dates?.fallback) {
        const children = dates ? unwrapped(block.children) : block.children;
        const changed = searchTokens(state, children, findOptions, file);
        if (changed || children !== block.children) block.children = changed ?? children;
      } else if (dates) {
        if (dates.contradicting) for (const m of dates.contradicting) warn(weekdayWarning(m, file));
      }
    }
  }
  try {
    md.core.ruler.after("text_join", "akhbar_arabic_dates", finish);
  } catch {
    md.core.ruler.push("akhbar_arabic_dates", finish); // markdown-it < 13: no text_join
  }
}
