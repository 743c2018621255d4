/**
 * Eleventy glue for the theme: where files are, what Eleventy should ignore, the `akhbar` global
 * data (the whole archive computed once per build), and the few virtual templates that write
 * every page by pagination. See docs/theme.md and docs/performance.md.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import rssPlugin from "@11ty/eleventy-plugin-rss";
import { AkhbarError, withFile } from "../errors.js";
import { dateOptionsOf, type ResolvedOptions } from "../options.js";
import { createSourceRegistry, type SourceRegistry } from "../sources/registry.js";
import { scanMarkdownFiles } from "../theme/scan.js";
import { parseFrontMatter } from "../theme/front-matter.js";
import { loadArticles, restoreArticleCache, saveArticleCache, type LoadResult } from "../theme/loader.js";
import { hash, hashFolders, keptFiles, missingPages, planIncremental, readManifest, writeManifest, type KeptSet, type Manifest, type RenderSet } from "../theme/incremental.js";
import { createMarkdown } from "../theme/markdown.js";
import { buildArchive } from "../theme/archive.js";
import { parseBreakingData, tickerEntries } from "../theme/ticker-data.js";
import { AkhbarSite, type Strings } from "../theme/site.js";
import { buildPages } from "../theme/pages.js";
import { buildAssets, FONT_FILES, fontSourceDir, type BuiltAssets } from "../theme/assets.js";
import type { UserConfig } from "./types.js";
import { buildSearchIndex } from "../search/index.js";
import { articleItems } from "./collection.js";
import { addAbsoluteHtmlFilter, type FilterSource } from "./feed-html.js";
import { ArchiveWriter, plainGlobals, type NunjucksEnvironment, type Transform } from "./writer.js";
import { RenderPlugin } from "@11ty/eleventy";

export const PACKAGE_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const PACKAGE_INCLUDES = join(PACKAGE_ROOT, "_includes");
export const PACKAGE_DATA = join(PACKAGE_ROOT, "_data");
const PACKAGE_VERSION = (JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;

/** Files at the project root that are documentation, not articles, when the input is the root. */
const ROOT_DOCS = ["README.md", "CHANGELOG.md", "LICENSE.md", "CONTRIBUTING.md", "CODE_OF_CONDUCT.md", "SECURITY.md"];

export interface Dirs {
  root: string;
  input: string;
  includes: string;
  data: string;
  output: string;
}

export function resolveDirs(config: UserConfig): Dirs {
  const d = config.directories;
  if (!d) throw new AkhbarError("eleventy-plugin-akhbar needs Eleventy 3 (eleventyConfig.directories is missing)");
  const root = process.cwd();
  return {
    root,
    input: resolve(root, d.input),
    includes: resolve(root, d.includes),
    data: resolve(root, d.data),
    output: resolve(root, d.output),
  };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw withFile(error instanceof SyntaxError ? new AkhbarError(`is not valid JSON: ${error.message}`) : error, file);
  }
}

/** The site's data file if it has one, else the package's default, else undefined. */
function dataFile(dirs: Dirs, name: string, fallback = true): string | undefined {
  const own = join(dirs.data, name);
  if (existsSync(own)) return own;
  const shipped = join(PACKAGE_DATA, name);
  return fallback && existsSync(shipped) ? shipped : undefined;
}

function loadStrings(dirs: Dirs, lang: "ar" | "en"): Strings {
  const shipped = readJson(join(PACKAGE_DATA, "strings.json")) as Record<string, Strings>;
  const ownFile = join(dirs.data, "strings.json");
  const own = existsSync(ownFile) ? (readJson(ownFile) as Record<string, Strings>) : {};
  return { ...shipped[lang], ...(own[lang] ?? {}) };
}

function loadRegistry(dirs: Dirs): SourceRegistry | undefined {
  const file = dataFile(dirs, "sources.json", false);
  if (!file) return undefined;
  return createSourceRegistry(readJson(file), { file: relative(dirs.root, file) });
}

function siteInfo(dirs: Dirs, options: ResolvedOptions) {
  const file = join(dirs.data, "site.json");
  const fromFile = existsSync(file) ? (readJson(file) as Record<string, unknown>) : {};
  const pick = (key: "title" | "url" | "description" | "author"): string | undefined => {
    const value = options.site[key] ?? fromFile[key];
    return typeof value === "string" && value.trim() ? value.trim() : undefined;
  };
  const url = pick("url") ?? "http://localhost:8080";
  if (!/^https?:\/\/[^/\s]+/.test(url)) {
    throw new AkhbarError(`"${url}" is not an absolute http(s) URL`, { file: relative(dirs.root, file), field: "url" });
  }
  return { title: pick("title") ?? "أخبار", url: url.replace(/\/+$/, ""), description: pick("description"), author: pick("author") };
}

