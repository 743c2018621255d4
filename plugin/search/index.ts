/**
 * Search (issue 5): a Pagefind index of the built site, written to `<output>/pagefind/` after
 * every build. Pages are indexed from a normalised copy (see `prepare.ts`, `normalize.ts`);
 * the browser side is `_includes/akhbar/js/search.js`. See docs/search.md.
 */
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { AkhbarError } from "../errors.js";
import { prepareForIndex } from "./prepare.js";

export { normalizeArabic, stripArticle } from "./normalize.js";
export { prepareForIndex, decodeEntities, TEXT_META, type PreparedPage } from "./prepare.js";

export interface IndexStats {
  /** Pages added to the index (those with `data-pagefind-body`). */
  pages: number;
  /** HTML files looked at. */
  scanned: number;
  /** Files Pagefind wrote, and their total size in bytes. */
  files: number;
  bytes: number;
  /** Where the bundle was written. */
  outputPath: string;
}

/** Pagefind's ready-made UIs and highlighter, which the theme does not use. */
export const UNUSED_UI_FILES = [
  "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
  "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
];

/** Pages sent to Pagefind before waiting for one to be indexed. */
const IN_FLIGHT = 32;

/** Folder name of the bundle inside the output directory. */
export const BUNDLE_DIR = "pagefind";


/** HTML files under `dir` (the bundle folder excluded), as sorted POSIX paths relative to it. */
export function htmlFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const abs = join(d, entry.name);
      if (entry.isDirectory()) {
        if (d === dir && entry.name === BUNDLE_DIR) continue;
        walk(abs);
      } else if (entry.isFile() && entry.name.endsWith(".html")) {
        found.push(relative(dir, abs).split(sep).join("/"));
      }
    }
  };
  walk(dir);
  // Code-unit order, not locale order: the same input always gives the same index.
  return found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Site URL of a built file: `news/x/index.html` → `/news/x/` (segments percent-encoded). */
export function urlForFile(path: string): string {
  const url = "/" + path.split("/").map(encodeURIComponent).join("/");
  return url.endsWith("/index.html") ? url.slice(0, -"index.html".length) : url;
}

/**
 * Index every page of the built site in `outputDir` that has `data-pagefind-body` and write the
 * Pagefind bundle to `<outputDir>/pagefind/` (replacing an old one). Runs the Pagefind binary
 * shipped in the `pagefind` npm package; nothing is downloaded. Silent unless something fails.
 */
export async function buildSearchIndex(outputDir: string): Promise<IndexStats> {
  const pagefind = await import("pagefind");
  const outputPath = join(outputDir, BUNDLE_DIR);
  const files = htmlFiles(outputDir);
  const fail = (what: string, errors: string[]) =>
    new AkhbarError(`search index: ${what} failed: ${errors.join("; ")}`, { file: outputPath });
  try {
    const created = await pagefind.createIndex({ verbose: false });
    if (!created.index) throw fail("createIndex", created.errors);
    const index = created.index;
    let pages = 0;
    // Several pages in flight at once: the Pagefind service works while Node prepares the next
    // ones. Pagefind orders pages itself, so the bundle does not depend on arrival order (the
    // determinism test builds twice).
    const pending = new Set<Promise<void>>();
    for (const file of files) {
      const prepared = prepareForIndex(readFileSync(join(outputDir, file), "utf8"));
      if (!prepared) continue;
      pages++;
      const job: Promise<void> = index.addHTMLFile({ url: urlForFile(file), content: prepared.html }).then((added) => {
        pending.delete(job);
        if (added.errors.length) throw fail(`indexing ${file}`, added.errors);
      });
      pending.add(job);
      if (pending.size >= IN_FLIGHT) await Promise.race(pending);
    }
    await Promise.all(pending);
    rmSync(outputPath, { recursive: true, force: true });
    const result = await index.writeFiles({ outputPath });
    if (result.errors.length) throw fail("writeFiles", result.errors);
    // The theme talks to Pagefind's JS API with its own markup: Pagefind's ready-made UIs
    // (about 420 KiB) are never loaded, so they are not deployed.
    for (const name of UNUSED_UI_FILES) rmSync(join(outputPath, name), { force: true });
    await index.deleteIndex();
    const { count, bytes } = folderSize(outputPath);
    return { pages, scanned: files.length, files: count, bytes, outputPath };
  } finally {
    // Stop the Pagefind process so the build can exit.
    await pagefind.close();
  }
}

/** Number and total size of the files under `dir`. */
export function folderSize(dir: string): { count: number; bytes: number } {
  let count = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    count++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { count, bytes };
}
