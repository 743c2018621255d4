/**
 * UTC offsets of an IANA time zone, from the runtime's tz data through a cached Intl formatter.
 *
 * Asking Intl costs a few microseconds, so offsets are cached per UTC day: the offset is read at
 * both ends of the day; when they agree the whole day has that offset (this assumes no zone has two
 * transitions within 24 hours that cancel each other out, which holds for the tz database's
 * modern history), otherwise the transition instant is found by bisection and cached too.
 */
import { AkhbarError } from "../errors.js";
import { MS_PER_DAY } from "./days.js";

/** Before 1800 every zone in the tz database is on local mean time; clamp there (Intl turns Julian earlier). */
const CLAMP_MIN = Date.UTC(1800, 0, 1);
const CACHE_LIMIT = 50_000;

interface DayOffsets {
  /** Offset (ms) before `change`, or for the whole day when `change` is NaN. */
  before: number;
  after: number;
  change: number;
}

export interface Zone {
  name: string;
  /** Offset in ms to add to a UTC instant to get the wall time in this zone. */
  offset(epochMs: number): number;
}

const zones = new Map<string, Zone>();

/** "5/18/2017, 01:30:00" as en-US prints it with hourCycle h23. */
const WALL_RE = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)$/;
const PART_INDEX: Partial<Record<string, number>> = { year: 0, month: 1, day: 2, hour: 3, minute: 4, second: 5 };

/** The Zone for an IANA name; throws AkhbarError naming the zone when the runtime does not know it. */
export function getZone(name: string): Zone {
  let zone = zones.get(name);
  if (!zone) {
    zone = makeZone(name);
    zones.set(name, zone);
  }
  return zone;
}

/** True when `name` is a time zone this runtime knows. */
export function isTimeZone(name: unknown): name is string {
  if (typeof name !== "string" || name === "") return false;
  try {
    getZone(name);
    return true;
  } catch {
    return false;
  }
}

function makeZone(name: string): Zone {
  let dtf: Intl.DateTimeFormat;
  try {
    dtf = new Intl.DateTimeFormat("en-US-u-ca-gregory-nu-latn", {
      timeZone: name,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  } catch (cause) {
    throw new AkhbarError(
      `unknown time zone ${JSON.stringify(name)}: expected an IANA zone name such as "Asia/Damascus"`,
      { field: "timeZone", cause },
    );
  }

  /** Exact offset at one instant (whole seconds), straight from Intl. */
  const exact = (ms: number): number => {
    const t = Math.floor(Math.max(ms, CLAMP_MIN) / 1000) * 1000;
    // format() + a regex is several times faster than formatToParts(); the parts are the fallback
    // should an ICU version ever print this fixed en-US pattern differently.
    const m = WALL_RE.exec(dtf.format(t));
    let f: number[];
    if (m) {
      f = [Number(m[3]), Number(m[1]), Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6])];
    } else {
      f = [0, 0, 0, 0, 0, 0];
      for (const p of dtf.formatToParts(t)) {
        const i = PART_INDEX[p.type];
        if (i !== undefined) f[i] = Number(p.value);
      }
    }
    return Date.UTC(f[0], f[1] - 1, f[2], f[3], f[4], f[5]) - t;
  };

  // Offset at the first instant of each UTC day; neighbouring days share these probes.
  const starts = new Map<number, number>();
  const startOffset = (day: number): number => {
    let offset = starts.get(day);
    if (offset === undefined) {
      offset = exact(day * MS_PER_DAY);
      if (starts.size >= CACHE_LIMIT) starts.clear();
      starts.set(day, offset);
    }
    return offset;
  };

  const cache = new Map<number, DayOffsets>();
  const dayOffsets = (day: number): DayOffsets => {
    let entry = cache.get(day);
    if (entry) return entry;
    const start = day * MS_PER_DAY;
    const end = start + MS_PER_DAY;
    const before = startOffset(day);
    const after = startOffset(day + 1);
    let change = NaN;
    if (before !== after) {
      // Bisection to the second: offset(lo) === before, offset(hi) !== before.
      let lo = start, hi = end;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (exact(mid) === before) lo = mid;
        else hi = mid;
      }
      change = hi;
    }
    entry = { before, after, change };
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(day, entry);
    return entry;
  };

  return {
    name,
    offset(ms: number): number {
      const e = dayOffsets(Math.floor(ms / MS_PER_DAY));
      return e.change !== e.change /* NaN */ || ms < e.change ? e.before : e.after;
    },
  };
}

/**
 * The instant at which the wall clock in `zone` shows `wallMs` (wall time written as if UTC).
 * A wall time skipped by a DST change is moved forward by the gap (00:30 on a night the clocks
 * jump from 00:00 to 01:00 becomes 01:30); a wall time that occurs twice (clocks set back)
 * resolves to one of its two instants. Give an explicit offset in the string to be exact.
 */
export function wallToInstant(zone: Zone, wallMs: number): number {
  const o1 = zone.offset(wallMs);
  const t = wallMs - o1;
  const o2 = zone.offset(t);
  return o1 === o2 ? t : wallMs - o2;
}
