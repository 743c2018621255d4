/**
 * The `akhbar` object the theme's templates see: the archive model plus the formatting helpers
 * the templates call. A class instance, so Eleventy's data merge passes it by reference.
 */
import { calendarDay, dateHtml, formatDate, formatGregorianMonth, formatHijriMonth } from "../dates/index.js";
import type { DateOptions, FormatOptions } from "../dates/types.js";
import { escapeHtml, isolate } from "../html.js";
import { renderAttribution } from "../sources/render.js";
import { kindLabel } from "../sources/kinds.js";
import type { SourceRegistry } from "../sources/registry.js";
import { renderByline } from "../byline/index.js";
import { renderTicker } from "../ticker/index.js";
import type { Archive, ArticleView, ListingPage, YearIndex } from "./archive.js";
import type { TickerEntry } from "./ticker-data.js";
import { jsonLdFor, type SiteInfo } from "./seo.js";
import { encodePath } from "./slugs.js";
import type { BuiltAssets } from "./assets.js";
import type { RenderSet } from "./incremental.js";

export type Strings = Record<string, string>;

export interface IndexPage {
  path: string;
  url: string;
  title: string;
  groups: { id?: string; heading?: string; url?: string; entries: { label: string; url: string; count: number; note?: string; kind?: string }[] }[];
}

export interface FeedPage {
  format: "atom" | "rss" | "json";
  path: string;
  url: string;
  pageUrl: string;
  title: string;
  items: ArticleView[];
  updated: Date;
}

export interface StreamPage {
  path: string;
  url: string;
  days: { key: string; items: TickerEntry[] }[];
  pageNumber: number;
  pageCount: number;
  prevUrl?: string;
  nextUrl?: string;
}

export interface SiteSettings extends Required<DateOptions> {
  lang: "ar" | "en";
  site: SiteInfo;
  strings: Strings;
  registry?: SourceRegistry;
  tickerMax: number;
  tickerSpeed: number;
  buildTime: number;
  searchEnabled: boolean;
  assets: BuiltAssets;
  feedSize: number;
  pageSize: number;
}

const NEWS_SITEMAP_WINDOW_MS = 2 * 24 * 3600 * 1000;

export class AkhbarSite {
  readonly lang: "ar" | "en";
  readonly dir: "rtl" | "ltr";
  readonly strings: Strings;
  readonly site: SiteInfo;
  readonly assets: SiteSettings["assets"];
  readonly searchEnabled: boolean;
  readonly ogLocale: string;
  /** Newest article or ticker instant: what "now" means for pages other than the home page. */
  readonly latestInstant: number;
  indexPages: IndexPage[] = [];
  atomFeeds: FeedPage[] = [];
  rssFeeds: FeedPage[] = [];
  jsonFeeds: FeedPage[] = [];
  stream: StreamPage[] = [];
  sitemaps: { url: string; path: string; urls: { url: string; lastmod?: string }[] }[] = [];
  /** What Eleventy paginates over: everything, or in an incremental build only what changed. */
  render?: RenderSet;
  private readonly tickerCache = new Map<number, string>();
  private readonly dateCache = new Map<string, string>();
  private readonly dualByInstant = new WeakMap<object, string>();
  private readonly dualOptions: Required<DateOptions> & { calendar: "dual" };
  private siteDateOptions?: Required<DateOptions>;
  private readonly derivedOptions = new Map<string, FormatOptions>();

  constructor(
    readonly archive: Archive,
    readonly ticker: TickerEntry[],
    private readonly settings: SiteSettings,
  ) {
    this.lang = settings.lang;
    this.dir = settings.lang === "ar" ? "rtl" : "ltr";
    this.strings = settings.strings;
    this.site = settings.site;
    this.assets = settings.assets;
    this.searchEnabled = settings.searchEnabled;
    this.ogLocale = settings.lang === "ar" ? "ar_AR" : "en_US";
    const { timeZone, hijriCalendar, hijriAdjustments, months, digits } = settings;
    this.dualOptions = { timeZone, hijriCalendar, hijriAdjustments, months, digits, calendar: "dual" };
    this.latestInstant = Math.max(archive.pages[0]?.date.epochMs ?? 0, ticker[0]?.epochMs ?? 0);
  }

  get pages(): ArticleView[] {
    return this.archive.pages;
  }
  get listings(): ListingPage[] {
    return this.archive.listings;
  }

  /** The site's date options, one object (the date engine's fast path recognises a repeated object). */
  private get dateOptions(): Required<DateOptions> {
    if (this.siteDateOptions === undefined) {
      const { timeZone, hijriCalendar, hijriAdjustments, months, digits } = this.settings;
      this.siteDateOptions = { timeZone, hijriCalendar, hijriAdjustments, months, digits };
    }
    return this.siteDateOptions;
  }

  /** Options derived from the site's, made once per name. */
  private optionsFor(name: string, extra: Partial<FormatOptions>): FormatOptions {
    let options = this.derivedOptions.get(name);
    if (options === undefined) this.derivedOptions.set(name, (options = { ...this.dateOptions, ...extra }));
    return options;
  }

