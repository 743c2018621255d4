/**
 * `akhbarAbsoluteHtml`: the RSS plugin's `htmlToAbsoluteUrls` filter, memoised per article. An
 * article is in several feeds (the site's Atom and RSS feeds, those of its tags and sources), and
 * the filter parses its whole HTML each time (posthtml): ~110 ms of a daily update at 10,000
 * articles, for about four conversions of each article's same HTML with the same base.
 */
import type { UserConfig } from "./types.js";

type Callback = (error: unknown, result?: string) => void;
type AsyncFilter = (this: unknown, html: string, base: string, callback: Callback) => void;

/** The part of Eleventy's Nunjucks environment this needs. */
export interface FilterSource {
  getFilter(name: string): AsyncFilter;
}

/** Conversions kept (the memo is emptied when full): more than the articles in all feeds at once. */
const MEMO_LIMIT = 5000;

/**
 * Registers the filter. `environment()` gives Eleventy's Nunjucks environment (whose
 * `htmlToAbsoluteUrls` is the RSS plugin's, with the site's options).
 */
export function addAbsoluteHtmlFilter(config: UserConfig, environment: () => FilterSource | undefined): void {
  // By base URL (an article's absolute URL): the HTML converted last with it, and the result.
  const memo = new Map<string, { html: string; result: string }>();
  // A function, not an arrow: Eleventy's filter wrapper needs the Nunjucks context as `this`, and
  // the RSS plugin's filter is wrapped the same way.
  config.addNunjucksAsyncFilter("akhbarAbsoluteHtml", function (this: unknown, html: string, base: string, callback: Callback) {
    const hit = memo.get(base);
    if (hit !== undefined && hit.html === html) {
      callback(null, hit.result);
      return;
    }
    const convert = environment()?.getFilter("htmlToAbsoluteUrls");
    if (typeof convert !== "function") {
      callback(new Error("akhbarAbsoluteHtml needs the htmlToAbsoluteUrls filter of @11ty/eleventy-plugin-rss"));
      return;
    }
    convert.call(this, html, base, (error, result) => {
      if (!error && typeof result === "string") {
        if (memo.size >= MEMO_LIMIT) memo.clear();
        memo.set(base, { html, result });
      }
      callback(error, result);
    });
  });
}
