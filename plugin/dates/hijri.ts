/**
 * Hijri calendars as tables of month starts (epoch days), with optional local adjustments.
 *
 * Months are numbered by a "month index" = year * 12 + (month - 1). Each engine answers two
 * questions: where does month index i start, and which month index holds epoch day d.
 *
 * - islamic-umalqura: the month starts of 1300-1600 AH are read once from Node's ICU (which holds
 *   the KACST Umm al-Qura table) and kept in an Int32Array. Outside that table ICU silently falls
 *   back to islamic-civil; here any day or month outside it throws instead.
 * - islamic-civil / islamic-tbla: the arithmetic (tabular) calendar, 30-year cycle with leap years
 *   2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29; civil counts from Friday 16 July 622 (Julian),
 *   tbla ("astronomical epoch") from Thursday 15 July 622, one day earlier.
 * - hijriAdjustments replace single month starts; a day belongs to the month whose (adjusted) start
 *   is the last one on or before it, so both conversion directions agree.
 */
import { AkhbarError } from "../errors.js";
import type { HijriCalendar } from "./types.js";
import { formatDay, parseDay, MIN_DAY, MAX_DAY, daysFromCivil } from "./days.js";

export const HIJRI_CALENDARS: readonly HijriCalendar[] = ["islamic-umalqura", "islamic-civil", "islamic-tbla"];

/** First and last Hijri year of the Umm al-Qura table in ICU (and in the KACST data it copies). */
export const UMALQURA_FIRST_YEAR = 1300;
export const UMALQURA_LAST_YEAR = 1600;

/** Largest allowed distance (days) between an adjusted month start and the computed one. */
export const MAX_ADJUSTMENT_DAYS = 3;
/** Month lengths an adjustment may produce (a one-sided two-day shift gives 27 or 32). */
export const MIN_ADJUSTED_LENGTH = 27;
export const MAX_ADJUSTED_LENGTH = 32;

export interface HijriEngine {
  readonly calendar: HijriCalendar;
  /** Start (epoch day) of month index i; throws AkhbarError outside the calendar's range. */
  startOf(index: number): number;
  /** First day after month index i (the next month's start, also for the table's last month). */
  endOf(index: number): number;
  /** Month index holding epoch day `day`; throws AkhbarError outside the calendar's range. */
  indexOf(day: number): number;
}

const CIVIL_EPOCH_DAY = daysFromCivil(622, 7, 19); // 16 July 622 Julian = 19 July 622 proleptic Gregorian

function arithmeticStart(epochDay: number, index: number): number {
  const year = Math.floor(index / 12);
  const m0 = index - year * 12;
  return epochDay + Math.ceil(29.5 * m0) + (year - 1) * 354 + Math.floor((3 + 11 * year) / 30);
}

function arithmeticEngine(calendar: HijriCalendar, epochDay: number): HijriEngine {
  const minIndex = 12; // 1 Muharram 1 AH
  return {
    calendar,
    startOf(index) {
      if (index < minIndex) throw rangeError(calendar, `month ${indexLabel(index)}`);
      return arithmeticStart(epochDay, index);
    },
    endOf(index) {
      if (index < minIndex) throw rangeError(calendar, `month ${indexLabel(index)}`);
      return arithmeticStart(epochDay, index + 1);
    },
    indexOf(day) {
      if (day < epochDay) throw rangeError(calendar, formatDay(day));
      const year = Math.floor((30 * (day - epochDay) + 10646) / 10631);
      let index = year * 12;
      while (index > minIndex && arithmeticStart(epochDay, index) > day) index--;
      while (arithmeticStart(epochDay, index + 1) <= day) index++;
      return index;
    },
  };
}

function rangeError(calendar: HijriCalendar, what: string): AkhbarError {
  if (calendar === "islamic-umalqura") {
    return new AkhbarError(
      `${what} is outside the Umm al-Qura table (${UMALQURA_FIRST_YEAR}-${UMALQURA_LAST_YEAR} AH, ` +
        `${formatDay(umalqura().first)} to ${formatDay(umalqura().end - 1)}); Akhbar never switches ` +
        `calendars silently: set hijriCalendar to "islamic-civil" or "islamic-tbla" for such dates`,
      { field: "hijriCalendar" },
    );
  }
  return new AkhbarError(`${what} is before the start of the Hijri era in ${calendar}`, { field: "hijriCalendar" });
}