  /** `<time>` with a dual (or the given calendar) date. Memoised: dates repeat across pages. */
  date(value: { iso: string } | string, calendar: "dual" | "gregorian" | "hijri" = "dual"): string {
    if (typeof value === "object" && calendar === "dual") {
      // The common case (every card, every article): memoised on the instant object itself.
      let html = this.dualByInstant.get(value);
      if (html === undefined) {
        html = dateHtml(value.iso, this.dualOptions);
        this.dualByInstant.set(value, html);
      }
      return html;
    }
    const iso = typeof value === "string" ? value : value.iso;
    const key = `${calendar}|${iso}`;
    let html = this.dateCache.get(key);
    if (html === undefined) {
      html = dateHtml(iso, { ...this.dateOptions, calendar });
      this.dateCache.set(key, html);
    }
    return html;
  }

  /** Calendar day (YYYY-MM-DD) of an ISO instant in the site's zone. */
  dayOf(iso: string): string {
    return calendarDay(iso, this.dateOptions);
  }

  /** Plain dual date text (search metadata). */
  dateText(value: { iso: string }): string {
    return formatDate(value.iso, this.dualOptions);
  }

  /** The build date in the site's zone: only the home page shows it. */
  today(): string {
    return dateHtml(new Date(this.settings.buildTime), this.dualOptions);
  }

  pageOf(page: number, count: number): string {
    return this.strings.pageOf.replace("{page}", String(page)).replace("{count}", String(count));
  }

  /** "from 2 آذار 2017 to 9 نيسان 2017": what an archive page holds (its URL never changes). */
  range(listing: ListingPage): string {
    if (!listing.oldestDay || !listing.newestDay) return "";
    const opts = this.optionsFor("range", { calendar: "gregorian", weekday: false, era: false });
    const from = formatDate(listing.oldestDay, opts);
    const to = formatDate(listing.newestDay, opts);
    return from === to ? from : this.strings.range.replace("{from}", from).replace("{to}", to);
  }

