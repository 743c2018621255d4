/**
 * The breaking-news bar: a labelled region with a real list, readable without CSS or JS.
 * ticker.css makes it scroll (content travels towards the right in Arabic, so each item's start
 * appears first) once ticker.js has shown the pause button; see docs/sources-ticker-bylines.md.
 */
import { DateTime } from "luxon";
import { AkhbarError } from "../errors.js";
import { escapeHtml, safeUrl } from "../html.js";
import { toDigits } from "../dates/digits.js";
import type { Digits } from "../dates/types.js";
import { renderAttribution, safeText, type AttributionOptions } from "../sources/render.js";

export interface TickerItem {
  text: string;
  /** Optional link (http(s), relative or fragment; anything else is dropped). */
  url?: string;
  sources?: string[];
  /** The instant: ISO 8601 date-time (with offset; without one it is read in `timeZone`), a Date or a luxon DateTime. */
  time?: string | Date | DateTime;
}

export interface TickerOptions extends Omit<AttributionOptions, "lang"> {
  /** "ar" (default) or "en": labels, direction and kind labels. */
  lang?: string;
  /** Heading text. Default "الأخبار العاجلة" / "Breaking news". */
  label?: string;
  /** IANA zone the HH:MM is shown in. Default "Asia/Damascus". */
  timeZone?: string;
  /** Scrolling speed in CSS pixels per second (ticker.js measures the list). Default 60. */
  speed?: number;
  /** Digits of the shown time. Default "latn". */
  digits?: Digits;
  /** id of the heading (unique per page). Default "akhbar-ticker-title". */
  id?: string;
  /** Show at most this many items (newest first). Default: all. */
  limit?: number;
}

const UI = {
  ar: { label: "الأخبار العاجلة", pause: "إيقاف مؤقت", play: "تشغيل" },
  en: { label: "Breaking news", pause: "Pause", play: "Play" },
};

/** One cached formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
const clocks = new Map<string, Intl.DateTimeFormat>();

function clock(timeZone: string): Intl.DateTimeFormat {
  let format = clocks.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    } catch (cause) {
      throw new AkhbarError(`unknown time zone "${timeZone}"`, { field: "timeZone", cause });
    }
    clocks.set(timeZone, format);
  }
  return format;
}

/** HH:MM of `instant` in `timeZone`. */
export function formatClock(instant: Date, timeZone: string, digits: Digits = "latn"): string {
  const parts = clock(timeZone).formatToParts(instant);
  const hour = parts.find((p) => p.type === "hour")?.value ?? "00";
  const minute = parts.find((p) => p.type === "minute")?.value ?? "00";
  return toDigits(`${hour}:${minute}`, digits);
}

function toInstant(value: unknown, timeZone: string, field: string, file?: string): Date | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  let date: Date | undefined;
  if (value instanceof Date) date = value;
  else if (DateTime.isDateTime(value)) date = value.toJSDate();
  else if (typeof value === "string") {
    const parsed = DateTime.fromISO(value.trim(), { zone: timeZone });
    if (parsed.isValid) date = parsed.toJSDate();
  }
  if (!date || Number.isNaN(date.getTime())) {
    throw new AkhbarError(`time ${JSON.stringify(String(value))} is not an ISO 8601 date-time`, { file, field });
  }
  return date;
}

interface PreparedItem {
  text: string;
  href?: string;
  sources: string[];
  instant?: Date;
  index: number;
}

function prepare(items: unknown, timeZone: string, file?: string): PreparedItem[] {
  if (!Array.isArray(items)) return [];
  const prepared: PreparedItem[] = [];
  items.forEach((raw: unknown, index) => {
    if (typeof raw !== "object" || raw === null) {
      throw new AkhbarError(`ticker item ${index} must be an object, got ${JSON.stringify(raw)}`, { file, field: `[${index}]` });
    }
    const item = raw as Record<string, unknown>;
    const text = typeof item.text === "string" ? item.text.trim() : "";
    if (text === "") throw new AkhbarError(`ticker item ${index} has no text`, { file, field: `[${index}].text` });
    prepared.push({
      text,
      href: safeUrl(item.url),
      sources: Array.isArray(item.sources) ? item.sources.filter((s): s is string => typeof s === "string") : [],
      instant: toInstant(item.time, timeZone, `[${index}].time`, file),
      index,
    });
  });
  // Newest first; items without a time go last; ties keep their order.
  return prepared.sort(
    (a, b) => (b.instant?.getTime() ?? -Infinity) - (a.instant?.getTime() ?? -Infinity) || a.index - b.index,
  );
}

function renderItem(item: PreparedItem, options: TickerOptions, timeZone: string, lang: string): string {
  const text = safeText(item.text);
  const body = item.href
    ? `<a class="akhbar-ticker__text" href="${escapeHtml(item.href)}">${text}</a>`
    : `<span class="akhbar-ticker__text">${text}</span>`;
  const attribution = renderAttribution(item.sources, { ...options, lang });
  const time = item.instant
    ? ` <span class="akhbar-ticker__sep" aria-hidden="true">-</span> <time datetime="${item.instant.toISOString().replace(/\.000Z$/, "Z")}">${formatClock(item.instant, timeZone, options.digits)}</time>`
    : "";
  return `<li class="akhbar-ticker__item">${body}${attribution ? ` ${attribution}` : ""}${time}</li>`;
}

/**
 * The ticker bar as an HTML string, or "" when there are no items. One item: a static bar.
 * The copy of the list that makes the loop seamless is made by ticker.js in the browser (motion
 * needs the script anyway): it is not written into every page of the archive.
 */
export function renderTicker(items: unknown, options: TickerOptions = {}): string {
  const lang = options.lang === "en" ? "en" : "ar";
  const ui = UI[lang];
  const timeZone = options.timeZone ?? "Asia/Damascus";
  clock(timeZone); // fail early on a bad zone even when no item has a time
  let list = prepare(items, timeZone, options.file);
  if (options.limit !== undefined && options.limit >= 0) list = list.slice(0, options.limit);
  if (list.length === 0) return "";
  const speed = options.speed !== undefined && Number.isFinite(options.speed) && options.speed > 0 ? options.speed : 60;
  const id = safeText(options.id ?? "akhbar-ticker-title");
  const label = safeText(options.label ?? ui.label);
  const dir = lang === "ar" ? "rtl" : "ltr";
  const rows = list.map((item) => renderItem(item, options, timeZone, lang)).join("");
  const moving = list.length > 1;
  // No-JS/first-paint estimate of the loop duration (ticker.js replaces it with width / speed).
  const chars = list.reduce((n, item) => n + item.text.length + 20, 0);
  const duration = Math.max(10, Math.round((chars * 9) / speed));
  const head =
    `<div class="akhbar-ticker__head"><h2 class="akhbar-ticker__title" id="${id}">${label}</h2>` +
    (moving
      ? `<button type="button" class="akhbar-ticker__toggle" hidden data-label-pause="${escapeHtml(ui.pause)}" data-label-play="${escapeHtml(ui.play)}">${escapeHtml(ui.pause)}</button>`
      : "") +
    `</div>`;
  return (
    `<section class="akhbar-ticker${moving ? "" : " akhbar-ticker--static"}" aria-labelledby="${id}" lang="${lang}" dir="${dir}" data-akhbar-ticker data-speed="${speed}" data-pagefind-ignore style="--akhbar-ticker-duration: ${duration}s">` +
    head +
    `<div class="akhbar-ticker__viewport"><div class="akhbar-ticker__track"><ul class="akhbar-ticker__list">${rows}</ul></div></div>` +
    `</section>`
  );
}