/**
 * "Now" for the build: SOURCE_DATE_EPOCH (seconds, the reproducible-builds convention) when set,
 * else the clock. Only the home page's date line and the Google News sitemap depend on it.
 */
export function buildTimeNow(): number {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== "") {
    const seconds = Number(epoch);
    if (!Number.isFinite(seconds)) throw new AkhbarError(`SOURCE_DATE_EPOCH must be a number of seconds, not ${JSON.stringify(epoch)}`);
    return seconds * 1000;
  }
  return Date.now();
}

/** Register the theme. Called by the plugin when `theme: true`. */
export function registerTheme(config: UserConfig, options: ResolvedOptions): void {
  const dirs = resolveDirs(config);
  const dateOptions = dateOptionsOf(options);
  const warn = (message: string) => console.warn(`[akhbar] ${message}`);

  config.addPlugin(rssPlugin);
  // renderContent: article bodies that contain shortcodes are rendered at page time.
  config.addPlugin(RenderPlugin);
  config.addFilter("akhbarJsDate", (ms: number) => new Date(ms));

  // Package templates come after the site's own _includes: a file at the same path wins.
  config.amendLibrary("njk", (env: { loaders: { searchPaths?: string[] }[] }) => {
    for (const loader of env.loaders) {
      if (Array.isArray(loader.searchPaths) && !loader.searchPaths.includes(PACKAGE_INCLUDES)) {
        loader.searchPaths.push(PACKAGE_INCLUDES);
      }
    }
  });

  const relInput = relative(dirs.root, dirs.input).split(sep).join("/") || ".";
  const scan = () =>
    scanMarkdownFiles({
      inputDir: dirs.input,
      glob: options.articles,
      exclude: [dirs.includes, dirs.data, dirs.output, join(dirs.root, "node_modules")],
      rootFiles: dirs.input === dirs.root ? ROOT_DOCS : undefined,
    });

  const md = createMarkdown({ ...dateOptions, markdownDates: options.markdownDates, onWarning: warn });
  config.setLibrary("md", md);
  const settingsKey = JSON.stringify({ dateOptions, markdownDates: options.markdownDates });
  const load = (): LoadResult => loadArticles({ ...dateOptions, inputDir: dirs.input, files: scan(), md, settingsKey });

  // Incremental builds (`npm run build:incremental`, or AKHBAR_INCREMENTAL=1): see theme/incremental.ts.
  const incremental = process.env.AKHBAR_INCREMENTAL === "1" || process.argv.includes("--incremental");
  const cacheDir = join(dirs.root, ".cache", "akhbar");
  const outputKey = hash(dirs.output).slice(0, 12);
  const manifestFile = join(cacheDir, `manifest-${outputKey}.json`);
  const articleCacheFile = join(cacheDir, "articles");
  let pendingManifest: Manifest | undefined;
  let pendingKept: KeptSet | undefined;
  const templatesHash = () => hashFolders([join(PACKAGE_INCLUDES, "akhbar"), ...(dirs.includes === PACKAGE_INCLUDES ? [] : [join(dirs.includes, "akhbar")])]);
  if (incremental) restoreArticleCache(articleCacheFile, settingsKey);

  // Articles are data, not templates: Eleventy ignores them. Plain pages (`article: false`) are
  // handed back to Eleventy as virtual templates with their own content.
  config.ignores.add(`${relInput}/${options.articles}`);
  config.addWatchTarget(`${relInput}/${options.articles}`);
  config.addWatchTarget(relative(dirs.root, PACKAGE_INCLUDES) || PACKAGE_INCLUDES);
  // Plain pages use the layout akhbar/page.njk. When the site has no file at that path in its own
  // includes folder, a virtual layout extends the package's (found through Nunjucks' search path).
  const pageLayout = join(dirs.includes, "akhbar", "page.njk");
  if (!existsSync(pageLayout)) {
    const key = relative(dirs.input, pageLayout).split(sep).join("/");
    config.addTemplate(key, '{% extends "akhbar/page.njk" %}');
  }
  // The first build uses this scan (made to find the plain pages) instead of scanning again.
  let preloaded: LoadResult | undefined = load();
  const initial = preloaded;
  for (const page of initial.pages) {
    const content = readFileSync(join(dirs.input, page.file), "utf8");
    // The theme's page layout unless the page names its own.
    const own = parseFrontMatter(content, page.file).data.layout;
    config.addTemplate(page.file, content, own === undefined ? { layout: "akhbar/page.njk" } : {});
  }

  const fonts = fontSourceDir();
  for (const file of FONT_FILES) {
    config.addPassthroughCopy({ [relative(dirs.root, join(fonts, file))]: `assets/fonts/${file}` });
  }

  let current: AkhbarSite | undefined;
  let assets: BuiltAssets | undefined;
  config.addGlobalData("akhbar", async () => {
    const buildTime = buildTimeNow();
    const registry = loadRegistry(dirs);
    const strings = loadStrings(dirs, options.lang);
    const site = siteInfo(dirs, options);
    const { articles } = preloaded ?? load();
    preloaded = undefined;
    const archive = buildArchive(articles, {
      ...dateOptions,
      pageSize: options.pageSize,
      registry,
      strictSources: options.strictSources,
      onUnknownSource: (name, file) => warn(`${file}: unknown source "${name}" (add it to _data/sources.json)`),
    });
    const breakingFile = dataFile(dirs, "breaking.json", false);
    const data = breakingFile
      ? parseBreakingData(readJson(breakingFile), relative(dirs.root, breakingFile), dateOptions)
      : [];
    const ticker = tickerEntries(data, archive.pages, options.ticker.from);
    assets ??= await buildAssets(dirs, PACKAGE_INCLUDES);
    current = new AkhbarSite(archive, ticker, {
      ...dateOptions,
      lang: options.lang,
      site,
      strings,
      registry,
      tickerMax: options.ticker.max,
      tickerSpeed: options.ticker.speed,
      buildTime,
      searchEnabled: options.search,
      assets,
      feedSize: options.feedSize,
      pageSize: options.pageSize,
    });
    buildPages(current, options);
    if (incremental) {
      const global = hash(
        JSON.stringify([PACKAGE_VERSION, options, site, strings, registry?.entries ?? null, assets.cssPath, assets.jsPath, templatesHash()]),
      );
      const plan = planIncremental(current, global, readManifest(manifestFile), dirs.output);
      current.render = plan.render;
      pendingManifest = plan.manifest;
      pendingKept = plan.kept;
      console.log(`[akhbar] incremental: rendering ${plan.rendered} of ${plan.total} pages, deleted ${plan.deleted.length} stale`);
    } else {
      const { pages, listings, indexPages, stream, atomFeeds, rssFeeds, jsonFeeds, sitemaps } = current;
      current.render = { pages, listings, indexPages, stream, atomFeeds, rssFeeds, jsonFeeds, sitemaps };
    }
    return current;
  });

  config.on("eleventy.beforeWatch", () => {
    assets = undefined;
  });

  /** Eleventy's own collection for site owners: articles in the shape plugins expect. */
  config.addCollection("akhbarArticles", () => articleItems(current?.pages ?? [], relInput));

  // The archive's pages are written by the archive writer once Eleventy is done, then indexed.
  let env: NunjucksEnvironment | undefined;
  let globals: Record<string, unknown> | undefined;
  config.on("eleventy.engine.njk", ({ environment }: { environment: NunjucksEnvironment }) => {
    env = environment;
  });
  addAbsoluteHtmlFilter(config, () => env as (NunjucksEnvironment & FilterSource) | undefined);
  addPageTemplates(config, (data) => {
    globals = plainGlobals(data);
  });
  config.on("eleventy.after", async ({ outputMode }: { outputMode?: string }) => {
    if (outputMode && outputMode !== "fs") return;
    if (!env || !current?.render) throw new AkhbarError("eleventy-plugin-akhbar: the theme's pages could not be written (no Nunjucks environment or data)");
    const site = current;
    const render = site.render!;
    const transforms = Object.entries((config as { transforms?: Record<string, Transform["callback"]> }).transforms ?? {}).map(
      ([name, callback]) => ({ name, callback }),
    );
    // Few pages to write (a daily update): no full collection before them (see heap.ts).
    const pageCount = Object.values(render).reduce((sum: number, list: unknown[]) => sum + list.length, 0);
    const heap = { collectFirst: pageCount >= FEW_PAGES };
    const writer = new ArchiveWriter(env, dirs.output, { ...(globals ?? {}), akhbar: site }, transforms, {}, heap);
    const kept = pendingKept;
    pendingKept = undefined;
    try {
      // Unchanged pages of an incremental build: their files are checked while the rest renders.
      const missing = kept ? writer.missing(keptFiles(kept)) : undefined;
      missing?.catch(() => {}); // awaited below; a rendering error first leaves it unawaited
      await writePages(writer, site, render);
      const lost = await missing;
      if (kept && lost && lost.size > 0) {
        console.log(`[akhbar] incremental: ${lost.size} unchanged pages were missing from the output folder, rendering them again`);
        await writePages(writer, site, missingPages(kept, lost));
      }
    } catch (error) {
      await writer.close().catch(() => {}); // the first error is the one to report
      throw error;
    }
    await writer.close();
    if (!process.argv.includes("--quiet")) console.log(`[akhbar] wrote ${writer.written} archive pages (${writer.heap.collections} heap collections)`);
    if (incremental && pendingManifest) {
      writeManifest(manifestFile, pendingManifest);
      saveArticleCache(articleCacheFile);
      pendingManifest = undefined;
    }
    if (options.search) await buildSearchIndex(dirs.output);
  });
}

