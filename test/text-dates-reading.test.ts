/**
 * The allocation-free reading of the words around a month (readLeft/readRight in scratch variables,
 * the month's entry from the trie, memoised ISO strings) and the plugin's <time> render rule.
 * Phrases written for these tests; expectations are what the former reading gave.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import markdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { findDates } from "../plugin/dates/text.js";
import { markdownItArabicDates } from "../plugin/markdown/arabic-dates.js";

/** [phrase, expected [text, iso, weekday matches or null, start] of each mention] */
const cases: [string, [string, string, boolean | null, number][]][] = [
  // A proclitic glued to the day is left out; glued to a number that is no day, nothing is found.
  ["قال و5 آذار 2017 وقع", [["5 آذار 2017", "2017-03-05", null, 5]]],
  ["و150 آذار 2017", []],
  ["و15آذار 2017", []],
  ["ولآذار 2017", []],
  // Weekdays: after a proclitic, before a Latin or Arabic comma, "في" or "الموافق".
  ["والجمعة 22 شباط 2019 وقع", [["الجمعة 22 شباط 2019", "2019-02-22", true, 1]]],
  ["بالخميس 5 تموز 2018", [["الخميس 5 تموز 2018", "2018-07-05", true, 1]]],
  ["الجمعة, 22 شباط 2019", [["الجمعة, 22 شباط 2019", "2019-02-22", true, 0]]],
  ["الجمعة في 22 شباط 2019", [["الجمعة في 22 شباط 2019", "2019-02-22", true, 0]]],
  ["يوم الأحد ، الموافق 3 آذار 2019", [["الأحد ، الموافق 3 آذار 2019", "2019-03-03", true, 4]]],
  ["لقاء الأحد 7 آب", [["الأحد 7 آب", "2019-08-07", false, 5]]],
  // "شهر" and "من" between day and month; "شهر" before a month alone stays outside the mention.
  ["من 5 من شهر آذار 2017", [["5 من شهر آذار 2017", "2017-03-05", null, 3]]],
  ["في شهر   آذار   2017", [["آذار   2017", "2017-03", null, 9]]],
  // A month before its year or relative word, read backwards: other names after "/", "(", "-", "–",
  // a year word with or without "من", whitespace runs inside a name, at most 48 characters back.
  ["صدر في آذار (مارس) 2017", [["آذار (مارس) 2017", "2017-03", null, 7]]],
  ["صدر في آذار ( مارس ) 2017", [["آذار ( مارس ) 2017", "2017-03", null, 7]]],
  ["صدر في آذار – مارس من العام 2017", [["آذار – مارس من العام 2017", "2017-03", null, 7]]],
  ["صدر في تشرين  الأول سنة 2016", [["تشرين  الأول سنة 2016", "2016-10", null, 7]]],
  ["حتى آذار/مارس المقبل", [["آذار/مارس المقبل", "2019-03", null, 4]]],
  // Two different months as a pair: no date.
  ["حتى آذار/أيار المقبل", []],
  ["صدر في الآب 2017", []],
  ["صدر في وآب 2017", [["آب 2017", "2017-08", null, 8]]],
  [`آذار${" ".repeat(44)}2017`, [[`آذار${" ".repeat(44)}2017`, "2017-03", null, 0]]],
  [`آذار${" ".repeat(45)}2017`, []],
  ["أيار المقبل𝐀 وأيار المقبلة", []],
  // Ordinal days with a proclitic and a spaced "و".
  ["والعشرين من آذار 2018", [["العشرين من آذار 2018", "2018-03-20", null, 1]]],
  ["و الحادي و العشرين من آذار 2018", [["الحادي و العشرين من آذار 2018", "2018-03-21", null, 2]]],
];

for (const [phrase, expected] of cases) {
  test(`reads the words around the month: ${phrase}`, () => {
    const found = findDates(phrase, { refDate: "2019-02-10" });
    assert.equal(
      found.map((m) => [m.text, m.iso, m.weekday?.matches ?? null, m.start]),
      expected,
    );
  });
}

