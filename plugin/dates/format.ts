/**
 * The date engine's public functions: conversions, formatting and the <time> element.
 *
 * Speed: options are turned into a cached "profile" (zone, Hijri engine, names) keyed by their
 * values; each profile memoises the text of every calendar day it has formatted (bounded Map),
 * and zone offsets are cached per UTC day (zone.ts). No Intl formatter is built per call: the only
 * Intl objects are one per time zone (offsets) and one for reading ICU's Umm al-Qura table once.
 */
import { AkhbarError } from "../errors.js";
import { escapeHtml, isolate } from "../html.js";
import type { Calendar, DateInput, DateOptions, Digits, FormatOptions, HijriDate, MonthNames } from "./types.js";
import { toDigits } from "./digits.js";
import { gregorianMonthName, hijriMonthName, WEEKDAYS } from "./months.js";
import { civilFromDays, formatDay, pad2, pad4, weekdayOf, MS_PER_DAY, MIN_DAY, MAX_DAY } from "./days.js";
import { getZone, type Zone } from "./zone.js";
import { getEngine, hijriOfDay, indexLabel, type HijriEngine } from "./hijri.js";
import { resolveInstant, toPublicInstant, isoOf, type Instant, type ResolvedInstant } from "./instant.js";
import { DATE_DEFAULTS, FORMAT_DEFAULTS, validateDateOptions } from "./options.js";

const GREGORIAN_ERA = "م";
const HIJRI_ERA = "هـ";
const TIME_SEPARATOR = " - ";
const MEMO_LIMIT = 50_000;
const PROFILE_LIMIT = 1_000;

// ---------------------------------------------------------------------------------------------
// Option profiles

interface Profile {
  zone: Zone;
  engine: HijriEngine | undefined;
  calendar: Calendar;
  months: MonthNames;
  digits: Digits;
  weekday: boolean;
  time: boolean;
  era: boolean;
  separator: string;
  bidi: boolean;
  /** Epoch day -> formatted date text (without the time). */
  memo: Map<number, DayEntry>;
}

const objectIds = new WeakMap<object, number>();
let nextObjectId = 1;
function idOf(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value !== "object") return `!${String(value)}`;
  let id = objectIds.get(value);
  if (id === undefined) {
    id = nextObjectId++;
    objectIds.set(value, id);
  }
  return String(id);
}

const profiles = new Map<string, Profile>();

/**
 * Fast path: the profile last resolved for an options object, with the option values it was
 * resolved from. A hit needs the same object AND the same values, so mutating an options object
 * between calls is safe (only the contents of hijriAdjustments are assumed not to change).
 */
interface Snapshot {
  profile: Profile;
  timeZone: unknown; hijriCalendar: unknown; hijriAdjustments: unknown; months: unknown; digits: unknown;
  calendar: unknown; weekday: unknown; time: unknown; era: unknown; separator: unknown; bidiIsolates: unknown;
}
const snapshots = new WeakMap<object, Snapshot>();
let defaultProfile: Profile | undefined;

function profileOf(options: FormatOptions | undefined, where: string): Profile {
  if (options === undefined || options === null) return (defaultProfile ??= slowProfileOf({}, where));
  if (typeof options !== "object") validateDateOptions(options, where); // throws: not an object
  const s = snapshots.get(options);
  if (
    s !== undefined &&
    s.timeZone === options.timeZone && s.hijriCalendar === options.hijriCalendar &&
    s.hijriAdjustments === options.hijriAdjustments && s.months === options.months &&
    s.digits === options.digits && s.calendar === options.calendar && s.weekday === options.weekday &&
    s.time === options.time && s.era === options.era && s.separator === options.separator &&
    s.bidiIsolates === options.bidiIsolates
  ) {
    return s.profile;
  }
  const profile = slowProfileOf(options, where);
  if (typeof options === "object") {
    snapshots.set(options, {
      profile,
      timeZone: options.timeZone, hijriCalendar: options.hijriCalendar, hijriAdjustments: options.hijriAdjustments,
      months: options.months, digits: options.digits, calendar: options.calendar, weekday: options.weekday,
      time: options.time, era: options.era, separator: options.separator, bidiIsolates: options.bidiIsolates,
    });
  }
  return profile;
}

