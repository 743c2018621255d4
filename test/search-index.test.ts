// The index copy of a page (prepareForIndex) and the Pagefind bundle built from a folder of pages.
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";
import { buildSearchIndex, htmlFiles, urlForFile } from "../plugin/search/index.js";
import { decodeEntities, prepareForIndex } from "../plugin/search/prepare.js";

const ROOT = resolve("test/.tmp/search-index");

const article = (title: string, body: string, extra = "") => `<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${title}</title>
<script type="application/ld+json">{"headline":"${title}"}</script></head>
<body><nav data-pagefind-ignore><a href="/">الرئيسية</a></nav>
<div class="akhbar-ticker" data-pagefind-ignore>عاجل: الأمطار تغمر المخيمات</div>
<main><article class="article" data-pagefind-body>
<header><h1>${title}</h1><p class="akhbar-byline">تحرير: <a href="/e/">سلمى الأحمد</a></p></header>
<div class="article__body">${body}</div>
<footer class="article__tags"><ul><li><a href="/t/">الزراعة</a></li></ul></footer>
<div hidden data-pagefind-ignore><span data-pagefind-meta="title">${title}</span><span data-pagefind-filter="source">إعلام النظام</span><span data-pagefind-filter="year">2018</span></div>
${extra}</article></main>
<footer class="site-footer" data-pagefind-ignore>وكالة الأخبار</footer></body></html>`;

test("prepareForIndex: normalises indexed text, keeps filters and metadata as written", () => {
  const page = prepareForIndex(article("بدء قطاف الزَّيتون في عفرين", "<p>سعر صفيحة الزيت &quot;١٦&quot; ألف ليرة.</p>"));
  assert.ok(page);
  const html = page!.html;
  assert.match(html, "<h1>بدء قطاف زيتون في عفرين</h1>");
  assert.match(html, "<p>سعر صفيحه زيت &quot;16&quot; الف ليره.</p>");
  assert.match(html, '<span data-pagefind-meta="title">بدء قطاف الزَّيتون في عفرين</span>');
  assert.match(html, '<span data-pagefind-filter="source">إعلام النظام</span>');
  // The tag footer inside the body is indexed (as a div).
  assert.match(html, '<div class="article__tags"><ul><li><a href="/t/">زراعه</a></li></ul></div>');
  // Only the body element is handed on, inside the page's <html> tag (the language).
  assert.ok(html.startsWith('<!doctype html><html lang="ar" dir="rtl"><body><article class="article" data-pagefind-body>'), html.slice(0, 120));
  assert.ok(html.endsWith("</article></body></html>"));
  for (const outside of ["site-footer", "akhbar-ticker", "<nav", "application/ld+json"]) assert.not.match(html, outside);
});

test("prepareForIndex: original text of the indexed region only, as metadata", () => {
  const page = prepareForIndex(article("عنوان الخبر", "<p>الفقرة <b>الأولى</b></p><p>والثانية</p>"))!;
  assert.is(page.text, 'عنوان الخبر تحرير: سلمى الأحمد الفقرة الأولى والثانية الزراعة');
  assert.not.match(page.text, "عاجل");
  assert.not.match(page.text, "إعلام النظام");
  const meta = /<span data-pagefind-meta="text\[data-akhbar-text\]" data-akhbar-text="([^"]*)"><\/span><\/article>/.exec(page.html);
  assert.ok(meta, "text metadata span closes the body element");
  assert.is(decodeEntities(meta![1]), page.text);
});

test("prepareForIndex: escapes the original text in the attribute", () => {
  const page = prepareForIndex(article("عنوان", '<p>قال: "نعم" &amp; &lt;لا&gt; \'ربما\'</p>'))!;
  assert.match(page.text, `قال: "نعم" & <لا> 'ربما'`);
  assert.match(page.html, "data-akhbar-text=\"عنوان تحرير: سلمى الأحمد قال: &quot;نعم&quot; &amp; &lt;لا&gt; &#39;ربما&#39;");
});

