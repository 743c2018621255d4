/**
 * The theme's non-listing pages, computed once per build from the archive: year and term index
 * pages, feeds, the breaking-news stream, sitemaps.
 */
import { formatGregorianMonth, formatHijriMonth } from "../dates/index.js";
import { kindLabel } from "../sources/kinds.js";
import type { ResolvedOptions } from "../options.js";
import type { ArticleView, Term, YearIndex } from "./archive.js";
import type { AkhbarSite, FeedPage, IndexPage, StreamPage } from "./site.js";
import type { TickerEntry } from "./ticker-data.js";
import { encodePath } from "./slugs.js";

/** Sitemap files hold at most 50,000 URLs. */
export const SITEMAP_LIMIT = 50_000;
const STREAM_DAYS_PER_PAGE = 10;

function termIndex(site: AkhbarSite, path: string, title: string, terms: Term[]): IndexPage {
  return {
    path,
    url: encodePath(path),
    title,
    groups: [
      {
        entries: terms.map((t) => ({
          label: t.name,
          url: t.url,
          count: t.count,
          note: t.entry ? kindLabel(t.entry.kind, site.lang) : undefined,
          kind: t.entry?.kind,
        })),
      },
    ],
  };
}

function yearPages(site: AkhbarSite, years: YearIndex[], options: ResolvedOptions): IndexPage[] {
  const s = site.strings;
  return years.map((year) => {
    const hijri = year.calendar === "hijri";
    const heading = hijri ? `${s.hijriArchive}: ${year.year} هـ` : `${s.archive}: ${year.year}`;
    return {
      path: year.path,
      url: year.url,
      title: heading,
      groups: [
        {
          entries: year.months.map((m) => {
            const [y, mm] = m.key.split("-").map(Number);
            return { label: hijri ? formatHijriMonth(y, mm, options) : formatGregorianMonth(y, mm, options), url: m.url, count: m.count };
          }),
        },
      ],
    };
  });
}

function archiveIndex(site: AkhbarSite): IndexPage {
  const s = site.strings;
  const group = (id: string, heading: string, years: YearIndex[], suffix: string) => ({
    id,
    heading,
    entries: years.map((y) => ({ label: `${y.year}${suffix}`, url: y.url, count: y.count })),
  });
  return {
    path: "/archive/",
    url: "/archive/",
    title: s.archive,
    groups: [
      group("gregorian", s.gregorianArchive, site.archive.years, ""),
      group("hijri", s.hijriArchive, site.archive.hijriYears, " هـ"),
    ],
  };
}

function feedsFor(site: AkhbarSite, size: number): FeedPage[] {
  const updatedOf = (items: ArticleView[]) => new Date(items[0] ? (items[0].a.updated ?? items[0].a.date).epochMs : 0);
  const feeds: FeedPage[] = [];
  const add = (format: FeedPage["format"], path: string, pageUrl: string, title: string, all: ArticleView[]) => {
    const items = all.filter((v) => v.path !== false).slice(0, size);
    feeds.push({ format, path, url: encodePath(path), pageUrl, title, items, updated: updatedOf(items) });
  };
  const pages = site.archive.pages;
  add("atom", "/feed.xml", "/", site.site.title, pages);
  add("rss", "/rss.xml", "/", site.site.title, pages);
  add("json", "/feed.json", "/", site.site.title, pages);
  for (const term of [...site.archive.tags, ...site.archive.sources]) {
    add("atom", `${term.path}feed.xml`, term.url, `${site.site.title}: ${term.name}`, term.articles);
  }
  return feeds;
}

function streamPages(ticker: TickerEntry[], dayOf: (item: TickerEntry) => string): StreamPage[] {
  const days: { key: string; items: TickerEntry[] }[] = [];
  for (const item of ticker) {
    const key = dayOf(item);
    const last = days[days.length - 1];
    if (last && last.key === key) last.items.push(item);
    else days.push({ key, items: [item] });
  }
  const pages: StreamPage[] = [];
  const count = Math.max(1, Math.ceil(days.length / STREAM_DAYS_PER_PAGE));
  const pathOf = (i: number) => (i === 0 ? "/breaking/" : `/breaking/page/${i + 1}/`);
  for (let i = 0; i < count; i++) {
    pages.push({
      path: pathOf(i),
      url: pathOf(i),
      days: days.slice(i * STREAM_DAYS_PER_PAGE, (i + 1) * STREAM_DAYS_PER_PAGE),
      pageNumber: i + 1,
      pageCount: count,
      prevUrl: i > 0 ? pathOf(i - 1) : undefined,
      nextUrl: i < count - 1 ? pathOf(i + 1) : undefined,
    });
  }
  return pages;
}

function sitemaps(site: AkhbarSite): AkhbarSite["sitemaps"] {
  const urls: { url: string; lastmod?: string }[] = [];
  for (const view of site.archive.pages) {
    urls.push({ url: view.url, lastmod: new Date((view.a.updated ?? view.a.date).epochMs).toISOString().slice(0, 10) });
  }
  for (const listing of site.archive.listings) urls.push({ url: listing.url });
  for (const index of site.indexPages) urls.push({ url: index.url });
  for (const page of site.stream) urls.push({ url: page.url });
  if (urls.length <= SITEMAP_LIMIT) return [{ path: "/sitemap.xml", url: "/sitemap.xml", urls }];
  const files = [];
  for (let i = 0; i * SITEMAP_LIMIT < urls.length; i++) {
    const path = `/sitemaps/sitemap-${i + 1}.xml`;
    files.push({ path, url: path, urls: urls.slice(i * SITEMAP_LIMIT, (i + 1) * SITEMAP_LIMIT) });
  }
  return files;
}

/** Fill the site's index pages, feeds, breaking stream and sitemaps. */
export function buildPages(site: AkhbarSite, options: ResolvedOptions): void {
  const s = site.strings;
  site.indexPages = [
    archiveIndex(site),
    ...yearPages(site, site.archive.years, options),
    ...yearPages(site, site.archive.hijriYears, options),
    termIndex(site, "/tags/", s.allTags, site.archive.tags),
    termIndex(site, "/sources/", s.allSources, site.archive.sources),
    termIndex(site, "/editors/", s.allEditors, site.archive.editors),
  ];
  const feeds = feedsFor(site, options.feedSize);
  site.atomFeeds = feeds.filter((f) => f.format === "atom");
  site.rssFeeds = feeds.filter((f) => f.format === "rss");
  site.jsonFeeds = feeds.filter((f) => f.format === "json");
  site.stream = streamPages(site.ticker, (item) => site.dayOf(item.time));
  site.sitemaps = sitemaps(site);
}