test("ISO strings are memoised: equal dates give the same string, days and months stay apart", () => {
  const [a, b, c] = findDates("في 2 آذار 2017 ثم 2 آذار 2017 وفي آذار 2017");
  assert.is(a.iso, "2017-03-02");
  assert.is(b.iso, a.iso);
  assert.is(c.iso, "2017-03");
  assert.equal(c.gregorian, { year: 2017, month: 3 });
});

const DATE = '<time datetime="2017-03-02" title="2 مارس 2017 — 3 جمادى الآخرة 1438 هـ">2 آذار 2017</time>';

/** A markdown-it with the plugin and a core rule after it that edits the date tokens. */
function withEdit(edit: (date: Token) => void): markdownIt {
  const md = markdownIt().use(markdownItArabicDates);
  md.core.ruler.push("test_edit", (state) => {
    for (const block of state.tokens) {
      for (const child of block.children ?? []) if (child.attrGet("datetime") !== null) edit(child);
    }
  });
  return md;
}

test("a date is one text token after parsing: its text, the <time> attributes, nothing split around it", () => {
  const md = markdownIt().use(markdownItArabicDates);
  const children = md.parse("## في 2 آذار 2017 وقع", {})[1].children!;
  assert.equal(
    children.map((t) => [t.type, t.content, t.attrGet("datetime")]),
    [
      ["text", "في ", null],
      ["text", "2 آذار 2017", "2017-03-02"],
      ["text", " وقع", null],
    ],
  );
  // What joins a heading's text (slugs, tables of contents) gets the date's text.
  assert.is(children.filter((t) => t.type === "text").map((t) => t.content).join(""), "في 2 آذار 2017 وقع");
});

test("core rules of plugins added before this one also read dates as text", () => {
  const md = markdownIt();
  const read: string[] = [];
  md.core.ruler.push("test_reader", (state) => {
    for (const block of state.tokens) {
      if (block.type === "inline") read.push(block.children!.filter((t) => t.type === "text").map((t) => t.content).join(""));
    }
  });
  md.use(markdownItArabicDates);
  assert.is(md.render("## في 2 آذار 2017 وقع"), `<h2>في ${DATE} وقع</h2>\n`);
  assert.equal(read, ["في 2 آذار 2017 وقع"]);
});

test("the <time> rendering gives what markdown-it's renderToken would, and follows other plugins' edits", () => {
  const src = "في 2 آذار 2017 وقع";
  assert.is(markdownIt().use(markdownItArabicDates).render(src), `<p>في ${DATE} وقع</p>\n`);
  // Attributes another plugin changes or adds are rendered, escaped.
  const changed = withEdit((date) => {
    date.attrSet("title", 'a "b" & <c>');
    date.attrSet("class", "date");
  }).render(src);
  assert.is(changed, '<p>في <time datetime="2017-03-02" title="a &quot;b&quot; &amp; &lt;c&gt;" class="date">2 آذار 2017</time> وقع</p>\n');
  // Another tag, and text another plugin changed (escaped like any text).
  const retagged = withEdit((date) => {
    date.tag = "span";
    date.content = "<2 آذار>";
  }).render(src);
  assert.is(retagged, '<p>في <span datetime="2017-03-02" title="2 مارس 2017 — 3 جمادى الآخرة 1438 هـ">&lt;2 آذار&gt;</span> وقع</p>\n');
  // A date token made plain text again (meta dropped) renders as text.
  assert.is(withEdit((date) => { date.meta = null; }).render(src), "<p>في 2 آذار 2017 وقع</p>\n");
  // renderInlineAsText (image alt text) keeps the date's text.
  assert.is(markdownIt().use(markdownItArabicDates).render("![صورة 2 آذار 2017](a.png)"), '<p><img src="a.png" alt="صورة 2 آذار 2017"></p>\n');
});

test("a text rule installed before the plugin still renders the text of dates and of everything else", () => {
  const md = markdownIt();
  const plain = md.renderer.rules.text!;
  md.renderer.rules.text = (tokens, idx, options, env, self) => plain(tokens, idx, options, env, self).toUpperCase();
  md.use(markdownItArabicDates);
  assert.is(md.render("on 2 آذار 2017 ok"), `<p>ON ${DATE.replace("2 آذار 2017", "2 آذار 2017".toUpperCase())} OK</p>\n`);
});

test.run();
