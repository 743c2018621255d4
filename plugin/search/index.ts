/** Search (issue 5): Pagefind index of the built site. Placeholder entry point; see docs/search.md. */
import type { UserConfig } from "../eleventy/types.js";

export interface SearchContext {
  /** Absolute output directory. */
  outputDir: string;
  /** Absolute project root. */
  root: string;
}

/** Register the after-build indexing step. */
export function registerSearch(_config: UserConfig, _context: SearchContext): void {
  // Implemented by the search work (issue 5).
}