function slowProfileOf(options: FormatOptions, where: string): Profile {
  const o = options;
  const key =
    `${o.timeZone}\u0001${o.hijriCalendar}\u0001${idOf(o.hijriAdjustments)}\u0001${o.months}\u0001${o.digits}` +
    `\u0001${o.calendar}\u0001${o.weekday}\u0001${o.time}\u0001${o.era}\u0001${o.separator}\u0001${o.bidiIsolates}`;
  let profile = profiles.get(key);
  if (profile) return profile;
  validateDateOptions(o, where);
  const calendar = o.calendar ?? FORMAT_DEFAULTS.calendar;
  profile = {
    zone: getZone(o.timeZone ?? DATE_DEFAULTS.timeZone),
    engine: calendar === "gregorian" ? undefined : getEngine(o.hijriCalendar ?? DATE_DEFAULTS.hijriCalendar, o.hijriAdjustments),
    calendar,
    months: o.months ?? DATE_DEFAULTS.months,
    digits: o.digits ?? DATE_DEFAULTS.digits,
    weekday: o.weekday ?? calendar === "dual",
    time: o.time ?? FORMAT_DEFAULTS.time,
    era: o.era ?? FORMAT_DEFAULTS.era,
    separator: o.separator ?? FORMAT_DEFAULTS.separator,
    bidi: o.bidiIsolates ?? FORMAT_DEFAULTS.bidiIsolates,
    memo: new Map(),
  };
  if (profiles.size >= PROFILE_LIMIT) profiles.clear();
  profiles.set(key, profile);
  return profile;
}

interface Context {
  zone: Zone;
  engine: HijriEngine;
}

/** Zone and Hijri engine for the conversion functions (validated, cached underneath). */
function contextOf(options: DateOptions | undefined, where: string): Context {
  const o = options ?? {};
  if (o.timeZone !== undefined || o.hijriCalendar !== undefined || o.hijriAdjustments !== undefined) {
    // Cheap for valid options: zones and engines are cached, so this only re-reads object fields.
    validateDateOptions({ timeZone: o.timeZone, hijriCalendar: o.hijriCalendar, hijriAdjustments: o.hijriAdjustments }, where);
  }
  return {
    zone: getZone(o.timeZone ?? DATE_DEFAULTS.timeZone),
    engine: getEngine(o.hijriCalendar ?? DATE_DEFAULTS.hijriCalendar, o.hijriAdjustments),
  };
}

// ---------------------------------------------------------------------------------------------
// Conversions

/** Normalise a date input (see instant.ts for the date-only rule). */
export function toInstant(date: DateInput, options?: DateOptions): Instant {
  const zone = getZone(options?.timeZone ?? DATE_DEFAULTS.timeZone);
  return toPublicInstant(resolveInstant(date, zone));
}

/** The calendar day of `date` in `options.timeZone`, 'YYYY-MM-DD'. */
export function calendarDay(date: DateInput, options?: DateOptions): string {
  const zone = getZone(options?.timeZone ?? DATE_DEFAULTS.timeZone);
  return formatDay(resolveInstant(date, zone).day);
}

/** The Hijri date of the calendar day of `date` (month 1-12). */
export function toHijri(date: DateInput, options?: DateOptions): HijriDate {
  const { zone, engine } = contextOf(options, "toHijri");
  return hijriOfDay(engine, resolveInstant(date, zone).day);
}

/** A whole number (or a string of digits) from `min` to `max`, else AkhbarError naming the calendar's field. */
function checkInteger(value: unknown, calendar: "Hijri" | "Gregorian", name: string, min: number, max: number): number {
  const n = typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof n !== "number" || !Number.isInteger(n) || n < min || n > max) {
    const shown = typeof value === "string" ? JSON.stringify(value) : String(value);
    throw new AkhbarError(`${calendar} ${name} ${shown} is not valid: expected a whole number from ${min} to ${max}`, {
      field: name,
    });
  }
  return n;
}

