/**
 * Reading articles once, as data: front matter + body rendered with markdown-it. This is what
 * lets one paginated template write every article page (see docs/performance.md): Eleventy never
 * sees the article files as templates.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
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
  /** Hash of the file's path and bytes: everything above follows from it (and the global settings). */
  sourceHash: string;
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
/** Cache shards (one per folder of articles) changed since they were last saved or restored. */
const dirtyShards = new Set<string>();

export function clearArticleCache(): void {
  cache.clear();
  dirtyShards.clear();
}

const shardOf = (abs: string): string => createHash("sha1").update(dirname(abs)).digest("hex").slice(0, 16);

/**
 * Incremental builds keep the parsed and rendered articles on disk between runs, so that a daily
 * update reads only the files that changed. One file per folder of articles (`folder` is a
 * directory of `<hash>.v8` files): adding a day's articles rewrites only their folder's shard.
 * Keyed by the rendering settings: other settings, no cache.
 */
export function restoreArticleCache(folder: string, settingsKey: string): void {
  if (cache.size > 0 || !existsSync(folder)) return;
  try {
    for (const name of readdirSync(folder)) {
      if (!name.endsWith(".v8")) continue;
      const saved = deserialize(readFileSync(join(folder, name))) as { key: string; entries: [string, CacheEntry][] };
      if (saved.key !== settingsKey) continue;
      for (const [abs, entry] of saved.entries) cache.set(abs, entry);
    }
    cacheKey = settingsKey;
    dirtyShards.clear();
  } catch {
    cache.clear();
  }
}

export function saveArticleCache(folder: string): void {
  if (dirtyShards.size === 0 && existsSync(folder)) return;
  const all = !existsSync(folder);
  mkdirSync(folder, { recursive: true });
  const shards = new Map<string, [string, CacheEntry][]>();
  for (const entry of cache) {
    const shard = shardOf(entry[0]);
    if (!all && !dirtyShards.has(shard)) continue;
    const list = shards.get(shard);
    if (list) list.push(entry);
    else shards.set(shard, [entry]);
  }
  for (const shard of all ? shards.keys() : dirtyShards) {
    const file = join(folder, `${shard}.v8`);
    const entries = shards.get(shard);
    if (entries) writeFileSync(file, serialize({ key: cacheKey, entries }));
    else rmSync(file, { force: true });
  }
  dirtyShards.clear();
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
  const sourceHash = createHash("sha1").update(file).update("\0").update(text).digest("base64url");
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
    sourceHash,
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
      dirtyShards.add(shardOf(abs));
    }
    const result = entry.result;
    if (result === null) continue;
    if ("html" in result) articles.push(result);
    else pages.push(result);
  }
  for (const key of cache.keys()) {
    if (!seen.has(key)) {
      cache.delete(key);
      dirtyShards.add(shardOf(key));
    }
  }
  return { articles, pages };
}