export function indexLabel(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${year}-${month < 10 ? "0" : ""}${month}`;
}

// ---------------------------------------------------------------------------------------------
// Umm al-Qura from ICU

interface UmalquraTable {
  /** starts[k] = start of month index (FIRST_INDEX + k); one extra entry = end of the table. */
  starts: Int32Array;
  first: number;
  end: number;
}

const FIRST_INDEX = UMALQURA_FIRST_YEAR * 12;
const MONTHS = (UMALQURA_LAST_YEAR - UMALQURA_FIRST_YEAR + 1) * 12;
let umalquraTable: UmalquraTable | undefined;

/** Year/month/day ICU gives for an epoch day in the umalqura calendar. */
function icuUmalqura(dtf: Intl.DateTimeFormat, day: number): [number, number, number] {
  let y = 0, m = 0, d = 0;
  for (const p of dtf.formatToParts(day * 86_400_000)) {
    if (p.type === "year") y = Number(p.value);
    else if (p.type === "month") m = Number(p.value);
    else if (p.type === "day") d = Number(p.value);
  }
  return [y, m, d];
}

/** Read the month starts of 1300-1600 AH from ICU, once (about 3,600 Intl calls, a few ms). */
function umalqura(): UmalquraTable {
  if (umalquraTable) return umalquraTable;
  const dtf = new Intl.DateTimeFormat("en-u-ca-islamic-umalqura-nu-latn", {
    timeZone: "UTC",
    year: "numeric",
    month: "numeric",
    day: "numeric",
  });
  // ICU's table and the civil calendar both start 1300 on the same day; search around it anyway.
  const estimate = arithmeticStart(CIVIL_EPOCH_DAY, FIRST_INDEX);
  let first = NaN;
  for (let day = estimate - 3; day <= estimate + 3; day++) {
    const [y, m, d] = icuUmalqura(dtf, day);
    if (y === UMALQURA_FIRST_YEAR && m === 1 && d === 1) {
      first = day;
      break;
    }
  }
  if (Number.isNaN(first)) throw new Error("this runtime's ICU has no islamic-umalqura calendar");
  // A day-only formatter prints just "30" or "1": the cheapest way to ask ICU for a month length.
  const dayOnly = new Intl.DateTimeFormat("en-u-ca-islamic-umalqura-nu-latn", { timeZone: "UTC", day: "numeric" });
  const starts = new Int32Array(MONTHS + 1);
  starts[0] = first;
  for (let k = 0; k < MONTHS; k++) {
    // Day 30 of the month, or day 1 of the next one.
    const d = Number(dayOnly.format((starts[k] + 29) * 86_400_000));
    if (d !== 30 && d !== 1) throw new Error(`unexpected ICU umalqura data near ${indexLabel(FIRST_INDEX + k)}`);
    starts[k + 1] = starts[k] + (d === 30 ? 30 : 29);
  }
  umalquraTable = { starts, first, end: starts[MONTHS] };
  return umalquraTable;
}

const umalquraEngine: HijriEngine = {
  calendar: "islamic-umalqura",
  startOf(index) {
    const k = index - FIRST_INDEX;
    if (k < 0 || k >= MONTHS) throw rangeError("islamic-umalqura", `month ${indexLabel(index)}`);
    return umalqura().starts[k];
  },
  endOf(index) {
    const k = index - FIRST_INDEX;
    if (k < 0 || k >= MONTHS) throw rangeError("islamic-umalqura", `month ${indexLabel(index)}`);
    // starts[MONTHS] is the end of the table (the day after 30 Dhu al-Hijja 1600).
    return umalqura().starts[k + 1];
  },
  indexOf(day) {
    const { starts, first, end } = umalqura();
    if (day < first || day >= end) throw rangeError("islamic-umalqura", formatDay(day));
    let lo = 0, hi = MONTHS - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= day) lo = mid;
      else hi = mid - 1;
    }
    return FIRST_INDEX + lo;
  },
};

const baseEngines: Record<HijriCalendar, HijriEngine> = {
  "islamic-umalqura": umalquraEngine,
  "islamic-civil": arithmeticEngine("islamic-civil", CIVIL_EPOCH_DAY),
  "islamic-tbla": arithmeticEngine("islamic-tbla", CIVIL_EPOCH_DAY - 1),
};

/** Range of the Umm al-Qura table as 'YYYY-MM-DD' (first day, last day). */
export function umalquraRange(): [string, string] {
  const t = umalqura();
  return [formatDay(t.first), formatDay(t.end - 1)];
}

// ---------------------------------------------------------------------------------------------
// Adjustments

const ADJUSTMENT_KEY = /^(\d{4})-(\d{2})$/;

/** Parse one adjustment entry; throws AkhbarError naming the key or value. */
function parseAdjustment(key: string, value: unknown): [number, number] {
  const k = ADJUSTMENT_KEY.exec(key);
  const month = k ? Number(k[2]) : 0;
  if (!k || month < 1 || month > 12) {
    throw new AkhbarError(
      `malformed key ${JSON.stringify(key)}: expected a Hijri year and month "YYYY-MM" with month 01-12, e.g. "1438-09"`,
      { field: "hijriAdjustments" },
    );
  }
  let day: number | undefined;
  if (typeof value === "string") day = parseDay(value);
  else if (value instanceof Date && !Number.isNaN(value.getTime()) && value.getTime() % 86_400_000 === 0) {
    day = Math.floor(value.getTime() / 86_400_000);
  }
  if (day === undefined || day < MIN_DAY || day > MAX_DAY) {
    throw new AkhbarError(
      `value ${describe(value)} for "${key}" is not a Gregorian date "YYYY-MM-DD" (the day the month starts)`,
      { field: "hijriAdjustments" },
    );
  }
  return [Number(k[1]) * 12 + month - 1, day];
}

function describe(value: unknown): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (typeof value === "string") return JSON.stringify(value);
  return String(value);
}

function adjustedEngine(base: HijriEngine, adjustments: Record<string, unknown>): HijriEngine {
  const overrides = new Map<number, number>();
  for (const [key, value] of Object.entries(adjustments)) {
    const [index, day] = parseAdjustment(key, value);
    const computed = base.startOf(index);
    if (Math.abs(day - computed) > MAX_ADJUSTMENT_DAYS) {
      throw new AkhbarError(
        `"${key}": "${formatDay(day)}" is ${day - computed} days from the computed start ${formatDay(computed)} ` +
          `(${base.calendar}); an adjustment may move a month start by at most ${MAX_ADJUSTMENT_DAYS} days`,
        { field: "hijriAdjustments" },
      );
    }
    overrides.set(index, day);
  }
  const startOf = (index: number): number => overrides.get(index) ?? base.startOf(index);
  const endOf = (index: number): number => overrides.get(index + 1) ?? base.endOf(index);
  // Month lengths around each adjusted start must stay plausible (this also keeps starts increasing).
  for (const index of overrides.keys()) {
    for (const i of [index - 1, index]) {
      let length: number;
      try {
        length = endOf(i) - startOf(i);
      } catch {
        continue; // neighbour outside the calendar's range
      }
      if (length < MIN_ADJUSTED_LENGTH || length > MAX_ADJUSTED_LENGTH) {
        throw new AkhbarError(
          `adjustments make Hijri month ${indexLabel(i)} ${length} days long ` +
            `(${formatDay(startOf(i))} to ${formatDay(endOf(i) - 1)}); adjust its neighbouring month start too`,
          { field: "hijriAdjustments" },
        );
      }
    }
  }
  return {
    calendar: base.calendar,
    startOf,
    endOf,
    indexOf(day) {
      // An adjustment moves a start by at most 3 days, so the computed month is at most one off.
      let index: number;
      try {
        index = base.indexOf(day);
      } catch (error) {
        // A day just outside the base range may still fall inside an adjusted first/last month.
        index = NaN;
        for (const candidate of overrides.keys()) {
          if (startOf(candidate) <= day && day < endOf(candidate)) index = candidate;
        }
        if (Number.isNaN(index)) throw error;
        return index;
      }
      if (day < startOf(index)) index--;
      else if (day >= endOf(index)) index++;
      startOf(index); // throws when the adjusted month falls outside the table
      return index;
    },
  };
}

const adjustedCache = new WeakMap<object, Map<HijriCalendar, HijriEngine>>();

/**
 * The engine for a calendar and an adjustments table. Engines are cached per adjustments object:
 * treat that object as immutable once used.
 */
export function getEngine(calendar: HijriCalendar, adjustments?: Record<string, unknown>): HijriEngine {
  const base = baseEngines[calendar];
  if (!base) {
    throw new AkhbarError(
      `unknown hijriCalendar ${JSON.stringify(calendar)}: expected one of ${HIJRI_CALENDARS.map((c) => `"${c}"`).join(", ")}`,
      { field: "hijriCalendar" },
    );
  }
  if (adjustments === undefined || adjustments === null) return base;
  if (typeof adjustments !== "object" || Array.isArray(adjustments)) {
    throw new AkhbarError(
      `hijriAdjustments must be an object of month starts such as { "1438-09": "2017-05-27" }, got ${describe(adjustments)}`,
      { field: "hijriAdjustments" },
    );
  }
  let byCalendar = adjustedCache.get(adjustments);
  if (!byCalendar) {
    byCalendar = new Map();
    adjustedCache.set(adjustments, byCalendar);
  }
  let engine = byCalendar.get(calendar);
  if (!engine) {
    engine = Object.keys(adjustments).length === 0 ? base : adjustedEngine(base, adjustments);
    byCalendar.set(calendar, engine);
  }
  return engine;
}

export interface HijriParts {
  year: number;
  month: number;
  day: number;
}

/** Hijri date of an epoch day. */
export function hijriOfDay(engine: HijriEngine, day: number): HijriParts {
  const index = engine.indexOf(day);
  const year = Math.floor(index / 12);
  return { year, month: index - year * 12 + 1, day: day - engine.startOf(index) + 1 };
}