function monthIndex(year: unknown, month: unknown): number {
  const y = checkInteger(year, "Hijri", "year", 1, 9999);
  const m = checkInteger(month, "Hijri", "month", 1, 12);
  return y * 12 + m - 1;
}

function monthBounds(engine: HijriEngine, index: number): [number, number] {
  return [engine.startOf(index), engine.endOf(index)];
}

/**
 * Gregorian date 'YYYY-MM-DD' of a Hijri date; throws for a day the month does not have.
 * Also callable as fromHijri({ year, month, day }, options?).
 */
export function fromHijri(year: number, month: number, day: number, options?: DateOptions): string;
export function fromHijri(date: HijriDate, options?: DateOptions): string;
export function fromHijri(
  a: number | HijriDate,
  b?: number | DateOptions,
  c?: number,
  d?: DateOptions,
): string {
  if (typeof a === "object" && a !== null) {
    return hijriToDay(a.year, a.month, a.day, b as DateOptions | undefined);
  }
  return hijriToDay(a, b as number, c as number, d);
}

function hijriToDay(year: unknown, month: unknown, day: unknown, options?: DateOptions): string {
  const { engine } = contextOf(options, "fromHijri");
  const index = monthIndex(year, month);
  const [start, end] = monthBounds(engine, index);
  const d = checkInteger(day, "Hijri", "day", 1, 30);
  if (d > end - start) {
    throw new AkhbarError(
      `Hijri date ${indexLabel(index)}-${pad2(d)} does not exist: that month has ${end - start} days in ${engine.calendar}`,
      { field: "day" },
    );
  }
  const result = start + d - 1;
  if (result < MIN_DAY || result > MAX_DAY) {
    throw new AkhbarError(`Hijri date ${indexLabel(index)}-${pad2(d)} is outside Gregorian years 0001-9999`, { field: "year" });
  }
  return formatDay(result);
}

/** First day ('YYYY-MM-DD') of a Hijri month, adjustments included. */
export function hijriMonthStart(year: number, month: number, options?: DateOptions): string {
  const { engine } = contextOf(options, "hijriMonthStart");
  return formatDay(engine.startOf(monthIndex(year, month)));
}

/** Number of days of a Hijri month (29 or 30; adjustments can make it 27-32). */
export function hijriMonthLength(year: number, month: number, options?: DateOptions): number {
  const { engine } = contextOf(options, "hijriMonthLength");
  const [start, end] = monthBounds(engine, monthIndex(year, month));
  return end - start;
}

// ---------------------------------------------------------------------------------------------
// Formatting

/** Reused by formatDate/dateHtml so the hot path allocates nothing per call (single-threaded, not re-entrant). */
const scratch: ResolvedInstant = { ms: 0, day: 0, dateOnly: false, offset: 0 };

/** Everything about one calendar day that a profile outputs, computed once per day. */
interface DayEntry {
  /** Display text (digits converted), without the time. */
  text: string;
  /** The same, HTML-escaped. */
  html: string;
  /** ' data-hijri="1438-08-22"' for dual/hijri profiles, else ''. */
  attr: string;
  /** 'YYYY-MM-DD'. */
  iso: string;
}

