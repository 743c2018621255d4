/**
 * The hover title of a date found in text: the same date in the other calendar and in the other
 * Gregorian month-name sets, parts joined by " — ".
 *
 *   "2 آذار 2017"        → "2 مارس 2017 — 3 جمادى الآخرة 1438 هـ"
 *   "3 مارس 2018"        → "3 آذار 2018 — 16 جمادى الآخرة 1439 هـ"
 *   "15 شعبان 1438 هـ"   → "11 أيار 2017 — 11 مايو 2017"
 *   "أيار 2017"          → "مايو 2017 — شعبان – رمضان 1438 هـ"
 *   "محرم 1440 هـ"       → "11 أيلول 2018 – 9 تشرين الأول 2018 — 11 سبتمبر 2018 – 9 أكتوبر 2018"
 */
import { AkhbarError } from "../errors.js";
import { formatDate, formatGregorianMonth, formatHijriMonth, hijriMonthLength, toHijri } from "../dates/index.js";
import { hijriMonthName } from "../dates/months.js";
import type { DateOptions, Digits, FormatOptions, MonthNames } from "../dates/types.js";
import type { DateMention, WrittenMonthSet } from "../dates/text.js";

const PART_SEPARATOR = " — ";
const RANGE_SEPARATOR = " – ";

type OutputSet = "levant" | "egypt" | "maghreb";

/**
 * Gregorian month-name sets shown in the title: the site's set (options.months) first, then
 * Levantine and Egyptian, plus Maghrebi when the text used a Maghrebi or Moroccan-only name;
 * minus the sets the written name already belongs to.
 */
export function titleMonthSets(written: readonly WrittenMonthSet[], site: MonthNames = "levant"): OutputSet[] {
  const wanted: OutputSet[] = site === "levant-egypt" ? ["levant", "egypt"] : [site];
  wanted.push("levant", "egypt");
  const maghrebiOnly = !written.includes("levant") && !written.includes("egypt") && !written.includes("hijri");
  if (maghrebiOnly) wanted.push("maghreb");
  return [...new Set(wanted)].filter((set) => !written.includes(set));
}

/** Adds the fields that differ per part; reuses objects so the engine's option profiles stay warm. */
function formatOptions(base: DateOptions, digits: Digits, extra: FormatOptions): FormatOptions {
  return {
    timeZone: base.timeZone,
    hijriCalendar: base.hijriCalendar,
    hijriAdjustments: base.hijriAdjustments,
    digits,
    weekday: false,
    ...extra,
  };
}

function lastDayOfMonth(isoMonth: string): string {
  const [y, m] = isoMonth.split("-").map(Number);
  return `${isoMonth}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
}

function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The Hijri months a Gregorian month overlaps: "شعبان – رمضان 1438 هـ". */
function hijriSpanOfGregorianMonth(isoMonth: string, options: DateOptions, digits: Digits): string {
  const first = toHijri(`${isoMonth}-01`, options);
  const last = toHijri(lastDayOfMonth(isoMonth), options);
  const lastText = formatHijriMonth(last.year, last.month, { digits });
  if (first.year === last.year && first.month === last.month) return lastText;
  const firstText =
    first.year === last.year ? hijriMonthName(first.month) : formatHijriMonth(first.year, first.month, { digits });
  return `${firstText}${RANGE_SEPARATOR}${lastText}`;
}

/**
 * `hijri()`, or undefined when the site's Hijri calendar does not reach the date: the Umm al-Qura
 * table covers 1882-2174, while text may name any year from 1800 to 2199 ("آذار 1825"). Such a
 * date keeps its <time> and the other Gregorian names; only the Hijri part is left out.
 */
function hijriPart(hijri: () => string): string | undefined {
  try {
    return hijri();
  } catch (error) {
    if (error instanceof AkhbarError && error.field === "hijriCalendar") return undefined;
    throw error;
  }
}

/**
 * Title text for `mention`. `options` are the plugin's date options; digits follow `options.digits`
 * when set, otherwise the digits the mention was written with.
 */
export function dateTitle(mention: DateMention, options: DateOptions = {}): string {
  const digits: Digits = options.digits ?? mention.digits;
  const sets = titleMonthSets(mention.monthSets, options.months);
  const parts: string[] = [];
  if (mention.calendar === "gregorian") {
    if (mention.kind === "month") {
      const { year, month } = mention.gregorian;
      for (const months of sets) parts.push(formatGregorianMonth(year, month, { months, digits }));
      const hijri = hijriPart(() => hijriSpanOfGregorianMonth(mention.iso, options, digits));
      if (hijri !== undefined) parts.push(hijri);
    } else {
      for (const months of sets) {
        parts.push(formatDate(mention.iso, formatOptions(options, digits, { calendar: "gregorian", months, era: false })));
      }
      const hijri = hijriPart(() => formatDate(mention.iso, formatOptions(options, digits, { calendar: "hijri", era: true })));
      if (hijri !== undefined) parts.push(hijri);
    }
  } else if (mention.kind === "month") {
    const { year, month } = mention.hijri!;
    const last = addDays(mention.iso, hijriMonthLength(year, month, options) - 1);
    for (const months of sets) {
      const o = formatOptions(options, digits, { calendar: "gregorian", months, era: false });
      parts.push(`${formatDate(mention.iso, o)}${RANGE_SEPARATOR}${formatDate(last, o)}`);
    }
  } else {
    for (const months of sets) {
      parts.push(formatDate(mention.iso, formatOptions(options, digits, { calendar: "gregorian", months, era: false })));
    }
  }
  return parts.join(PART_SEPARATOR);
}
