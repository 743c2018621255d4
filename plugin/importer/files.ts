/** Which files an import reads, and where each one's article goes. */
import { readdirSync, statSync } from "node:fs";
import { basename, extname, join, relative, sep } from "node:path";
import { AkhbarError } from "../errors.js";

export interface InputFile {
  /** Path to read (as given / joined). */
  path: string;
  /** Name relative to the folder argument (posix separators), or the base name for a file argument. */
  name: string;
  /** The article's path, under the output folder. */
  outPath: string;
}

/** In folders, saved pages are the `.txt` files (any case); hidden files and folders are skipped. */
export function isSavedPageName(name: string): boolean {
  return /\.txt$/i.test(name) && !name.startsWith(".");
}

/** `page-2020.txt` -> `page-2020.md`; `a/b.TXT` -> `a/b.md`; a name without extension gets `.md`. */
export function articleName(name: string): string {
  const ext = extname(name);
  return (ext ? name.slice(0, -ext.length) : name) + ".md";
}

function walk(dir: string, out: string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && isSavedPageName(entry.name)) out.push(full);
  }
}

/**
 * Expand file and folder arguments into input files, in a stable order (arguments in order, each
 * folder's files sorted by path). Folders are mirrored under `outDir`. Throws AkhbarError for an
 * argument that does not exist.
 */
export function collectInputs(args: readonly string[], outDir: string): InputFile[] {
  const files: InputFile[] = [];
  for (const arg of args) {
    let stats;
    try {
      stats = statSync(arg);
    } catch {
      throw new AkhbarError("no such file or folder", { file: arg });
    }
    if (stats.isDirectory()) {
      const found: string[] = [];
      walk(arg, found);
      for (const path of found) {
        const name = relative(arg, path).split(sep).join("/");
        files.push({ path, name, outPath: join(outDir, articleName(name)) });
      }
    } else {
      const name = basename(arg);
      files.push({ path: arg, name, outPath: join(outDir, articleName(name)) });
    }
  }
  return files;
}