function dayEntry(p: Profile, day: number): DayEntry {
  let entry = p.memo.get(day);
  if (entry !== undefined) return entry;
  const g = civilFromDays(day);
  const weekday = p.weekday ? `${WEEKDAYS[weekdayOf(day)]} ` : "";
  let gregorian = `${g.day} ${gregorianMonthName(g.month, p.months)} ${g.year}${p.era ? ` ${GREGORIAN_ERA}` : ""}`;
  let hijri = "";
  let attr = "";
  if (p.engine) {
    const h = hijriOfDay(p.engine, day);
    hijri = `${h.day} ${hijriMonthName(h.month)} ${h.year}${p.era ? ` ${HIJRI_ERA}` : ""}`;
    attr = ` data-hijri="${pad4(h.year)}-${pad2(h.month)}-${pad2(h.day)}"`;
  }
  let text: string;
  if (p.calendar === "gregorian") {
    gregorian = weekday + gregorian;
    text = p.bidi ? isolate(gregorian) : gregorian;
  } else if (p.calendar === "hijri") {
    hijri = weekday + hijri;
    text = p.bidi ? isolate(hijri) : hijri;
  } else {
    gregorian = weekday + gregorian;
    text = p.bidi ? `${isolate(gregorian)}${p.separator}${isolate(hijri)}` : `${gregorian}${p.separator}${hijri}`;
  }
  text = toDigits(text, p.digits);
  entry = { text, html: escapeHtml(text), attr, iso: `${pad4(g.year)}-${pad2(g.month)}-${pad2(g.day)}` };
  if (p.memo.size >= MEMO_LIMIT) p.memo.clear();
  p.memo.set(day, entry);
  return entry;
}

/** " - 12:33" for instants when the profile asks for the time. Only digits, ':' and spaces: HTML-safe. */
function timeText(p: Profile, r: ResolvedInstant): string {
  if (!p.time || r.dateOnly) return "";
  const tod = r.ms + r.offset - r.day * MS_PER_DAY;
  const hhmm = toDigits(`${pad2(Math.floor(tod / 3_600_000))}:${pad2(Math.floor(tod / 60_000) % 60)}`, p.digits);
  return TIME_SEPARATOR + (p.bidi ? isolate(hhmm) : hhmm);
}

/**
 * The date as Arabic text. Default (dual): "الخميس 18 أيار 2017 م، الموافق 22 شعبان 1438 هـ".
 * With `time: true` an instant gets " - 12:33" (24-hour, site zone); date-only values have no time.
 */
export function formatDate(date: DateInput, options?: FormatOptions): string {
  const p = profileOf(options, "formatDate");
  const r = resolveInstant(date, p.zone, scratch);
  const e = dayEntry(p, r.day);
  return p.time ? e.text + timeText(p, r) : e.text;
}

/**
 * `<time datetime="…">text</time>`: datetime is the full ISO instant with the site zone's offset
 * ('YYYY-MM-DD' for date-only values); dual and hijri dates add data-hijri="1438-08-22".
 */
export function dateHtml(date: DateInput, options?: FormatOptions): string {
  const p = profileOf(options, "dateHtml");
  const r = resolveInstant(date, p.zone, scratch);
  const e = dayEntry(p, r.day);
  const datetime = r.dateOnly ? e.iso : isoOf(r, e.iso);
  return `<time datetime="${datetime}"${e.attr}>${e.html}${p.time ? timeText(p, r) : ""}</time>`;
}

/** Archive heading for a Hijri month: "شعبان 1438 هـ" (era mark unless `era: false`). */
export function formatHijriMonth(year: number, month: number, options?: FormatOptions): string {
  validateDateOptions(options, "formatHijriMonth");
  const index = monthIndex(year, month);
  const y = Math.floor(index / 12);
  const era = options?.era ?? true;
  const text = toDigits(`${hijriMonthName(index - y * 12 + 1)} ${y}${era ? ` ${HIJRI_ERA}` : ""}`, options?.digits ?? DATE_DEFAULTS.digits);
  return options?.bidiIsolates ? isolate(text) : text;
}

/** Archive heading for a Gregorian month: "أيار 2017" (era mark only with `era: true`). */
export function formatGregorianMonth(year: number, month: number, options?: FormatOptions): string {
  validateDateOptions(options, "formatGregorianMonth");
  const y = checkInteger(year, "Gregorian", "year", 1, 9999);
  const m = checkInteger(month, "Gregorian", "month", 1, 12);
  const era = options?.era ?? false;
  const name = gregorianMonthName(m, options?.months ?? DATE_DEFAULTS.months);
  const text = toDigits(`${name} ${y}${era ? ` ${GREGORIAN_ERA}` : ""}`, options?.digits ?? DATE_DEFAULTS.digits);
  return options?.bidiIsolates ? isolate(text) : text;
}

