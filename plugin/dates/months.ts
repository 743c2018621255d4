/**
 * Month and weekday names, shipped in the code (ICU's per-locale names differ between versions).
 * Index 0 is January / Muharram / Sunday.
 */
import type { MonthNames } from "./types.js";

export const LEVANT_MONTHS = [
  "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
  "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول",
] as const;

export const EGYPT_MONTHS = [
  "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
  "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
] as const;

/** Tunisia and Algeria. */
export const MAGHREB_MONTHS = [
  "جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان",
  "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
] as const;

/** Morocco: recognised in text, not offered as an output set. */
export const MOROCCO_MONTHS = [
  "يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو",
  "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر",
] as const;

export const HIJRI_MONTHS = [
  "محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
  "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة",
] as const;

/** Spellings of Hijri month names seen in news text, by month index (0-11), for recognition. */
export const HIJRI_MONTH_VARIANTS: readonly (readonly string[])[] = [
  ["محرم", "المحرم", "محرّم"],
  ["صفر"],
  ["ربيع الأول", "ربيع الاول", "ربيع أول"],
  ["ربيع الآخر", "ربيع الثاني", "ربيع الاخر", "ربيع ثاني"],
  ["جمادى الأولى", "جمادى الاولى", "جمادى الأول"],
  ["جمادى الآخرة", "جمادى الاخرة", "جمادى الثانية", "جمادى الآخر"],
  ["رجب"],
  ["شعبان"],
  ["رمضان"],
  ["شوال"],
  ["ذو القعدة", "ذي القعدة"],
  ["ذو الحجة", "ذي الحجة"],
];

/** Sunday first, as JS Date.getDay(). */
export const WEEKDAYS = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"] as const;

/** Spellings of weekday names seen in news text, by getDay() index. */
export const WEEKDAY_VARIANTS: readonly (readonly string[])[] = [
  ["الأحد", "الاحد"],
  ["الاثنين", "الإثنين", "الأثنين"],
  ["الثلاثاء"],
  ["الأربعاء", "الاربعاء"],
  ["الخميس"],
  ["الجمعة"],
  ["السبت"],
];

/** Name of Gregorian month `month` (1-12) in the chosen set. */
export function gregorianMonthName(month: number, set: MonthNames = "levant"): string {
  const i = month - 1;
  switch (set) {
    case "levant":
      return LEVANT_MONTHS[i];
    case "egypt":
      return EGYPT_MONTHS[i];
    case "maghreb":
      return MAGHREB_MONTHS[i];
    case "levant-egypt":
      return `${LEVANT_MONTHS[i]}/${EGYPT_MONTHS[i]}`;
  }
}

/** Name of Hijri month `month` (1-12). */
export function hijriMonthName(month: number): string {
  return HIJRI_MONTHS[month - 1];
}
