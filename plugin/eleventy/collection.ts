/** `collections.akhbarArticles`: the theme's articles as Eleventy collection items. */
import type { ArticleView } from "../theme/archive.js";

/**
 * One item: `url`, `date`, `inputPath`, `content` and `data` (front matter, with `title`, `tags`
 * and `page.url`), the shape `@11ty/eleventy-plugin-rss` expects. A class rather than a plain
 * object: Eleventy looks up the template of every plain-object item that has an `inputPath`, to
 * attach its rendered content (an `Array.find` over its templates per item: ~50 ms a build at
 * 10,000 articles, all in vain, since articles are no Eleventy templates). Fields as before.
 */
export class ArticleItem {
  readonly url: string;
  readonly date: Date;
  readonly inputPath: string;
  readonly content: string;
  readonly data: Record<string, unknown>;

  /** `inputDir`: the input folder relative to the project root, POSIX ("." for the root itself). */
  constructor(view: ArticleView, inputDir: string) {
    this.url = view.url;
    this.date = new Date(view.date.epochMs);
    this.inputPath = inputDir === "." ? `./${view.a.file}` : `./${inputDir}/${view.a.file}`;
    this.content = view.a.html;
    this.data = { ...view.a.data, title: view.title, tags: view.a.tags, page: { url: view.url } };
  }
}

/** The collection's items for the site's article pages, in the archive's order (newest first). */
export function articleItems(pages: readonly ArticleView[], inputDir: string): ArticleItem[] {
  return pages.map((view) => new ArticleItem(view, inputDir));
}
