/**
 * The archive writer: renders the theme's many pages (articles, listings, indexes, feeds,
 * sitemaps) with Eleventy's own Nunjucks environment — same templates, filters, shortcodes and
 * search paths — and streams each page to disk as soon as it is rendered.
 *
 * Why not Eleventy pagination: Eleventy keeps every page it writes (its content and its data) in
 * memory until the build ends and pays per-page bookkeeping (pagination objects, data cascade,
 * template map); at archive scale that is most of the build's time and memory. Here memory holds
 * the archive model and one page at a time. See docs/performance.md.
 */
import { join } from "node:path";
import { AkhbarError } from "../errors.js";
import { outputFileOf } from "../theme/incremental.js";
import { FileWriter, type FileWriterOptions } from "./file-writer.js";
import { HeapGuard, type HeapGuardOptions } from "./heap.js";

/** The part of a Nunjucks Environment the writer uses. */
export interface NunjucksEnvironment {
  render(name: string, context: object, callback: (error: Error | null, result: string | null) => void): void;
}

export interface PageJob<T> {
  /** Nunjucks template name (found through the search path), or a function producing the text. */
  template: string | ((item: T) => string);
  /** The variable the template sees the item as. */
  alias: string;
  items: readonly T[];
  path: (item: T) => string | false;
}

function render(env: NunjucksEnvironment, name: string, context: object): Promise<string> {
  return new Promise((resolve, reject) => {
    env.render(name, context, (error, result) => (error ? reject(error) : resolve(result ?? "")));
  });
}

/** Data a virtual template captures from Eleventy's data cascade (global data, collections). */
const SKIPPED_KEYS = new Set(["page", "permalink", "pagination", "layout", "eleventyComputed", "eleventyExcludeFromCollections", "akhbarCapture"]);

export function plainGlobals(data: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!data) return out;
  for (const key of Object.keys(data)) if (!SKIPPED_KEYS.has(key)) out[key] = data[key];
  return out;
}

/** A site's `addTransform` callbacks, run on every page the writer writes, as Eleventy would. */
export type Transform = { name: string; callback: (this: object, content: string, outputPath: string) => unknown };

export class ArchiveWriter {
  /** Collects the pages' garbage before the heap balloons (see heap.ts). */
  readonly heap: HeapGuard;
  /** Puts the pages on disk, on a thread of its own (see file-writer.ts). */
  private readonly files: FileWriter;
  written = 0;

  constructor(
    private readonly env: NunjucksEnvironment,
    private readonly outputDir: string,
    private readonly globals: Record<string, unknown>,
    private readonly transforms: Transform[] = [],
    fileOptions: FileWriterOptions = {},
    heapOptions: HeapGuardOptions = {},
  ) {
    this.files = new FileWriter(fileOptions);
    this.heap = new HeapGuard(heapOptions);
  }

  private async transform(content: string, path: string): Promise<string> {
    const outputPath = join(this.outputDir, outputFileOf(path));
    const page = { url: path, outputPath, inputPath: undefined };
    for (const { name, callback } of this.transforms) {
      try {
        const result = await callback.call({ page, url: path, outputPath, inputPath: undefined }, content, outputPath);
        if (typeof result === "string") content = result;
      } catch (error) {
        throw new AkhbarError(`the transform "${name}" failed on ${path}: ${error instanceof Error ? error.message : error}`, { cause: error });
      }
    }
    return content;
  }

  /** Hands a page to the file writer (which waits when its queue is full). */
  private async write(path: string, content: string): Promise<void> {
    const file = join(this.outputDir, outputFileOf(path));
    if (!file.startsWith(this.outputDir)) throw new AkhbarError(`refusing to write outside the output folder: ${path}`);
    await this.files.write(file, content);
    this.written++;
    this.heap.tick();
  }

  /** Those of `files` (relative to the output folder) that are not in it (see FileWriter.missing). */
  async missing(files: string[]): Promise<Set<string>> {
    return new Set(await this.files.missing(this.outputDir, files));
  }

  /** Waits until every page is on disk and stops the writer thread. Call it once, also after a failure. */
  close(): Promise<void> {
    return this.files.close();
  }

  async run<T>(job: PageJob<T>): Promise<void> {
    for (const item of job.items) {
      const path = job.path(item);
      if (path === false) continue;
      let content: string;
      if (typeof job.template === "function") content = job.template(item);
      else {
        try {
          content = await render(this.env, job.template, {
            ...this.globals,
            [job.alias]: item,
            page: { url: path, outputPath: join(this.outputDir, outputFileOf(path)) },
          });
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          const file = (item as { a?: { file?: string } }).a?.file;
          throw new AkhbarError(`rendering ${path} with ${job.template} failed: ${reason}`, { file, cause: error });
        }
      }
      if (this.transforms.length > 0) content = await this.transform(content, path);
      await this.write(path, content);
    }
  }
}
