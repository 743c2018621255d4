/**
 * The few wall-clock computations the importer needs, through the date engine (plugin/dates): the
 * calendar day of an instant in the site's zone, and "day D at HH:MM in the zone" as an ISO
 * date-time with offset.
 */
import { AkhbarError } from "../errors.js";
import { formatDay, parseDay } from "../dates/days.js";
import { calendarDay, toInstant } from "../dates/index.js";

/** YYYY-MM-DD of an instant in `timeZone`. */
export function dayInZone(instant: Date | number, timeZone: string): string {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  // As a string with "Z": a Date at exactly UTC midnight would otherwise be read as a date-only value.
  return calendarDay(new Date(ms).toISOString(), { timeZone });
}

/** Add `days` to a YYYY-MM-DD day. */
export function addDaysTo(day: string, days: number): string {
  const n = parseDay(day);
  if (n === undefined) throw new AkhbarError(`not a calendar day: ${JSON.stringify(day)}`);
  return formatDay(n + days);
}

/** The day of a date value as written in front matter / the CSV: "2019-02-22" or "2019-02-22T10:30:00+02:00". */
export function dayOfDateValue(value: string, timeZone: string): string {
  return calendarDay(value, { timeZone });
}

/** "YYYY-MM-DDTHH:MM:00+HH:MM": wall time `time` ("HH:MM") on `day` in `timeZone`. */
export function wallTimeIso(day: string, time: string, timeZone: string): string {
  return toInstant(`${day}T${time}`, { timeZone }).iso;
}