/** Below this many pages to write, the archive writer starts without a full garbage collection. */
const FEW_PAGES = 2000;

/** Renders and writes every page of `render` with the theme's templates. */
async function writePages(writer: ArchiveWriter, site: AkhbarSite, render: RenderSet): Promise<void> {
  await writer.run({ template: "akhbar/article.njk", alias: "article", items: render.pages, path: (a) => a.path });
  await writer.run({ template: "akhbar/listing.njk", alias: "listing", items: render.listings, path: (l) => l.path });
  await writer.run({ template: "akhbar/index-page.njk", alias: "index", items: render.indexPages, path: (i) => i.path });
  await writer.run({ template: "akhbar/breaking.njk", alias: "stream", items: render.stream, path: (s) => s.path });
  await writer.run({ template: "akhbar/feeds/atom.njk", alias: "feed", items: render.atomFeeds, path: (f) => f.path });
  await writer.run({ template: "akhbar/feeds/rss.njk", alias: "feed", items: render.rssFeeds, path: (f) => f.path });
  await writer.run({ template: (f) => site.jsonFeed(f), alias: "feed", items: render.jsonFeeds, path: (f) => f.path });
  await writer.run({ template: "akhbar/sitemap.njk", alias: "sitemap", items: render.sitemaps, path: (s) => s.path });
}

