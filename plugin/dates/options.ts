/** Defaults and validation of the date options (DateOptions, FormatOptions). */
import { AkhbarError } from "../errors.js";
import type { Calendar, DateOptions, Digits, FormatOptions, HijriCalendar, MonthNames } from "./types.js";
import { getZone } from "./zone.js";
import { getEngine, HIJRI_CALENDARS } from "./hijri.js";

export const DATE_DEFAULTS = {
  timeZone: "Asia/Damascus",
  hijriCalendar: "islamic-umalqura" as HijriCalendar,
  months: "levant" as MonthNames,
  digits: "latn" as Digits,
} as const;

export const FORMAT_DEFAULTS = {
  calendar: "dual" as Calendar,
  /** weekday: true for "dual", false otherwise. */
  time: false,
  era: true,
  separator: "، الموافق ",
  bidiIsolates: false,
} as const;

export const CALENDARS: readonly Calendar[] = ["gregorian", "hijri", "dual"];
export const MONTH_SETS: readonly MonthNames[] = ["levant", "egypt", "maghreb", "levant-egypt"];
export const DIGIT_SETS: readonly Digits[] = ["latn", "arab"];

const BOOLEAN_OPTIONS = ["weekday", "time", "era", "bidiIsolates"] as const;

function list(values: readonly string[]): string {
  return values.map((v) => `"${v}"`).join(", ");
}

function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (typeof value === "object" && value !== null) {
    try {
      return JSON.stringify(value);
    } catch {
      return Object.prototype.toString.call(value);
    }
  }
  return String(value);
}

function fail(where: string, name: string, value: unknown, expected: string, cause?: unknown): never {
  throw new AkhbarError(`invalid ${where} option ${name} = ${show(value)}: expected ${expected}`, { field: name, cause });
}

/**
 * Throw an AkhbarError naming the option and the allowed values when any date or format option
 * is malformed. Undefined options are fine (defaults apply); keys it does not know are ignored
 * (the plugin checks its own option names). `where` says whose options these are, e.g. "akhbar plugin".
 */
export function validateDateOptions(options: unknown, where = "date"): void {
  if (options === undefined || options === null) return;
  if (typeof options !== "object" || Array.isArray(options)) fail(where, "options", options, "an object");
  const o = options as Record<string, unknown>;
  if (o.timeZone !== undefined) {
    if (typeof o.timeZone !== "string" || o.timeZone === "") {
      fail(where, "timeZone", o.timeZone, 'an IANA time zone name such as "Asia/Damascus"');
    }
    try {
      getZone(o.timeZone);
    } catch (cause) {
      fail(where, "timeZone", o.timeZone, 'an IANA time zone name such as "Asia/Damascus"', cause);
    }
  }
  if (o.hijriCalendar !== undefined && !HIJRI_CALENDARS.includes(o.hijriCalendar as HijriCalendar)) {
    fail(where, "hijriCalendar", o.hijriCalendar, `one of ${list(HIJRI_CALENDARS)}`);
  }
  if (o.months !== undefined && !MONTH_SETS.includes(o.months as MonthNames)) {
    fail(where, "months", o.months, `one of ${list(MONTH_SETS)}`);
  }
  if (o.digits !== undefined && !DIGIT_SETS.includes(o.digits as Digits)) {
    fail(where, "digits", o.digits, `one of ${list(DIGIT_SETS)}`);
  }
  if (o.calendar !== undefined && !CALENDARS.includes(o.calendar as Calendar)) {
    fail(where, "calendar", o.calendar, `one of ${list(CALENDARS)}`);
  }
  for (const name of BOOLEAN_OPTIONS) {
    if (o[name] !== undefined && typeof o[name] !== "boolean") fail(where, name, o[name], "true or false");
  }
  if (o.separator !== undefined && typeof o.separator !== "string") {
    fail(where, "separator", o.separator, 'a string such as "، الموافق "');
  }
  if (o.hijriAdjustments !== undefined && o.hijriAdjustments !== null) {
    const calendar = (o.hijriCalendar as HijriCalendar | undefined) ?? DATE_DEFAULTS.hijriCalendar;
    try {
      getEngine(calendar, o.hijriAdjustments as Record<string, unknown>);
    } catch (cause) {
      const detail = cause instanceof AkhbarError ? cause.message.replace(/^field "hijriAdjustments": /, "") : String(cause);
      throw new AkhbarError(`invalid ${where} option hijriAdjustments: ${detail}`, { field: "hijriAdjustments", cause });
    }
  }
}

/** DateOptions with defaults applied. */
export interface ResolvedDateOptions {
  timeZone: string;
  hijriCalendar: HijriCalendar;
  hijriAdjustments: Record<string, string> | undefined;
  months: MonthNames;
  digits: Digits;
}

export function resolveDateOptions(options: DateOptions | undefined): ResolvedDateOptions {
  return {
    timeZone: options?.timeZone ?? DATE_DEFAULTS.timeZone,
    hijriCalendar: options?.hijriCalendar ?? DATE_DEFAULTS.hijriCalendar,
    hijriAdjustments: options?.hijriAdjustments,
    months: options?.months ?? DATE_DEFAULTS.months,
    digits: options?.digits ?? DATE_DEFAULTS.digits,
  };
}

export type { FormatOptions };