  /** Absolute URL from a site path (for canonical links, feeds, sitemaps, JSON-LD). */
  absolute(path: string): string {
    const base = (this.site.url ?? "").replace(/\/+$/, "");
    if (/^https?:\/\//.test(path)) return path;
    return `${base}${path.startsWith("/") ? "" : "/"}${path}`;
  }

  /** An href for a path that may hold Unicode. */
  url(path: string): string {
    return /^https?:\/\//.test(path) ? path : encodePath(path);
  }

  /** A title for plain-text contexts (feeds): mixed Arabic/Latin runs isolated. */
  plainTitle(title: string): string {
    return /[A-Za-z]/.test(title) && /[\u0600-\u06FF]/.test(title) ? isolate(title) : title;
  }

  /** Sources of an article; `describe: false` leaves descriptions out of tooltips (listings). */
  attribution(article: ArticleView, describe = true): string {
    const known = article.sourceTerms.map((t) => t.name);
    const names = [...known, ...article.unknownSources];
    const urls = new Map(article.sourceTerms.map((t) => [t.name, t.url] as const));
    return renderAttribution(names, {
      registry: this.settings.registry,
      sourceUrl: (entry) => urls.get(entry.name),
      lang: this.lang,
      describe,
    });
  }

  byline(article: ArticleView): string {
    const urls = new Map(article.editorTerms.map((t) => [t.name, t.url] as const));
    return renderByline(article.a.editors, { editorUrl: (name: string) => urls.get(name), lang: this.lang });
  }

  jsonLd(article: ArticleView): string {
    return jsonLdFor(article, this);
  }

  get tickerMax(): number {
    return this.settings.tickerMax;
  }

  /** Index of the newest ticker item published at or before `epochMs`. */
  tickerStart(epochMs: number): number {
    const items = this.ticker;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[mid].epochMs > epochMs) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The instant a listing page's ticker stands at: the latest for the home page itself, the page's
   * newest article for every archive page (home chunks included), so a full chunk never changes.
   */
  listingAsOf(listing: ListingPage): number {
    return listing.kind === "home" && listing.head ? this.latestInstant : listing.asOf;
  }

  /** The ticker as it stood at `epochMs`: the newest items published up to then. */
  tickerAsOf(epochMs: number): string {
    const items = this.ticker;
    const lo = this.tickerStart(epochMs);
    let html = this.tickerCache.get(lo);
    if (html === undefined) {
      html = renderTicker(items.slice(lo, lo + this.settings.tickerMax), this.tickerOptions());
      this.tickerCache.set(lo, html);
    }
    return html;
  }

  /** One ticker item as stream text: link, attribution, time of day. */
  tickerItem(item: TickerEntry): string {
    const text = escapeHtml(item.text);
    const link = item.url ? `<a href="${escapeHtml(item.url)}">${text}</a>` : text;
    const sources = renderAttribution(item.sources, { ...this.tickerOptions(), lang: this.lang });
    const time = formatDate(item.time, this.optionsFor("tickerTime", { calendar: "gregorian", time: true, weekday: false }));
    return `${link}${sources ? ` ${sources}` : ""} <time datetime="${escapeHtml(new Date(item.epochMs).toISOString())}">${escapeHtml(time)}</time>`;
  }

  private tickerOptions() {
    const sourceUrls = new Map(this.archive.sources.map((t) => [t.name, t.url] as const));
    return {
      label: this.strings.breaking,
      lang: this.lang,
      timeZone: this.settings.timeZone,
      digits: this.settings.digits,
      speed: this.settings.tickerSpeed,
      registry: this.settings.registry,
      sourceUrl: (entry: { name: string }) => sourceUrls.get(entry.name),
      describe: false,
    };
  }

  listingHeading(listing: ListingPage): string {
    const s = this.strings;
    const opts = this.dateOptions;
    switch (listing.kind) {
      case "home":
        return s.latest;
      case "tag":
        return `${s.tag}: ${listing.name}`;
      case "source":
        return `${s.source}: ${listing.name}`;
      case "editor":
        return `${s.editor}: ${listing.name}`;
      case "day":
        return `${s.archive}: ${formatDate(listing.key!, { ...opts, calendar: "dual" })}`;
      case "month": {
        const [y, m] = listing.key!.split("-").map(Number);
        return `${s.archive}: ${formatGregorianMonth(y, m, opts)}`;
      }
      case "hijri-month": {
        const [y, m] = listing.key!.split("-").map(Number);
        return `${s.hijriArchive}: ${formatHijriMonth(y, m, opts)}`;
      }
    }
  }

  /** Extra HTML above a listing: a source's kind and description, a month's days. */
  listingIntro(listing: ListingPage): string {
    if (listing.kind === "source" && listing.term?.entry) {
      const entry = listing.term.entry;
      // The kind is spelled out here (in attributions it is a badge, left out when the name says it).
      const kind = escapeHtml(kindLabel(entry.kind, this.lang));
      const parts = [
        `<p><span class="label">${escapeHtml(this.strings.kind)}:</span> <span class="akhbar-kind" data-kind="${escapeHtml(entry.kind)}">${kind}</span></p>`,
      ];
      if (entry.description) parts.push(`<p>${escapeHtml(entry.description)}</p>`);
      return parts.join("");
    }
    if (listing.kind === "month" && listing.head) {
      const days = this.daysOfMonth(listing.key!);
      if (days.length === 0) return "";
      const items = days
        .map((d) => {
          const label = formatDate(d.key, this.optionsFor("dayLabel", { calendar: "gregorian", weekday: true, era: false }));
          return `<li><a href="${d.url}">${escapeHtml(label)}</a> <span class="count">(${d.count})</span></li>`;
        })
        .join("");
      return `<nav aria-label="${escapeHtml(this.strings.days)}"><ul class="day-list">${items}</ul></nav>`;
    }
    return "";
  }

  private daysCache?: Map<string, { key: string; url: string; count: number }[]>;
  private daysOfMonth(month: string) {
    if (!this.daysCache) {
      this.daysCache = new Map();
      for (const l of this.archive.listings) {
        if (l.kind !== "day" || !l.head) continue;
        const key = l.key!.slice(0, 7);
        const list = this.daysCache.get(key) ?? [];
        list.push({ key: l.key!, url: l.url, count: l.total });
        this.daysCache.set(key, list);
      }
      for (const list of this.daysCache.values()) list.sort((x, y) => (x.key < y.key ? -1 : 1));
    }
    return this.daysCache.get(month) ?? [];
  }

  /** Articles published in the 2 days before the build (Google News sitemap). */
  newsSitemapItems(): ArticleView[] {
    const from = this.settings.buildTime - NEWS_SITEMAP_WINDOW_MS;
    const items: ArticleView[] = [];
    for (const view of this.archive.pages) {
      if (view.date.epochMs < from) break;
      if (view.date.epochMs <= this.settings.buildTime) items.push(view);
    }
    return items.slice(0, 1000);
  }

  /** JSON Feed 1.1 text for a feed page. */
  jsonFeed(feed: FeedPage): string {
    const json = {
      version: "https://jsonfeed.org/version/1.1",
      title: feed.title,
      home_page_url: this.absolute(feed.pageUrl),
      feed_url: this.absolute(feed.url),
      language: this.lang,
      items: feed.items.map((item) => ({
        id: this.absolute(item.url),
        url: this.absolute(item.url),
        title: item.title,
        content_html: item.a.html,
        summary: item.a.summary,
        date_published: new Date(item.a.date.epochMs).toISOString(),
        date_modified: item.a.updated ? new Date(item.a.updated.epochMs).toISOString() : undefined,
        authors: item.a.editors.map((name) => ({ name })),
        tags: item.tagTerms.map((t) => t.name),
      })),
    };
    return JSON.stringify(json, null, 1);
  }
}

export type { YearIndex };
