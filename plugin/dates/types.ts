/** Types shared by the date engine, the text recogniser and the theme. */
import type { DateTime } from "luxon";

export type HijriCalendar = "islamic-umalqura" | "islamic-civil" | "islamic-tbla";
/** Gregorian month-name sets: Levantine, Egyptian, Maghrebi (Tunisia/Algeria), or Levantine/Egyptian pairs. */
export type MonthNames = "levant" | "egypt" | "maghreb" | "levant-egypt";
export type Digits = "latn" | "arab";
export type Calendar = "gregorian" | "hijri" | "dual";

/** A JS Date, an ISO 8601 string (date-only or date-time), or a luxon DateTime. */
export type DateInput = Date | string | DateTime;

export interface HijriDate {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

/** Options shared by toHijri, fromHijri and formatDate (also settable once as plugin options). */
export interface DateOptions {
  /** IANA zone whose calendar day is "the day" of an instant. Default "Asia/Damascus". */
  timeZone?: string;
  /** Default "islamic-umalqura". */
  hijriCalendar?: HijriCalendar;
  /** Month starts that override the computed ones: { "1438-09": "2017-05-27" }. */
  hijriAdjustments?: Record<string, string>;
  /** Default "levant". */
  months?: MonthNames;
  /** Default "latn". */
  digits?: Digits;
}

export interface FormatOptions extends DateOptions {
  /** Default "dual". */
  calendar?: Calendar;
  /** Include the weekday name (الخميس). Default true for dual, false otherwise. */
  weekday?: boolean;
  /** Include the time of day (12:33) in the site's zone. Default false. */
  time?: boolean;
  /** Include era marks م / هـ. Default true. */
  era?: boolean;
  /** Text between the Gregorian and the Hijri part of a dual date. Default "، الموافق ". */
  separator?: string;
  /** Wrap the parts in FSI/PDI isolates (for plain-text contexts). Default false. */
  bidiIsolates?: boolean;
}
