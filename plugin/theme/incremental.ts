/**
 * Incremental builds ("the daily update"): every page the theme writes gets a fingerprint of the
 * data it is made from. A manifest of output file → fingerprint is kept in `.cache/akhbar/`; the
 * next incremental build hands Eleventy only the pages whose fingerprint changed (or whose file is
 * missing), deletes the files of pages that no longer exist, and leaves every other file as it is.
 * Anything global (options, site settings, strings, registries, templates, CSS/JS) is part of
 * every fingerprint, so changing it re-renders everything. See docs/performance.md.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ArticleView, ListingPage } from "./archive.js";
import type { AkhbarSite, FeedPage, IndexPage, StreamPage } from "./site.js";

export const MANIFEST_VERSION = 1;

export interface Manifest {
  version: number;
  global: string;
  /** Output path relative to the output folder (POSIX) → fingerprint. */
  pages: Record<string, string>;
}

export function hash(text: string): string {
  return createHash("sha1").update(text).digest("base64url");
}

/** Eleventy's output file for a permalink: "/x/" → "x/index.html", "/feed.xml" → "feed.xml". */
export function outputFileOf(path: string): string {
  const clean = path.replace(/^\/+/, "");
  return clean === "" || clean.endsWith("/") ? `${clean}index.html` : clean;
}

/** Hash of every file under the given folders (templates, CSS, JS), in a stable order. */
export function hashFolders(folders: string[]): string {
  const h = createHash("sha1");
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else h.update(abs).update("\0").update(readFileSync(abs)).update("\0");
    }
  };
  folders.forEach(walk);
  return h.digest("base64url");
}

/** Collections the theme paginates over, as handed to Eleventy. */
export interface RenderSet {
  pages: ArticleView[];
  listings: ListingPage[];
  indexPages: IndexPage[];
  stream: StreamPage[];
  atomFeeds: FeedPage[];
  rssFeeds: FeedPage[];
  jsonFeeds: FeedPage[];
  sitemaps: AkhbarSite["sitemaps"];
}

/**
 * The fields of a listing page that go into its fingerprint as they are (its items, term and total
 * are fingerprinted apart). A Record, so that a field added to ListingPage must be listed here.
 */
const LISTING_FIELD_SET: Record<Exclude<keyof ListingPage, "items" | "term" | "total">, true> = {
  kind: true, path: true, url: true, name: true, key: true, head: true, chunk: true, newerUrl: true,
  olderUrl: true, firstUrl: true, newestDay: true, oldestDay: true, asOf: true, feedUrl: true,
};
const LISTING_FIELDS = Object.keys(LISTING_FIELD_SET) as (keyof typeof LISTING_FIELD_SET)[];

/** A listing's own fields as JSON (an array of their values: JSON.stringify's fast path). */
function listingFields(page: ListingPage): string {
  return JSON.stringify(LISTING_FIELDS.map((field) => page[field]));
}

/** Computes fingerprints for every page of a site. Memoises per article. */
export class Fingerprinter {
  private readonly cores = new Map<ArticleView, string>();
  private readonly tickers = new Map<number, string>();

  constructor(private readonly site: AkhbarSite, private readonly global: string) {}

  /**
   * Everything an article shows of itself follows from its file (path and bytes: `sourceHash`)
   * and the global settings (options, registries: the global hash): no need to hash its HTML.
   */
  private core(view: ArticleView): string {
    let value = this.cores.get(view);
    if (value === undefined) {
      // Term names too: a tag's displayed spelling is the first seen in date order, which a new
      // article elsewhere in the archive can change.
      const names = [view.tagTerms, view.sourceTerms, view.editorTerms].map((terms) => terms.map((t) => t.name).join("\u0001"));
      // Hashed once here: listings and neighbours repeat it (20 items a listing), short is cheaper.
      value = hash(`${view.a.sourceHash}:${view.path}:${names.join("\u0002")}`);
      this.cores.set(view, value);
    }
    return value;
  }

  /** What a listing card, a feed entry or a link shows of an article: all of it, to be safe. */
  private card(view: ArticleView): string {
    return this.core(view);
  }

  private ticker(epochMs: number): string {
    const start = this.site.tickerStart(epochMs);
    let value = this.tickers.get(start);
    if (value === undefined) {
      value = hash(JSON.stringify(this.site.ticker.slice(start, start + this.site.tickerMax)));
      this.tickers.set(start, value);
    }
    return value;
  }

  article(view: ArticleView): string {
    return hash(
      [
        this.global, "article", this.core(view),
        view.prev ? this.card(view.prev) : "", view.next ? this.card(view.next) : "",
        view.related.map((r) => this.card(r)).join(","), this.ticker(view.date.epochMs),
      ].join("|"),
    );
  }

  listing(page: ListingPage): string {
    // An archive page (a full chunk) shows its items and links, not the size of the whole list:
    // `total` is left out of its fingerprint so that adding articles does not re-render it.
    // (A site template that prints `listing.total` on archive pages would show the old count.)
    const { items, term, total } = page;
    const extra =
      page.kind === "home" && page.head
        ? `today:${this.site.today()}`
        : page.kind === "month" && page.head
          ? this.site.listingIntro(page)
          : "";
    return hash(
      [
        this.global, "listing", listingFields(page), page.head ? total : "", JSON.stringify(term?.entry ?? null),
        items.map((v) => this.card(v)).join(","),
        this.ticker(this.site.listingAsOf(page)), extra,
      ].join("|"),
    );
  }

