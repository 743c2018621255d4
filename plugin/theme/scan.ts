/** Finding the article files under the input directory. */
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import picomatch from "picomatch";

export interface ScanOptions {
  /** Absolute input directory. */
  inputDir: string;
  /** Glob relative to the input directory. */
  glob: string;
  /** Absolute directories never scanned (includes, data, output, node_modules…). */
  exclude: string[];
  /** File names at the input root that are never articles when the input is the project root. */
  rootFiles?: string[];
}

const ALWAYS_SKIPPED = new Set(["node_modules", ".git", ".cache"]);

/** Relative POSIX paths of the Markdown files matching the glob, sorted for determinism. */
export function scanMarkdownFiles(options: ScanOptions): string[] {
  const isMatch = picomatch(options.glob, { dot: false });
  const excluded = options.exclude.map((dir) => dir.replace(/[\\/]+$/, ""));
  const found: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".") || ALWAYS_SKIPPED.has(entry.name)) continue;
      const abs = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!excluded.includes(abs)) walk(abs);
      } else if (entry.isFile() && entry.name.endsWith(".md")) {
        const rel = relative(options.inputDir, abs).split(sep).join("/");
        if (options.rootFiles?.includes(rel)) continue;
        if (isMatch(rel)) found.push(rel);
      }
    }
  };
  walk(options.inputDir);
  return found.sort();
}
