/**
 * Everything the theme lists, computed once from the articles: article URLs, previous/next and
 * related articles, date archives in both calendars, tag/source/editor pages, paginated listings.
 * Linear in the number of articles (no per-page scans of the collection). Pure: no I/O.
 */
import { AkhbarError } from "../errors.js";
import { toHijri } from "../dates/index.js";
import type { DateOptions, HijriDate } from "../dates/types.js";
import type { SourceEntry, SourceRegistry } from "../sources/registry.js";
import type { LoadedArticle } from "./loader.js";
import { encodePath, requireSlug } from "./slugs.js";

export type TermKind = "tag" | "source" | "editor";

/** A tag, source or editor with its articles (newest first). */
export class Term {
  articles: ArticleView[] = [];
  /** Percent-encoded path for href. */
  readonly url: string;
  constructor(
    readonly kind: TermKind,
    readonly name: string,
    readonly slug: string,
    /** Site path, Unicode (as written on disk): /tags/إدلب/ */
    readonly path: string,
    readonly entry?: SourceEntry,
  ) {
    this.url = encodePath(path);
  }
  /** Number of articles (set once the archive is built). */
  count = 0;
}

export class ArticleView {
  prev?: ArticleView;
  next?: ArticleView;
  related: ArticleView[] = [];
  tagTerms: Term[] = [];
  sourceTerms: Term[] = [];
  /** Source names the registry does not know (rendered as plain names). */
  unknownSources: string[] = [];
  editorTerms: Term[] = [];
  /** Percent-encoded path for href ("" when the article has no page). */
  readonly url: string;
  /** Copies of a.title and a.date: plain fields are cheaper than getters in templates. */
  readonly title: string;
  readonly date: LoadedArticle["date"];
  constructor(
    readonly a: LoadedArticle,
    /** Unicode site path: /news/2019/02-22-bridge/ (or the front-matter permalink). */
    readonly path: string | false,
    readonly hijri: HijriDate,
  ) {
    this.url = path === false ? "" : encodePath(path);
    this.title = a.title;
    this.date = a.date;
  }
}

export interface ListingPage {
  kind: "home" | "tag" | "source" | "editor" | "day" | "month" | "hijri-month";
  /** Unicode output path of this page. */
  path: string;
  url: string;
  /** Heading data: what the template turns into a title. */
  name: string;
  term?: Term;
  /** YYYY-MM-DD, YYYY-MM, or Hijri YYYY-MM, for date archives. */
  key?: string;
  /** Newest first. */
  items: ArticleView[];
  /** The list's first page: its newest items. */
  head: boolean;
  /** Archive pages are numbered from the OLDEST (1 = the oldest articles): a full page never changes. 0 on the head page. */
  chunk: number;
  /** Number of items in the whole list. */
  total: number;
  /** Link to the page of newer items (rel=prev). */
  newerUrl?: string;
  /** Link to the page of older items (rel=next). */
  olderUrl?: string;
  firstUrl: string;
  /** Calendar days of the newest and oldest item on this page. */
  newestDay?: string;
  oldestDay?: string;
  /** The newest article time on this page: the ticker shows the news as of this instant. */
  asOf: number;
  feedUrl?: string;
}

export interface CountEntry {
  key: string;
  url: string;
  count: number;
}

export interface YearIndex {
  calendar: "gregorian" | "hijri";
  year: number;
  path: string;
  url: string;
  count: number;
  months: CountEntry[];
}