function addPageTemplates(config: UserConfig, capture: (data: Record<string, unknown>) => void): void {
  const common = { eleventyExcludeFromCollections: true, layout: false };
  config.addTemplate("_akhbar/sitemap-index.njk", '{% include "akhbar/sitemap-index.njk" %}', {
    ...common,
    permalink: (d: Record<string, any>) => (d.akhbar.sitemaps.length > 1 ? "/sitemap.xml" : false),
  });
  config.addTemplate("_akhbar/news-sitemap.njk", '{% include "akhbar/news-sitemap.njk" %}', { ...common, permalink: "/news-sitemap.xml" });
  config.addTemplate(
    "_akhbar/robots.njk",
    "User-agent: *\nAllow: /\n\nSitemap: {{ akhbar.absolute('/sitemap.xml') }}\nSitemap: {{ akhbar.absolute('/news-sitemap.xml') }}\n",
    { ...common, permalink: "/robots.txt" },
  );
  // The 404 page also hands the archive writer the data cascade (global data, collections).
  config.addTemplate("_akhbar/404.njk", '{% extends "akhbar/404.njk" %}', {
    ...common,
    permalink: "/404.html",
    eleventyComputed: {
      akhbarCapture: (data: Record<string, unknown>) => {
        capture(data);
        return true;
      },
    },
  });
  config.addTemplate("_akhbar/search.njk", '{% extends "akhbar/search.njk" %}', {
    ...common,
    permalink: (d: Record<string, any>) => (d.akhbar.searchEnabled ? "/search/" : false),
  });
  config.addTemplate("_akhbar/css.njk", "{{ akhbar.assets.cssText | safe }}", { ...common, permalink: (d: Record<string, any>) => d.akhbar.assets.cssPath });
  config.addTemplate("_akhbar/js.njk", "{{ akhbar.assets.jsText | safe }}", { ...common, permalink: (d: Record<string, any>) => d.akhbar.assets.jsPath });
}

