/**
 * The date engine: Gregorian and Hijri dates for Arabic news archives. Pure functions, no Eleventy.
 * See docs/dates.md.
 */
export type * from "./types.js";
export type { Instant } from "./instant.js";
export {
  toInstant,
  calendarDay,
  toHijri,
  fromHijri,
  hijriMonthStart,
  hijriMonthLength,
  formatDate,
  dateHtml,
  formatHijriMonth,
  formatGregorianMonth,
} from "./format.js";
export { validateDateOptions, DATE_DEFAULTS, FORMAT_DEFAULTS } from "./options.js";
export { umalquraRange, UMALQURA_FIRST_YEAR, UMALQURA_LAST_YEAR } from "./hijri.js";
export { toDigits, toLatinDigits } from "./digits.js";
export { gregorianMonthName, hijriMonthName } from "./months.js";
