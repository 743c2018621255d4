/**
 * Kinds of news sources and their reader-facing labels (the UI strings table for kinds).
 * The kind is shown next to a source because whether a claim comes from activists, an official
 * statement or regime media matters to readers.
 */

export const SOURCE_KINDS = [
  "activists",
  "local",
  "regime-media",
  "official",
  "statement",
  "opposition",
  "armed-group",
  "civil-defence",
  "ngo",
  "un",
  "correspondent",
  "monitor",
  "media",
  "other",
] as const;

export type SourceKind = (typeof SOURCE_KINDS)[number];

export type UiLang = "ar" | "en";

export interface KindLabel {
  ar: string;
  en: string;
}

export const KIND_LABELS: Readonly<Record<SourceKind, KindLabel>> = {
  activists: { ar: "ناشطون", en: "Activists" },
  local: { ar: "مصادر محلية", en: "Local sources" },
  "regime-media": { ar: "إعلام النظام", en: "Regime media" },
  official: { ar: "مسؤول رسمي", en: "Official" },
  statement: { ar: "بيان", en: "Statement" },
  opposition: { ar: "جهة معارضة", en: "Opposition body" },
  "armed-group": { ar: "جهة عسكرية", en: "Armed group" },
  "civil-defence": { ar: "دفاع مدني", en: "Civil defence" },
  ngo: { ar: "منظمة إنسانية", en: "Humanitarian NGO" },
  un: { ar: "الأمم المتحدة", en: "United Nations" },
  correspondent: { ar: "مراسل", en: "Correspondent" },
  monitor: { ar: "جهة رصد", en: "Monitoring group" },
  media: { ar: "وسيلة إعلام", en: "News media" },
  other: { ar: "مصدر آخر", en: "Other source" },
};

export function isSourceKind(value: unknown): value is SourceKind {
  return typeof value === "string" && (SOURCE_KINDS as readonly string[]).includes(value);
}

/** The label of `kind` in `lang` (Arabic unless lang is "en"). */
export function kindLabel(kind: SourceKind, lang: string = "ar"): string {
  return lang === "en" ? KIND_LABELS[kind].en : KIND_LABELS[kind].ar;
}

/** All kinds with their labels, in display order (for legends and documentation pages). */
export function listSourceKinds(): { kind: SourceKind; label: KindLabel }[] {
  return SOURCE_KINDS.map((kind) => ({ kind, label: KIND_LABELS[kind] }));
}
