/**
 * The theme end to end: build the bundled sample site and a minimal fixture site with the
 * Eleventy CLI, then assert on the written files.
 */
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { buildSite, fileForUrl, internalLinks, listFiles, read, REPO, TMP } from "./helpers/site.js";

const xml = new XMLParser({ ignoreAttributes: false });

// ---------------------------------------------------------------- the sample archive
const sample = suite("theme: sample archive");
const out = join(TMP, "sample-site");
let files: string[] = [];

sample.before(() => {
  const result = buildSite(REPO, out);
  assert.is(result.status, 0, result.stderr);
  files = listFiles(out);
});

sample("every page type exists", () => {
  for (const path of [
    "index.html", "page/1/index.html", "404.html", "robots.txt", "sitemap.xml", "news-sitemap.xml",
    "feed.xml", "rss.xml", "feed.json", "archive/index.html", "archive/2019/index.html",
    "archive/2019/02/index.html", "archive/2019/02/22/index.html", "hijri/index.html".replace("hijri/index.html", "archive/index.html"),
    "tags/index.html", "sources/index.html", "editors/index.html", "breaking/index.html", "about/index.html",
  ]) {
    assert.ok(files.includes(path), `missing ${path}`);
  }
  assert.ok(files.some((f) => /^hijri\/14\d\d\/index\.html$/.test(f)), "a Hijri year page");
  assert.ok(files.some((f) => /^hijri\/14\d\d\/\d\d\/index\.html$/.test(f)), "a Hijri month page");
  assert.ok(files.some((f) => /^tags\/[^/]+\/feed\.xml$/.test(f)), "a tag feed");
  assert.ok(files.some((f) => /^sources\/[^/]+\/feed\.xml$/.test(f)), "a source feed");
  assert.ok(files.some((f) => /^assets\/akhbar\.[0-9a-f]{10}\.css$/.test(f)), "hashed CSS");
  assert.ok(files.includes("assets/fonts/noto-naskh-arabic-arabic-400-normal.woff2"), "self-hosted font");
  const articles = files.filter((f) => /^news\/\d{4}\/[^/]+\/index\.html$/.test(f));
  assert.ok(articles.length >= 40, `${articles.length} article pages`);
});

sample("every page is Arabic, right-to-left, and links only to files that exist", () => {
  const missing: string[] = [];
  for (const file of files.filter((f) => f.endsWith(".html"))) {
    const html = read(out, file);
    assert.match(html, /<html lang="ar" dir="rtl">/, file);
    const url = `/${file.replace(/index\.html$/, "")}`;
    for (const link of internalLinks(html, url)) {
      if (!fileForUrl(out, link)) missing.push(`${file} -> ${link}`);
    }
  }
  assert.equal(missing, [], `broken internal links:\n${missing.slice(0, 20).join("\n")}`);
});

sample("an article with 3 tags appears on each of its 3 tag pages", () => {
  const page = files.find((f) => f.startsWith("news/") && (read(out, f).match(/rel="tag"/g) ?? []).length === 3);
  assert.ok(page, "an article with exactly 3 tags");
  const html = read(out, page!);
  const url = `/${page!.replace(/index\.html$/, "")}`;
  const tagLinks = [...html.matchAll(/<a href="([^"]+)" rel="tag"/g)].map((m) => m[1]);
  assert.is(tagLinks.length, 3);
  for (const tag of tagLinks) {
    // the article is on the tag's first page or one of its later pages
    const pages = files.filter((f) => f.startsWith(decodeURIComponent(tag).slice(1)) && f.endsWith("index.html"));
    const found = pages.some((f) => read(out, f).includes(`href="${encodeURI(url).replace(/%25/g, "%")}"`) || read(out, f).includes(`href="${url}"`));
    assert.ok(found, `${url} listed under ${decodeURIComponent(tag)}`);
  }
});

sample("article pages carry dual dates, byline, sources with kinds, JSON-LD NewsArticle", () => {
  const page = files.find((f) => f.startsWith("news/2019/02-22-raqqa-bakery"))!;
  const html = read(out, page);
  assert.match(html, /<time datetime="2019-02-22[^"]*"[^>]*data-hijri="1440-06-17"/);
  assert.match(html, /class="akhbar-byline"/);
  assert.match(html, /<bdi[^>]*>\(<cite class="akhbar-source akhbar-source--[a-z-]+" data-kind=/);
  const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]);
  assert.is(ld["@type"], "NewsArticle");
  assert.is(ld.inLanguage, "ar");
  assert.ok(ld.headline && ld.datePublished && ld.dateModified && ld.publisher && ld.author);
  assert.match(html, /<link rel="canonical" href="https:\/\/akhbar\.example\/news\/2019\/02-22-raqqa-bakery\/">/);
  assert.match(html, /property="og:title"/);
});

