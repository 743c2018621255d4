/** akhbarAbsoluteHtml: the RSS plugin's htmlToAbsoluteUrls, memoised per article URL and HTML. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { addAbsoluteHtmlFilter } from "../plugin/eleventy/feed-html.js";
import type { UserConfig } from "../plugin/eleventy/types.js";

type Filter = (this: unknown, html: string, base: string, callback: (error: unknown, result?: string) => void) => void;

/** The filter as registered, with an environment whose htmlToAbsoluteUrls counts its calls. */
function setUp(): { run: (html: string, base: string) => Promise<string>; calls: () => number } {
  let registered: Filter | undefined;
  const config = { addNunjucksAsyncFilter: (_name: string, fn: Filter) => (registered = fn) } as unknown as UserConfig;
  let calls = 0;
  const convert: Filter = function (this: unknown, html, base, callback) {
    assert.ok(this !== undefined, "called with the Nunjucks context as this");
    calls++;
    setTimeout(() => callback(null, html.replaceAll('href="/', `href="${new URL(base).origin}/`)), 1);
  };
  addAbsoluteHtmlFilter(config, () => ({ getFilter: (name: string) => (name === "htmlToAbsoluteUrls" ? convert : (undefined as never)) }));
  const context = { ctx: {} };
  const run = (html: string, base: string) =>
    new Promise<string>((resolve, reject) => registered!.call(context, html, base, (e, r) => (e ? reject(e) : resolve(r!))));
  return { run, calls: () => calls };
}

test("the same article's HTML with the same base is converted once", async () => {
  const { run, calls } = setUp();
  const html = '<p><a href="/tags/حلب/">حلب</a></p>';
  const base = "https://news.example/news/2020/x/";
  assert.is(await run(html, base), '<p><a href="https://news.example/tags/حلب/">حلب</a></p>');
  assert.is(await run(html, base), '<p><a href="https://news.example/tags/حلب/">حلب</a></p>');
  assert.is(calls(), 1);
});

test("other HTML or another base is converted again", async () => {
  const { run, calls } = setUp();
  await run('<a href="/a/">a</a>', "https://one.example/x/");
  assert.is(await run('<a href="/b/">b</a>', "https://one.example/x/"), '<a href="https://one.example/b/">b</a>');
  assert.is(await run('<a href="/a/">a</a>', "https://two.example/x/"), '<a href="https://two.example/a/">a</a>');
  assert.is(calls(), 3);
});

test.run();
