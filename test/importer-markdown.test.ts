import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import markdownIt from "markdown-it";
import { load } from "js-yaml";
import fc from "fast-check";
import { parsePage } from "../plugin/importer/parse.js";
import { escapeMarkdownLine, paragraphsToMarkdown } from "../plugin/importer/markdown.js";
import { checkContentHash, pageSources, pageToMarkdown } from "../plugin/importer/article.js";

const md = markdownIt({ html: true });
const fixture = (name: string) => readFileSync(new URL(`./fixtures/pages/${name}`, import.meta.url), "utf8");

function unescapeHtml(html: string): string {
  return html
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Render one escaped line; it must come out as a single <p> holding exactly the line. */
function rendersAsItself(line: string): void {
  const html = md.render(escapeMarkdownLine(line));
  assert.is(html, `<p>${md.utils.escapeHtml(line)}</p>\n`, `line ${JSON.stringify(line)}`);
}

test("raw HTML is text: <script> shows as the characters <script>", () => {
  const html = md.render(paragraphsToMarkdown(["قبل <script>alert(1)</script> بعد"]));
  assert.is(html, "<p>قبل &lt;script&gt;alert(1)&lt;/script&gt; بعد</p>\n");
  assert.not.match(html, /<script/);
  rendersAsItself("<img src=x onerror=alert(1)>");
  rendersAsItself("<!-- تعليق -->");
  rendersAsItself("<div>");
  rendersAsItself("<https://example.org>");
});

test("Markdown-significant characters render as themselves", () => {
  for (const line of [
    "*stars* و**bold** و_under_ و__double__",
    "# hash",
    "## عنوان",
    "[brackets] و[رابط](javascript:alert(1)) و![صورة](x.png)",
    "`code` و```fence```",
    "a | b | c",
    "> quote",
    "- dash",
    "+ plus",
    "* star item",
    "1. first",
    "2) second",
    "123456789. big",
    "---",
    "***",
    "___",
    "===",
    "back\\slash و\\*",
    "~~strike~~",
    "&amp; &lt; &#60; &#x3C; & وحدها",
    "{{ x }} {% tag %} {# c #} {{{ t }}}",
    "[ref]: https://example.org",
    "line ending with backslash\\",
  ]) {
    rendersAsItself(line);
  }
});

test("multi-line paragraphs: tables and setext headings do not form", () => {
  const table = md.render(paragraphsToMarkdown(["الاسم | العدد\n--- | ---\nأ | 1"]));
  assert.not.match(table, /<table/);
  assert.is(table, "<p>الاسم | العدد\n--- | ---\nأ | 1</p>\n");
  const setext = md.render(paragraphsToMarkdown(["سطر\n===", "سطر\n---"]));
  assert.is(setext, "<p>سطر\n===</p>\n<p>سطر\n---</p>\n");
  const list = md.render(paragraphsToMarkdown(["نص\n- ليس قائمة\n1. ولا هذه\n# ولا عنوان\n> ولا اقتباس"]));
  assert.is(list, "<p>نص\n- ليس قائمة\n1. ولا هذه\n# ولا عنوان\n&gt; ولا اقتباس</p>\n");
});

test("template delimiters do not survive as pairs (Liquid / Nunjucks pre-processing)", () => {
  const out = escapeMarkdownLine("{{ x }} {% if %} {# c #} {{{ y");
  assert.not.match(out, /\{\{|\{%|\{#/);
});

test("property: any printable line renders as exactly itself", () => {
  const printable = fc
    .string({ unit: fc.constantFrom(..."abc <>&*_#[]()`|~\\!-+=.:1234{}%'\"\u0627\u0644\u062e\u0628\u0631".split("")), maxLength: 40 })
    .map((s) => s.trim())
    .filter((s) => s !== "");
  fc.assert(fc.property(printable, (line) => rendersAsItself(line)), { numRuns: 2000 });
});

test("pageToMarkdown: front matter the theme reads, body paragraphs", () => {
  const page = parsePage(fixture("standard.txt"));
  const text = pageToMarkdown(page, { date: "2017-03-12", dateSource: "text", tags: ["إدلب", "تعليم"], sourceFileName: "standard.txt" });
  const m = /^---\n([\s\S]*?)\n---\n\n([\s\S]*)$/.exec(text);
  assert.ok(m, "front matter fence");
  const front = load(m![1]) as Record<string, unknown>;
  assert.equal(Object.keys(front), ["title", "date", "dateSource", "editor", "sources", "tags", "importedFrom", "contentHash"]);
  assert.is(front.title, page.title);
  assert.is(front.date, "2017-03-12");
  assert.is(front.dateSource, "text");
  assert.is(front.editor, "رامي الخطيب");
  assert.equal(front.sources, ["مصادر محلية", "مراسل الوكالة"]);
  assert.equal(front.tags, ["إدلب", "تعليم"]);
  assert.is(front.importedFrom, "standard.txt");
  assert.match(String(front.contentHash), /^sha256:[0-9a-f]{64}$/);
  assert.is(m![2], page.paragraphs.join("\n\n") + "\n");
});

test("pageToMarkdown: several editors are a list; none, no field; YAML-hostile titles round-trip", () => {
  const page = parsePage(fixture("multi-editors.txt"));
  const front = (t: string) => load(/^---\n([\s\S]*?)\n---\n/.exec(t)![1]) as Record<string, unknown>;
  const opts = { date: "2018-06-03", dateSource: "text" as const, sourceFileName: "m.txt" };
  assert.equal(front(pageToMarkdown(page, opts)).editor, ["رامي الخطيب", "سلمى الأحمد", "كريم درويش"]);
  const none = front(pageToMarkdown(parsePage(fixture("no-editor.txt")), opts));
  assert.not.ok("editor" in none);
  assert.not.ok("sources" in none);
  assert.not.ok("tags" in none);
  for (const title of ["عنوان: بنقطتين", "'مفرد' و\"مزدوج\"", "- يبدأ بشرطة", "# يبدأ بعلامة", "yes", "null", "123", "@x", "a: b # c", "---"]) {
    const p = { ...page, title };
    assert.is(front(pageToMarkdown(p, opts)).title, title);
  }
});

test("pageSources: the attribution line is a body paragraph that is only an attribution", () => {
  assert.equal(pageSources(["نص الخبر.", "(ناشطون، الدفاع المدني)"]), ["ناشطون", "الدفاع المدني"]);
  assert.equal(pageSources(["المصدر: مراسل الوكالة", "نص الخبر."]), ["مراسل الوكالة"]);
  assert.equal(pageSources(["نص.", "المصادر: ناشطون + إعلام النظام."]), ["ناشطون", "إعلام النظام"]);
  // Parenthesised words inside sentences are not attributions.
  assert.equal(pageSources(["سيطرت على الطبقة (55 كم غرب الرقة)، ثاني أكبر المعاقل.", "نص."]), []);
  assert.equal(pageSources(["نص.", "(ناشطون) - 10:30"]), []);
  assert.equal(pageSources([]), []);
});

test("contentHash: intact file, edited file, file without hash", () => {
  const text = pageToMarkdown(parsePage(fixture("one-item.txt")), { date: "2017-02-09", dateSource: "text", sourceFileName: "one-item.txt" });
  assert.is(checkContentHash(text), "intact");
  assert.is(checkContentHash(text.replace("عشرات الخيام", "مئات الخيام")), "edited");
  assert.is(checkContentHash(text.replace("title:", "title: ") ), "edited");
  assert.is(checkContentHash(text + "\nسطر أضافه محرر\n"), "edited");
  assert.is(checkContentHash(text.replace(/\n/g, "\r\n")), "edited");
  assert.is(checkContentHash(text.replace(/^contentHash: .*\n/m, "")), "no-hash");
  assert.is(checkContentHash("# مقال كتبه شخص\n"), "no-hash");
  // Deterministic: the same page gives the same bytes.
  const again = pageToMarkdown(parsePage(fixture("one-item.txt")), { date: "2017-02-09", dateSource: "text", sourceFileName: "one-item.txt" });
  assert.is(again, text);
});

test.run();