sample("budget: every article page's HTML plus the CSS is under 50 KB", () => {
  const css = files.find((f) => /^assets\/akhbar\.[0-9a-f]{10}\.css$/.test(f))!;
  const cssBytes = Buffer.byteLength(read(out, css));
  for (const f of files.filter((f) => /^news\/\d{4}\/[^/]+\/index\.html$/.test(f))) {
    const total = Buffer.byteLength(read(out, f)) + cssBytes;
    assert.ok(total < 50 * 1024, `${f}: ${total} bytes`);
  }
});

sample("a source page spells out the source's kind and description", () => {
  const html = read(out, "sources/إعلام-النظام/index.html");
  assert.match(html, /<span class="label">نوع المصدر:<\/span> <span class="akhbar-kind" data-kind="regime-media">إعلام النظام<\/span>/);
  assert.match(html, /وكالات وقنوات تتبع للحكومة في دمشق/);
});

sample("feeds parse and list the latest articles with absolute URLs", () => {
  const atom = xml.parse(read(out, "feed.xml"));
  const entries = [].concat(atom.feed.entry);
  assert.is(entries.length, 20);
  for (const entry of entries as any[]) assert.match(entry.link["@_href"], /^https:\/\/akhbar\.example\//);
  const rss = xml.parse(read(out, "rss.xml"));
  assert.is([].concat(rss.rss.channel.item).length, 20);
  const json = JSON.parse(read(out, "feed.json"));
  assert.is(json.items.length, 20);
  assert.is(json.items[0].id, (entries[0] as any).id);
  assert.ok(json.items.every((item: any) => item.authors.length >= 1 && Array.isArray(item.tags)));
  const sitemap = xml.parse(read(out, "sitemap.xml"));
  const locs = [].concat(sitemap.urlset.url).map((u: any) => u.loc as string);
  assert.ok(locs.length > 100);
  for (const loc of locs) assert.ok(fileForUrl(out, new URL(loc).pathname), `sitemap entry ${loc} exists`);
});

sample("stable pagination: the head page shows the newest 20, archive pages hold fixed chunks from the oldest", () => {
  const total = files.filter((f) => /^news\/\d{4}\/[^/]+\/index\.html$/.test(f)).length;
  const chunks = Math.floor(total / 20) - (total % 20 === 0 ? 1 : 0);
  const home = read(out, "index.html");
  assert.is((home.match(/class="card"/g) ?? []).length, 20);
  assert.match(home, new RegExp(`<a rel="next" href="/page/${chunks}/">`));
  const oldest = read(out, "page/1/index.html");
  assert.is((oldest.match(/class="card"/g) ?? []).length, 20);
  assert.not.match(oldest, /rel="next"/, "nothing is older than page 1");
  assert.match(oldest, chunks > 1 ? /<a rel="prev" href="\/page\/2\/">/ : /<a rel="prev" href="\/">/);
  // the oldest article of the archive is on /page/1/
  assert.ok(files.includes(`page/${chunks}/index.html`) && !files.includes(`page/${chunks + 1}/index.html`));
});

sample.run();

// ---------------------------------------------------------------- a site with only defaults
const minimal = suite("theme: a site with only a config and three articles");
const minimalDir = join(REPO, "test", "fixtures", "minimal-site");
const minimalOut = join(TMP, "minimal-site");

minimal("builds a complete site with Eleventy's default folders", () => {
  const result = buildSite(minimalDir, minimalOut);
  assert.is(result.status, 0, result.stderr);
  const built = listFiles(minimalOut);
  for (const path of ["index.html", "first/index.html", "news/2020/second/index.html", "news/third/index.html",
    "archive/2020/01/06/index.html", "tags/القرية/index.html", "editors/هدى-سليمان/index.html", "feed.xml", "sitemap.xml"]) {
    assert.ok(built.includes(path), `missing ${path}`);
  }
  const tagPage = read(minimalOut, "tags/القرية/index.html");
  assert.is((tagPage.match(/class="card"/g) ?? []).length, 2);
  // the site's transform ran on archive pages
  assert.match(read(minimalOut, "news/third/index.html"), /<!-- transformed --><\/body>/);
  assert.match(read(minimalOut, "tags/القرية/index.html"), /<!-- transformed --><\/body>/);
  // date-only front matter is that calendar day, never the day before
  assert.match(read(minimalOut, "news/2020/second/index.html"), /datetime="2020-01-06/);
  // the breaking flag feeds the ticker of the pages after it
  assert.match(read(minimalOut, "news/third/index.html"), /انقطاع المياه عن أحياء البلدة بسبب الصيانة/);
  // a title mixing Latin and Arabic is isolated in feeds, <title> and JSON-LD
  assert.match(read(minimalOut, "feed.xml"), /<title>\u2068Second story/);
  const second = read(minimalOut, "news/2020/second/index.html");
  assert.match(second, /<title>\u2068Second story: صيانة خط المياه الرئيسي\u2069 \| /);
  assert.match(second, /"headline":"\u2068Second story/);
});

minimal("collections.akhbarArticles gives the articles to site templates, newest first (date-only dates at UTC midnight, as Eleventy's)", () => {
  const lines = read(minimalOut, "collection-check.txt").trim().split("\n");
  assert.equal(lines, [
    "/news/third/|موسم قطاف الزيتون يبدأ مبكراً|2021-10-01T04:30:00.000Z|./news/third.md|زراعة|/news/third/|has content",
    "/news/2020/second/|Second story: صيانة خط المياه الرئيسي|2020-01-06T00:00:00.000Z|./news/2020/second.md|مياه,القرية|/news/2020/second/|has content",
    "/first/|افتتاح مكتبة عامة في بلدة صغيرة|2020-01-05T07:00:00.000Z|./first.md|ثقافة,تعليم,القرية|/first/|has content",
  ]);
});

minimal.run();

// ---------------------------------------------------------------- shortcodes inside an article body
const templated = suite("theme: an article body with shortcodes");
templated("is rendered by Eleventy (Liquid, then Markdown) when its page is written", () => {
  const out = join(TMP, "templated-body-site");
  const result = buildSite(join(REPO, "test", "fixtures", "templated-body-site"), out);
  assert.is(result.status, 0, result.stderr);
  const html = read(out, "news/shortcode-in-body/index.html");
  assert.match(html, /<p>قال ناشطون <span class="akhbar-attribution"><bdi dir="rtl">\(<cite class="akhbar-source akhbar-source--unknown">ناشطون<\/cite>\)<\/bdi><\/span> إن <strong>الطريق<\/strong> مغلق منذ <time datetime="2020-01-04">4 كانون الثاني 2020 م<\/time>\.<\/p>/);
  assert.not.match(html, /\{%/);
});
templated.run();

// ---------------------------------------------------------------- overriding the theme
const override = suite("theme: a site's own _includes/akhbar files win");
override("an overridden partial and stylesheet are used; plain pages get the theme's layout; English UI", () => {
  const out = join(TMP, "override-site");
  const result = buildSite(join(REPO, "test", "fixtures", "override-site"), out);
  assert.is(result.status, 0, result.stderr);
  const home = read(out, "index.html");
  assert.is((home.match(/<article class="card my-card">/g) ?? []).length, 2, "the site's card partial");
  assert.match(home, /<html lang="en" dir="ltr">/);
  assert.match(home, /Skip to content/);
  const css = listFiles(out).find((f) => /^assets\/akhbar\.[0-9a-f]+\.css$/.test(f))!;
  assert.match(read(out, css), /\.my-card\{border:1px solid\}/, "the site's print.css replaced the theme's");
  const about = read(out, "about/index.html");
  assert.match(about, /<h1>About this site<\/h1>/);
  assert.match(about, /<p>A plain page with the theme's layout\.<\/p>/);
  assert.match(about, /class="site-header"/);
  // Eleventy's own templates get the articles as a collection, newest first
  assert.is(read(out, "list/index.html").trim(), '<ul><li data-url="/two/">المقال الثاني</li><li data-url="/one/">المقال الأول</li></ul>');
  // a plain page that names its own layout keeps it
  assert.match(read(out, "own/index.html"), /<main class="mine"><p>A page with its own layout\.<\/p>/);
});
override.run();
