/**
 * The few wall-clock computations the importer needs, on top of the date engine's zone support
 * (plugin/dates/zone.ts): the calendar day of an instant in the site's zone, and "day D at HH:MM in
 * the zone" as an ISO date-time with offset.
 */
import { AkhbarError } from "../errors.js";
import { MS_PER_DAY, formatDay, parseDay } from "../dates/days.js";
import { getZone, wallToInstant } from "../dates/zone.js";

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function offsetText(offsetMs: number): string {
  const sign = offsetMs < 0 ? "-" : "+";
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  return `${sign}${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** YYYY-MM-DD of an instant in `timeZone`. */
export function dayInZone(instant: Date | number, timeZone: string): string {
  const ms = typeof instant === "number" ? instant : instant.getTime();
  const wall = ms + getZone(timeZone).offset(ms);
  return formatDay(Math.floor(wall / MS_PER_DAY));
}

/** Add `days` to a YYYY-MM-DD day. */
export function addDaysTo(day: string, days: number): string {
  const n = parseDay(day);
  if (n === undefined) throw new AkhbarError(`not a calendar day: ${JSON.stringify(day)}`);
  return formatDay(n + days);
}

/** The day of a date value as written in a front matter / CSV: "2019-02-22" or "2019-02-22T10:30:00+02:00". */
export function dayOfDateValue(value: string, timeZone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new AkhbarError(`not a date: ${JSON.stringify(value)}`);
  return dayInZone(ms, timeZone);
}

/** "YYYY-MM-DDTHH:MM:00+HH:MM": wall time `time` ("HH:MM") on `day` in `timeZone`. */
export function wallTimeIso(day: string, time: string, timeZone: string): string {
  const n = parseDay(day);
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (n === undefined || !m) throw new AkhbarError(`not a day and time: ${JSON.stringify(`${day} ${time}`)}`);
  const wall = n * MS_PER_DAY + Number(m[1]) * 3_600_000 + Number(m[2]) * 60_000;
  const zone = getZone(timeZone);
  const instant = wallToInstant(zone, wall);
  const offset = zone.offset(instant);
  // A wall time skipped by DST moves forward: write the wall time the instant really shows.
  const shown = new Date(instant + offset).toISOString().slice(0, 16);
  return `${shown}:00${offsetText(offset)}`;
}
