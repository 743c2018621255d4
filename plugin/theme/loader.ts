/**
 * Reading articles once, as data: front matter + body rendered with markdown-it. This is what
 * lets one paginated template write every article page (see docs/performance.md): Eleventy never
 * sees the article files as templates.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type MarkdownIt from "markdown-it";
import { withFile } from "../errors.js";
import type { DateOptions } from "../dates/types.js";
import { parseFrontMatter } from "./front-matter.js";
import { validateArticle, type ArticleMeta } from "./article.js";

export interface LoadedArticle extends ArticleMeta {
  /** Path relative to the input directory, POSIX separators. */
  file: string;
  /** Rendered body HTML (for bodies without template syntax). */
  html: string;
  /** The body contains {{ or {%: rendered by Eleventy (Liquid, then Markdown) at page time. */
  templated: boolean;
  /** Raw Markdown body (kept only for templated bodies). */
  raw?: string;
  /** Plain-text start of the body, for listings and meta descriptions. */
  excerpt: string;
}

export interface PlainPage {
  file: string;
}

export interface LoadResult {
  articles: LoadedArticle[];
  /** Markdown files under the glob with `article: false`: regular Eleventy pages. */
  pages: PlainPage[];
}

interface CacheEntry {
  mtimeMs: number;
  size: number;
  result: LoadedArticle | PlainPage | null;
}

/** Per-process cache (kept across --serve rebuilds): files whose mtime and size did not change are not re-read. */
const cache = new Map<string, CacheEntry>();
let cacheKey = "";
/** Whether the cache changed since it was last saved or restored. */
let dirty = false;

export function clearArticleCache(): void {
  cache.clear();
  dirty = false;
}

/**
 * Incremental builds keep the parsed and rendered articles on disk between runs, so that a daily
 * update reads only the files that changed. Keyed by the rendering settings: other settings, no cache.
 */
export function restoreArticleCache(file: string, settingsKey: string): void {
  if (cache.size > 0 || !existsSync(file)) return;
  try {
    const saved = deserialize(readFileSync(file)) as { key: string; entries: [string, CacheEntry][] };
    if (saved.key !== settingsKey) return;
    for (const [abs, entry] of saved.entries) cache.set(abs, entry);
    cacheKey = settingsKey;
    dirty = false;
  } catch {
    cache.clear();
  }
}

export function saveArticleCache(file: string): void {
  if (!dirty && existsSync(file)) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, serialize({ key: cacheKey, entries: [...cache] }));
  dirty = false;
}

const TAGS = /<[^>]*>/g;
const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/** First ~`max` characters of text of some HTML, cut at a word boundary. */
export function excerptOf(html: string, max = 220): string {
  const end = html.indexOf("</p>");
  const first = end === -1 ? html.slice(0, 2000) : html.slice(0, end);
  const text = first
    .replace(TAGS, "")
    .replace(/&(amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m])
    .replace(/\s+/g, " ")
    .trim();
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(" ", max);
  return `${text.slice(0, cut > max / 2 ? cut : max)}…`;
}

export interface LoadOptions extends DateOptions {
  inputDir: string;
  files: string[];
  md: MarkdownIt;
  /** A string that changes when anything affecting rendering changes (options, registries). */
  settingsKey: string;
}

function loadOne(abs: string, file: string, options: LoadOptions): LoadedArticle | PlainPage | null {
  const text = readFileSync(abs, "utf8");
  const { data, body } = parseFrontMatter(text, file);
  if (data.article === false) return { file };
  const meta = validateArticle(data, file, options);
  if (meta.draft) return null;
  const templated = body.includes("{{") || body.includes("{%");
  let html = "";
  if (!templated) {
    try {
      html = options.md.render(body, { akhbarDate: meta.date.day, akhbarFile: file });
    } catch (error) {
      throw withFile(error, file, "body");
    }
  }
  return {
    ...meta,
    file,
    html,
    templated,
    raw: templated ? body : undefined,
    excerpt: meta.summary ?? excerptOf(templated ? options.md.render(body.replace(/\{[{%][\s\S]*?[%}]\}/g, "")) : html),
  };
}

/** Read, validate and render every file. Errors name the file and the field. */
export function loadArticles(options: LoadOptions): LoadResult {
  if (cacheKey !== options.settingsKey) {
    cache.clear();
    cacheKey = options.settingsKey;
  }
  const articles: LoadedArticle[] = [];
  const pages: PlainPage[] = [];
  const seen = new Set<string>();
  for (const file of options.files) {
    const abs = join(options.inputDir, file);
    seen.add(abs);
    const stat = statSync(abs);
    let entry = cache.get(abs);
    if (!entry || entry.mtimeMs !== stat.mtimeMs || entry.size !== stat.size) {
      let result: LoadedArticle | PlainPage | null;
      try {
        result = loadOne(abs, file, options);
      } catch (error) {
        throw withFile(error, file);
      }
      entry = { mtimeMs: stat.mtimeMs, size: stat.size, result };
      cache.set(abs, entry);
      dirty = true;
    }
    const result = entry.result;
    if (result === null) continue;
    if ("html" in result) articles.push(result);
    else pages.push(result);
  }
  for (const key of cache.keys()) {
    if (!seen.has(key)) {
      cache.delete(key);
      dirty = true;
    }
  }
  return { articles, pages };
}
