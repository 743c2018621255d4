/**
 * Input normalisation: a JS Date, an ISO 8601 string or a luxon DateTime becomes an instant plus
 * the calendar day it falls on in the site's time zone.
 *
 * The date-only rule. A value without a time of day is a calendar date, the same in every zone:
 * - a 'YYYY-MM-DD' string;
 * - a JS Date at exactly 00:00:00.000 UTC: that is what YAML (and so Eleventy front matter) makes
 *   of `date: 2017-05-18`, and reading it in Damascus or New York must not move it to another day.
 *   The price: a real instant at exactly UTC midnight given as a Date is also read as a date. Pass
 *   it as a string with its offset ("2017-05-18T00:00:00Z") to keep it an instant;
 * - a luxon DateTime at exactly midnight in its own zone (luxon's DateTime.fromISO("2017-05-18")).
 * Everything else is an instant, and its day is the day on the wall clock in `timeZone`.
 * A date-time string without an offset ("2017-05-18T12:33") is a wall time in `timeZone`.
 */
import { DateTime } from "luxon";
import { AkhbarError } from "../errors.js";
import type { DateInput } from "./types.js";
import { MS_PER_DAY, MIN_DAY, MAX_DAY, checkedDays, formatDay, pad2, daysFromCivil } from "./days.js";
import { type Zone, wallToInstant } from "./zone.js";

export interface Instant {
  /** Milliseconds since 1970-01-01T00:00:00Z (UTC midnight of the day for a date-only value). */
  epochMs: number;
  /** The calendar day in the site's zone, 'YYYY-MM-DD'. */
  day: string;
  /** True for values without a time of day (see the date-only rule). */
  dateOnly: boolean;
  /** 'YYYY-MM-DD' for a date-only value, else the instant with the site zone's offset: '2017-05-18T01:30:00+03:00'. */
  iso: string;
}

/** Internal form: numbers only, no strings built (the formatting hot path). */
export interface ResolvedInstant {
  ms: number;
  /** Epoch day of the calendar day in the zone. */
  day: number;
  dateOnly: boolean;
  /** Offset of the zone at `ms` (0 for date-only values). */
  offset: number;
}

const DATE_TIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const EXPECTED =
  'expected a JS Date, a luxon DateTime or an ISO 8601 string ("2017-05-18", "2017-05-18T12:33", "2017-05-18T12:33:00+03:00")';

export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : `Date ${value.toISOString()}`;
  if (DateTime.isDateTime(value)) return `DateTime ${value.isValid ? value.toISO() : "(invalid)"}`;
  if (typeof value === "object" && value !== null) return Object.prototype.toString.call(value);
  return String(value);
}

function invalid(value: unknown, why = EXPECTED): AkhbarError {
  return new AkhbarError(`not a date: ${describeValue(value)} (${why})`, { field: "date" });
}

function dateOnly(value: unknown, day: number | undefined, out: ResolvedInstant): ResolvedInstant {
  if (day === undefined) throw invalid(value, "no such calendar day");
  if (!(day >= MIN_DAY && day <= MAX_DAY)) throw invalid(value, "outside years 0001-9999");
  out.ms = day * MS_PER_DAY;
  out.day = day;
  out.dateOnly = true;
  out.offset = 0;
  return out;
}

function instant(value: unknown, ms: number, zone: Zone, out: ResolvedInstant): ResolvedInstant {
  const offset = zone.offset(ms);
  const day = Math.floor((ms + offset) / MS_PER_DAY);
  if (!(day >= MIN_DAY && day <= MAX_DAY)) throw invalid(value, "outside years 0001-9999");
  out.ms = ms;
  out.day = day;
  out.dateOnly = false;
  out.offset = offset;
  return out;
}

function parseString(text: string, value: unknown, zone: Zone, out: ResolvedInstant): ResolvedInstant {
  const s = text.trim();
  let m = DATE_RE.exec(s);
  if (m) return dateOnly(value, checkedDays(Number(m[1]), Number(m[2]), Number(m[3])), out);
  m = DATE_TIME_RE.exec(s);
  if (!m) throw invalid(value);
  const day = checkedDays(Number(m[1]), Number(m[2]), Number(m[3]));
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (day === undefined) throw invalid(value, "no such calendar day");
  if (hour > 23 || minute > 59 || second > 59) throw invalid(value, "no such time of day");
  const wall = day * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
  if (m[8]) return instant(value, wall, zone, out);
  if (m[9]) {
    const oh = Number(m[10]);
    const om = m[11] === undefined ? 0 : Number(m[11]);
    if (oh > 23 || om > 59) throw invalid(value, "no such UTC offset");
    const sign = m[9] === "-" ? -1 : 1;
    return instant(value, wall - sign * (oh * 60 + om) * 60_000, zone, out);
  }
  return instant(value, wallToInstant(zone, wall), zone, out);
}

/**
 * Normalise a date input against a zone; throws AkhbarError naming the value when it is not a date.
 * The result is written into `out` (a fresh object by default; the formatting hot path reuses one).
 */
export function resolveInstant(
  value: DateInput | unknown,
  zone: Zone,
  out: ResolvedInstant = { ms: 0, day: 0, dateOnly: false, offset: 0 },
): ResolvedInstant {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (ms !== ms) throw invalid(value, "an invalid Date");
    if (ms % MS_PER_DAY === 0) return dateOnly(value, ms / MS_PER_DAY, out);
    return instant(value, ms, zone, out);
  }
  if (typeof value === "string") return parseString(value, value, zone, out);
  if (DateTime.isDateTime(value)) {
    if (!value.isValid) throw invalid(value, `an invalid luxon DateTime: ${value.invalidReason ?? "unknown reason"}`);
    if (value.hour === 0 && value.minute === 0 && value.second === 0 && value.millisecond === 0) {
      return dateOnly(value, daysFromCivil(value.year, value.month, value.day), out);
    }
    return instant(value, value.toMillis(), zone, out);
  }
  throw invalid(value);
}

const offsetStrings = new Map<number, string>();

/** "+03:00" for an offset in whole minutes. */
function offsetString(offset: number): string {
  let text = offsetStrings.get(offset);
  if (text === undefined) {
    const abs = Math.abs(offset) / 60_000;
    text = `${offset < 0 ? "-" : "+"}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
    offsetStrings.set(offset, text);
  }
  return text;
}

/**
 * The full ISO string of a resolved instant: 'YYYY-MM-DD' when date-only, else with the zone's
 * offset. `dayIso` is formatDay(r.day) when the caller already has it.
 */
export function isoOf(r: ResolvedInstant, dayIso?: string): string {
  if (r.dateOnly) return dayIso ?? formatDay(r.day);
  if (r.offset % 60_000 !== 0) {
    // Local mean time offsets have seconds, which ISO/HTML offsets cannot carry: write UTC instead.
    return new Date(r.ms).toISOString();
  }
  const tod = r.ms + r.offset - r.day * MS_PER_DAY;
  const h = Math.floor(tod / 3_600_000);
  const mi = Math.floor(tod / 60_000) % 60;
  const s = Math.floor(tod / 1000) % 60;
  const ms = tod % 1000;
  const frac = ms === 0 ? "" : `.${String(ms).padStart(3, "0")}`;
  return `${dayIso ?? formatDay(r.day)}T${pad2(h)}:${pad2(mi)}:${pad2(s)}${frac}${offsetString(r.offset)}`;
}

export function toPublicInstant(r: ResolvedInstant): Instant {
  return { epochMs: r.ms, day: formatDay(r.day), dateOnly: r.dateOnly, iso: isoOf(r) };
}
