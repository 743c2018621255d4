/** Every shortcode and filter in Nunjucks, Liquid, 11ty.js and Markdown, without the theme. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { join } from "node:path";
import { buildSite, read, REPO, TMP } from "./helpers/site.js";

const SITE = join(REPO, "test", "fixtures", "shortcodes-site");
const OUT = join(TMP, "shortcodes-site");
let stderr = "";

test.before(() => {
  const result = buildSite(SITE, OUT);
  assert.is(result.status, 0, result.stderr);
  stderr = result.stderr + result.stdout;
});

const DUAL = '<time datetime="2017-05-18T10:00:00+03:00" data-hijri="1438-08-22">الخميس ١٨ مايو ٢٠١٧ م، الموافق ٢٢ شعبان ١٤٣٨ هـ</time>';

for (const lang of ["njk", "liquid", "js"]) {
  test(`${lang}: date shortcode and filters, sources, byline, ticker`, () => {
    const html = read(OUT, `${lang}/index.html`);
    // the first addPlugin wins: Egyptian month names and Arabic-Indic digits
    assert.ok(html.includes(`<p id="sc">${DUAL}</p>`), html.slice(0, 300));
    assert.ok(html.includes('<p id="filter"><time datetime="2017-05-18" data-hijri="1438-08-22">٢٢ شعبان ١٤٣٨ هـ</time></p>'));
    assert.ok(html.includes('<p id="text">١٨ مايو ٢٠١٧ م</p>'));
    assert.match(html, /<p id="sources"><span class="akhbar-attribution"><bdi dir="rtl">\(<cite class="akhbar-source akhbar-source--activists"[^>]*>ناشطون<\/cite>.*\+ <cite class="akhbar-source akhbar-source--regime-media"[^>]*>إعلام النظام<\/cite>/);
    assert.match(html, /<p class="akhbar-byline"><span class="akhbar-byline__label">تحرير:<\/span> <span class="akhbar-byline__name"><bdi>رامي الخطيب<\/bdi><\/span>/);
    assert.match(html, /<section class="akhbar-ticker"[^>]*>.*خبر عاجل أول.*<time datetime="2020-03-05T10:33:00Z">١٢:٣٣<\/time>/s);
  });
}

test("markdown (Liquid pre-pass): shortcodes inside Markdown", () => {
  const html = read(OUT, "md/index.html");
  assert.ok(html.includes(`<p>Dates: ${DUAL}</p>`));
  assert.match(html, /<p>Sources: <span class="akhbar-attribution">/);
  assert.match(html, /<p class="akhbar-byline">/);
});

test("an unknown source renders as a plain name and warns once, naming the file", () => {
  assert.match(read(OUT, "unknown/index.html"), /<cite class="akhbar-source akhbar-source--unknown">مصدر لا يعرفه السجل<\/cite>/);
  const warnings = stderr.match(/unknown source "مصدر لا يعرفه السجل"/g) ?? [];
  assert.is(warnings.length, 1);
  assert.match(stderr, /unknown\.njk: unknown source/);
});

test("strictSources: an unknown source fails the build, naming the file and the source", () => {
  const result = buildSite(SITE, join(TMP, "shortcodes-strict"), { AKHBAR_STRICT: "1" });
  assert.is.not(result.status, 0);
  assert.match(result.stderr + result.stdout, /unknown\.njk/);
  assert.match(result.stderr + result.stdout, /مصدر لا يعرفه السجل/);
});

test.run();