test("prepareForIndex: pages without data-pagefind-body are skipped", () => {
  assert.is(prepareForIndex("<html lang=ar><body><p>الأرشيف</p></body></html>"), undefined);
  assert.is(prepareForIndex('<html lang=ar><body><p title="data-pagefind-body">الأرشيف</p></body></html>'), undefined);
});

test("prepareForIndex: script bodies inside the article are left alone; an unclosed body still ends", () => {
  const page = prepareForIndex('<html lang="ar"><body><div data-pagefind-body><p>الخبر</p><script>var s = "الأسعار";</script><p>الثاني')!;
  assert.match(page.html, '<script>var s = "الأسعار";</script>');
  assert.match(page.html, "<p>خبر</p>");
  assert.is(page.text, "الخبر الثاني");
  assert.ok(page.html.endsWith("</body></html>"));
});

test("decodeEntities", () => {
  assert.is(decodeEntities("&quot;&amp;&lt;&gt;&#39;&#x627;&#1604;&nbsp;&unknown;"), "\"&<>'ال\u00a0&unknown;".replace("\u00a0", " "));
});

test("urlForFile and htmlFiles", () => {
  assert.is(urlForFile("news/2020/x/index.html"), "/news/2020/x/");
  assert.is(urlForFile("tags/السويداء/index.html"), "/tags/%D8%A7%D9%84%D8%B3%D9%88%D9%8A%D8%AF%D8%A7%D8%A1/");
  assert.is(urlForFile("404.html"), "/404.html");
});

function fragments(dir: string): Record<string, any>[] {
  const folder = join(dir, "pagefind", "fragment");
  return readdirSync(folder)
    .sort()
    .map((f) => JSON.parse(gunzipSync(readFileSync(join(folder, f))).toString("utf8").replace(/^pagefind_dcd/, "")));
}

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out[join(e.parentPath, e.name).slice(dir.length)] = readFileSync(join(e.parentPath, e.name)).toString("base64");
  }
  return out;
}

test("buildSearchIndex: bundle with normalised content, original metadata, deterministic", async () => {
  rmSync(ROOT, { recursive: true, force: true });
  for (const [path, html] of [
    ["news/a/index.html", article("بدء قطاف الزيتون في عفرين", "<p>بدأ المزارعون قطاف الزيتون.</p>")],
    ["news/b/index.html", article("البطاقة الذكية في السويداء", "<p>طوابير أمام الأفران.</p>")],
    ["archive/index.html", "<!doctype html><html lang=ar><body><h1>الأرشيف</h1></body></html>"],
  ]) {
    mkdirSync(join(ROOT, path, ".."), { recursive: true });
    writeFileSync(join(ROOT, path), html);
  }
  mkdirSync(join(ROOT, "pagefind"), { recursive: true });
  writeFileSync(join(ROOT, "pagefind", "stale.txt"), "old");
  assert.equal(htmlFiles(ROOT), ["archive/index.html", "news/a/index.html", "news/b/index.html"]);

  const stats = await buildSearchIndex(ROOT);
  assert.is(stats.pages, 2);
  assert.is(stats.scanned, 3);
  assert.ok(stats.bytes > 0 && stats.files > 5);
  const first = tree(join(ROOT, "pagefind"));
  assert.not.ok("/stale.txt" in first, "old bundle replaced");
  assert.ok(Object.keys(first).some((p) => p.endsWith("pagefind.js")));

  const frags = fragments(ROOT);
  assert.equal(frags.map((f) => f.url).sort(), ["/news/a/", "/news/b/"]);
  const a = frags.find((f) => f.url === "/news/a/")!;
  assert.match(a.content, "بدء قطاف زيتون في عفرين");
  assert.match(a.content, "زراعه");
  assert.not.match(a.content, "عاجل");
  assert.is(a.meta.title, "بدء قطاف الزيتون في عفرين");
  assert.match(a.meta.text, "بدأ المزارعون قطاف الزيتون.");
  assert.equal(a.filters.source, ["إعلام النظام"]);
  assert.equal(a.filters.year, ["2018"]);

  await buildSearchIndex(ROOT);
  assert.equal(tree(join(ROOT, "pagefind")), first, "second build is byte-identical");
});

test.run();