  index(page: IndexPage): string {
    return hash([this.global, "index", JSON.stringify(page), this.ticker(this.site.latestInstant)].join("|"));
  }

  stream(page: StreamPage): string {
    return hash([this.global, "stream", JSON.stringify(page)].join("|"));
  }

  feed(feed: FeedPage): string {
    const { items, ...rest } = feed;
    return hash([this.global, "feed", JSON.stringify(rest), items.map((v) => this.card(v)).join(",")].join("|"));
  }

  sitemap(map: AkhbarSite["sitemaps"][number]): string {
    return hash([this.global, "sitemap", JSON.stringify(map)].join("|"));
  }
}

/** A page whose fingerprint did not change, and its output file. */
export interface KeptPage<T> {
  item: T;
  file: string;
}

/** Unchanged pages by collection: rendered again only if their file is missing from the output. */
export type KeptSet = { [K in keyof RenderSet]: KeptPage<RenderSet[K][number]>[] };

/** The output files of the kept pages (relative to the output folder). */
export function keptFiles(kept: KeptSet): string[] {
  return Object.values(kept).flatMap((list: KeptPage<unknown>[]) => list.map((page) => page.file));
}

/** The kept pages whose file is in `missing`, as a render set. */
export function missingPages(kept: KeptSet, missing: ReadonlySet<string>): RenderSet {
  const out: Record<string, unknown[]> = {};
  for (const [name, list] of Object.entries(kept) as [string, KeptPage<unknown>[]][]) {
    out[name] = list.filter((page) => missing.has(page.file)).map((page) => page.item);
  }
  return out as unknown as RenderSet;
}

export interface IncrementalResult {
  /** Pages whose fingerprint changed (or is new). */
  render: RenderSet;
  /** Pages whose fingerprint did not change: the caller checks that their files exist. */
  kept: KeptSet;
  manifest: Manifest;
  /** Pages whose fingerprint changed / all pages. */
  rendered: number;
  total: number;
  deleted: string[];
}

/**
 * Decide what to render. With no usable previous manifest (first build, other settings, missing
 * output folder) everything is rendered. Stale files of pages that disappeared are deleted. Pages
 * whose fingerprint did not change are `kept`: the caller renders those whose file is missing
 * (the theme checks on the writer thread while the changed pages are rendered).
 */
export function planIncremental(site: AkhbarSite, global: string, previous: Manifest | undefined, outputDir: string): IncrementalResult {
  const fp = new Fingerprinter(site, global);
  const pages: Record<string, string> = {};
  const known = previous !== undefined && previous.version === MANIFEST_VERSION && existsSync(outputDir);
  // Same global settings: unchanged pages can be skipped. Otherwise everything is rendered again,
  // but stale files of the previous manifest are still deleted.
  const usable = known && previous!.global === global;
  let rendered = 0;
  let total = 0;
  const kept = {} as KeptSet;
  const pick = <K extends keyof RenderSet>(
    name: K,
    path: (item: RenderSet[K][number]) => string | false,
    print: (item: RenderSet[K][number]) => string,
  ): RenderSet[K] => {
    const out: RenderSet[K][number][] = [];
    const same: KeptPage<RenderSet[K][number]>[] = (kept[name] = []);
    for (const item of site[name] as RenderSet[K][number][]) {
      const p = path(item);
      if (p === false) continue;
      const file = outputFileOf(p);
      const value = print(item);
      pages[file] = value;
      total++;
      if (usable && previous!.pages[file] === value) same.push({ item, file });
      else {
        out.push(item);
        rendered++;
      }
    }
    return out as RenderSet[K];
  };
  const render: RenderSet = {
    pages: pick("pages", (v) => v.path, (v) => fp.article(v)),
    listings: pick("listings", (l) => l.path, (l) => fp.listing(l)),
    indexPages: pick("indexPages", (i) => i.path, (i) => fp.index(i)),
    stream: pick("stream", (s) => s.path, (s) => fp.stream(s)),
    atomFeeds: pick("atomFeeds", (f) => f.path, (f) => fp.feed(f)),
    rssFeeds: pick("rssFeeds", (f) => f.path, (f) => fp.feed(f)),
    jsonFeeds: pick("jsonFeeds", (f) => f.path, (f) => fp.feed(f)),
    sitemaps: pick("sitemaps", (s) => s.path, (s) => fp.sitemap(s)),
  };
  const deleted: string[] = [];
  if (known) {
    for (const file of Object.keys(previous!.pages)) {
      if (!(file in pages)) {
        const abs = join(outputDir, file);
        if (abs.startsWith(outputDir) && existsSync(abs)) {
          rmSync(abs);
          deleted.push(file);
          removeEmptyParents(dirname(abs), outputDir);
        }
      }
    }
  }
  return { render, kept, manifest: { version: MANIFEST_VERSION, global, pages }, rendered, total, deleted };
}

/** Remove `dir` and its parents up to (not including) `root` while they are empty. */
function removeEmptyParents(dir: string, root: string): void {
  let current = dir;
  while (current.startsWith(root) && current !== root && current.length > root.length) {
    try {
      if (readdirSync(current).length > 0) return;
      rmdirSync(current);
    } catch {
      return;
    }
    current = dirname(current);
  }
}

export function readManifest(file: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Manifest;
  } catch {
    return undefined;
  }
}

export function writeManifest(file: string, manifest: Manifest): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(manifest));
}