export interface ArchiveSettings extends DateOptions {
  pageSize: number;
  registry?: SourceRegistry;
  strictSources: boolean;
  /** Called once per unknown source name with the first file that names it. */
  onUnknownSource?: (name: string, file: string) => void;
  relatedCount?: number;
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** The default article path: the file's path without extension (index.md names its folder). */
export function defaultArticlePath(file: string): string {
  const noExt = file.replace(/\.md$/i, "");
  const path = noExt.endsWith("/index") || noExt === "index" ? noExt.slice(0, -"index".length) : `${noExt}/`;
  return `/${path}`.replace(/\/+/g, "/");
}

/** A front-matter permalink as an output path; refuses paths that escape the output folder. */
export function normalisePermalink(permalink: string, file: string): string {
  let path = permalink.trim();
  if (!path.startsWith("/")) path = `/${path}`;
  if (path.split("/").some((part) => part === ".." || part === ".")) {
    throw new AkhbarError(`${JSON.stringify(permalink)} may not contain "." or ".." segments`, { file, field: "permalink" });
  }
  return path;
}

type ListingBase = Pick<ListingPage, "kind" | "name" | "term" | "key" | "feedUrl">;

/**
 * Stable pagination. The head page (`basePath`) shows the newest `size` items. Archive pages hold
 * fixed chunks of `size` items counted from the oldest (`basePath/page/1/` = the oldest), so adding
 * articles changes the head page and creates new pages but never rewrites a full archive page:
 * hosts re-upload little, and incremental builds re-render little. A chunk that would repeat the
 * head page exactly is not written.
 */
function listingPages(base: ListingBase, basePath: string, items: ArticleView[], size: number): ListingPage[] {
  const total = items.length;
  const firstUrl = encodePath(basePath);
  const chunkPath = (i: number) => `${basePath}page/${i}/`;
  // Every field named (none added later): one object shape for all listing pages, which keeps
  // building them and reading them (templates, fingerprints) on V8's fast paths.
  const page = (path: string, list: ArticleView[], chunk: number): ListingPage => ({
    kind: base.kind,
    name: base.name,
    term: base.term,
    key: base.key,
    feedUrl: base.feedUrl,
    path,
    url: encodePath(path),
    items: list,
    head: chunk === 0,
    chunk,
    total,
    firstUrl,
    newestDay: list[0]?.date.day,
    oldestDay: list[list.length - 1]?.date.day,
    asOf: list[0]?.date.epochMs ?? 0,
    newerUrl: undefined,
    olderUrl: undefined,
  });
  const head = page(basePath, items.slice(0, size), 0);
  if (total <= size) return [head];
  const remainder = total % size;
  // Full chunks, oldest first; the newest one is skipped when it is exactly the head page.
  const chunks = Math.floor(total / size) - (remainder === 0 ? 1 : 0);
  const pages: ListingPage[] = [head];
  for (let i = 1; i <= chunks; i++) {
    pages.push(page(chunkPath(i), items.slice(total - i * size, total - (i - 1) * size), i));
  }
  const urlOf = (i: number) => (i > chunks ? firstUrl : encodePath(chunkPath(i)));
  head.olderUrl = encodePath(chunkPath(chunks));
  for (let i = 1; i <= chunks; i++) {
    const p = pages[i];
    p.newerUrl = urlOf(i + 1);
    p.olderUrl = i > 1 ? urlOf(i - 1) : undefined;
  }
  return pages;
}

class TermIndex {
  readonly bySlug = new Map<string, Term>();
  constructor(private readonly kind: TermKind, private readonly prefix: string) {}
  get(name: string, file: string, entry?: SourceEntry): Term {
    const slug = requireSlug(name, this.kind, file);
    let term = this.bySlug.get(slug);
    if (!term) {
      term = new Term(this.kind, name, slug, `/${this.prefix}/${slug}/`, entry);
      this.bySlug.set(slug, term);
    }
    return term;
  }
  /** Terms sorted by name (Arabic collation), for index pages. */
  sorted(): Term[] {
    const collator = new Intl.Collator("ar");
    return [...this.bySlug.values()].sort((x, y) => collator.compare(x.name, y.name) || (x.slug < y.slug ? -1 : 1));
  }
}

/** Related articles: neighbours in time within each shared tag, ranked by tags in common. */
function computeRelated(articles: ArticleView[], tags: Term[], count: number): void {
  const position = new Map<Term, Map<ArticleView, number>>();
  for (const term of tags) {
    const index = new Map<ArticleView, number>();
    term.articles.forEach((article, i) => index.set(article, i));
    position.set(term, index);
  }
  const WINDOW = 6;
  for (const article of articles) {
    const scores = new Map<ArticleView, number>();
    for (const term of article.tagTerms) {
      const at = position.get(term)!.get(article)!;
      const from = Math.max(0, at - WINDOW);
      const to = Math.min(term.articles.length, at + WINDOW + 1);
      for (let i = from; i < to; i++) {
        const other = term.articles[i];
        if (other !== article && other.path !== false) scores.set(other, (scores.get(other) ?? 0) + 1);
      }
    }
    article.related = [...scores.entries()]
      .sort(
        (x, y) =>
          y[1] - x[1] ||
          Math.abs(x[0].date.epochMs - article.date.epochMs) - Math.abs(y[0].date.epochMs - article.date.epochMs) ||
          (x[0].a.file < y[0].a.file ? -1 : 1),
      )
      .slice(0, count)
      .map(([other]) => other);
  }
}

export interface Archive {
  /** All articles, newest first (including those with permalink: false, which have no page). */
  articles: ArticleView[];
  /** Articles that get a page. */
  pages: ArticleView[];
  listings: ListingPage[];
  tags: Term[];
  sources: Term[];
  editors: Term[];
  years: YearIndex[];
  hijriYears: YearIndex[];
}

function newestFirst(x: ArticleView, y: ArticleView): number {
  return y.date.epochMs - x.date.epochMs || (x.a.file < y.a.file ? -1 : x.a.file > y.a.file ? 1 : 0);
}

/** Build the whole archive model. Throws AkhbarError on URL collisions and (strict) unknown sources. */
export function buildArchive(loaded: LoadedArticle[], settings: ArchiveSettings): Archive {
  const tags = new TermIndex("tag", "tags");
  const sources = new TermIndex("source", "sources");
  const editors = new TermIndex("editor", "editors");
  const reported = new Set<string>();
  const byPath = new Map<string, string>();

  const articles = loaded.map((a) => {
    const path = a.permalink === false ? false : a.permalink ? normalisePermalink(a.permalink, a.file) : defaultArticlePath(a.file);
    if (path !== false) {
      const key = path.endsWith("/") ? path : path.replace(/\/index\.html$/, "/");
      const other = byPath.get(key);
      if (other) {
        throw new AkhbarError(`the URL ${path} is also the URL of ${other}; give one of them another permalink`, {
          file: a.file,
          field: "permalink",
        });
      }
      byPath.set(key, a.file);
    }
    return new ArticleView(a, path, toHijri(a.date.dateOnly ? a.date.day : a.date.iso, settings));
  });
  articles.sort(newestFirst);

  for (const view of articles) {
    const file = view.a.file;
    view.tagTerms = view.a.tags.map((name) => tags.get(name, file));
    view.editorTerms = view.a.editors.map((name) => editors.get(name, file));
    for (const name of view.a.sources) {
      const entry = settings.registry?.lookup(name);
      if (!entry && settings.registry) {
        if (settings.strictSources) {
          throw new AkhbarError(`names the source ${JSON.stringify(name)}, which is not in the source registry (strictSources is on)`, {
            file,
            field: "sources",
          });
        }
        if (!reported.has(name)) {
          reported.add(name);
          settings.onUnknownSource?.(name, file);
        }
        view.unknownSources.push(name);
        continue;
      }
      view.sourceTerms.push(sources.get(entry ? entry.name : name, file, entry));
    }
    for (const term of [...view.tagTerms, ...view.sourceTerms, ...view.editorTerms]) {
      if (term.articles[term.articles.length - 1] !== view) term.articles.push(view);
    }
  }

  for (const index of [tags, sources, editors]) for (const term of index.bySlug.values()) term.count = term.articles.length;
  const pages = articles.filter((view) => view.path !== false);
  pages.forEach((view, i) => {
    // "previous" is the older article, "next" the newer one.
    view.prev = pages[i + 1];
    view.next = pages[i - 1];
  });
  const tagList = tags.sorted();
  computeRelated(pages, tagList, settings.relatedCount ?? 4);

  const size = settings.pageSize;
  const listings: ListingPage[] = [];
  listings.push(...listingPages({ kind: "home", name: "", feedUrl: "/feed.xml" }, "/", pages, size));
  for (const [kind, index] of [["tag", tags], ["source", sources], ["editor", editors]] as const) {
    for (const term of index.sorted()) {
      const listed = term.articles.filter((view) => view.path !== false);
      listings.push(
        ...listingPages({ kind, name: term.name, term, feedUrl: kind === "editor" ? undefined : `${term.url}feed.xml` }, term.path, listed, size),
      );
    }
  }

  // Date archives: day and month pages in the Gregorian calendar, month pages in the Hijri one.
  const days = new Map<string, ArticleView[]>();
  const months = new Map<string, ArticleView[]>();
  const hijriMonths = new Map<string, ArticleView[]>();
  for (const view of pages) {
    const day = view.date.day;
    push(days, day, view);
    push(months, day.slice(0, 7), view);
    push(hijriMonths, `${view.hijri.year}-${pad(view.hijri.month)}`, view);
  }
  for (const [key, list] of months) {
    const [y, m] = key.split("-");
    listings.push(...listingPages({ kind: "month", name: key, key }, `/archive/${y}/${m}/`, list, size));
  }
  for (const [key, list] of days) {
    const [y, m, d] = key.split("-");
    listings.push(...listingPages({ kind: "day", name: key, key }, `/archive/${y}/${m}/${d}/`, list, size));
  }
  for (const [key, list] of hijriMonths) {
    const [y, m] = key.split("-");
    listings.push(...listingPages({ kind: "hijri-month", name: key, key }, `/hijri/${y}/${m}/`, list, size));
  }

  return {
    articles,
    pages,
    listings,
    tags: tagList,
    sources: sources.sorted(),
    editors: editors.sorted(),
    years: yearIndex("gregorian", months, "/archive/"),
    hijriYears: yearIndex("hijri", hijriMonths, "/hijri/"),
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Years, newest first, each with its months (oldest first) and counts. */
function yearIndex(calendar: "gregorian" | "hijri", months: Map<string, ArticleView[]>, prefix: string): YearIndex[] {
  const years = new Map<number, YearIndex>();
  for (const key of [...months.keys()].sort()) {
    const [y, m] = key.split("-");
    const year = Number(y);
    let entry = years.get(year);
    if (!entry) {
      const path = `${prefix}${y}/`;
      entry = { calendar, year, path, url: path, count: 0, months: [] };
      years.set(year, entry);
    }
    const count = months.get(key)!.length;
    entry.count += count;
    entry.months.push({ key, url: `${prefix}${y}/${m}/`, count });
  }
  return [...years.values()].sort((x, y) => y.year - x.year);
}
