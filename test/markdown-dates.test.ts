/** markdownItArabicDates: <time> wrapping in rendered Markdown, skipping code/links/HTML, warnings. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import markdownIt from "markdown-it";
import { markdownItArabicDates, type ArabicDatesOptions } from "../plugin/markdown/arabic-dates.js";
import { dateTitle, titleMonthSets } from "../plugin/markdown/date-title.js";
import { findDates } from "../plugin/dates/text.js";
import { AkhbarError } from "../plugin/errors.js";

function render(src: string, options: ArabicDatesOptions = {}, env: object = {}, mdOptions: object = { html: true }): string {
  const md = markdownIt(mdOptions).use(markdownItArabicDates, options);
  return md.render(src, env);
}

test("wraps a Levantine date with datetime and a title in the other names and calendar", () => {
  assert.is(
    render("قُصفت البلدة يوم 2 آذار 2017 فجراً."),
    '<p>قُصفت البلدة يوم <time datetime="2017-03-02" title="2 مارس 2017 — 3 جمادى الآخرة 1438 هـ">2 آذار 2017</time> فجراً.</p>\n',
  );
});

test("Egyptian and Maghrebi names get the Levantine (and Egyptian) names in the title", () => {
  assert.match(render("في 3 مارس 2018"), 'title="3 آذار 2018 — 15 جمادى الآخرة 1439 هـ"');
  assert.match(render("في 5 جانفي 2020"), 'title="5 كانون الثاني 2020 — 5 يناير 2020 — 10 جمادى الأولى 1441 هـ"');
});

test("Hijri day: datetime is the Gregorian day, data-hijri the Hijri date, title the Gregorian names", () => {
  assert.match(
    render("تبدأ العطلة في 15 شعبان 1438 هـ"),
    '<time datetime="2017-05-11" data-hijri="1438-08-15" title="11 أيار 2017 — 11 مايو 2017">15 شعبان 1438 هـ</time>',
  );
});

test("month mentions: YYYY-MM for Gregorian, first day and span for Hijri", () => {
  assert.match(render("عادوا في أيار 2017"), '<time datetime="2017-05" title="مايو 2017 — شعبان – رمضان 1438 هـ">أيار 2017</time>');
  assert.match(
    render("قبل محرم 1440 هـ"),
    '<time datetime="2018-09-11" data-hijri="1440-01" title="11 أيلول 2018 – 9 تشرين الأول 2018 — 11 سبتمبر 2018 – 9 أكتوبر 2018">محرم 1440 هـ</time>',
  );
});

test("relative mentions resolve against env.akhbarDate, else options.refDate, else stay plain", () => {
  const src = "في السادس من شباط الجاري";
  assert.match(render(src, {}, { akhbarDate: "2019-02-10" }), '<time datetime="2019-02-06"');
  assert.match(render(src, { refDate: "2018-02-10" }), '<time datetime="2018-02-06"');
  assert.match(render(src, { refDate: "2018-02-10" }, { akhbarDate: "2019-02-10" }), '<time datetime="2019-02-06"');
  assert.not.match(render(src), "<time");
});

test("skips inline code, fences, indented code, link text, autolinks and inline HTML elements", () => {
  const src = [
    "نص `2 آذار 2017` و[3 آذار 2017](https://example.org/a) و<a href=\"#x\">4 آذار 2017</a>",
    "",
    "```",
    "5 آذار 2017",
    "```",
    "",
    "    6 آذار 2017",
    "",
    "<div>7 آذار 2017</div>",
    "",
    "و<code>8 آذار 2017</code> و<time datetime=\"2017-03-09\">9 آذار 2017</time> ثم 10 آذار 2017",
  ].join("\n");
  const html = render(src);
  assert.is((html.match(/<time/g) ?? []).length, 2, html); // the author's own <time> + 10 آذار
  assert.match(html, '<time datetime="2017-03-10"');
  for (const day of [2, 3, 4, 5, 6, 7, 8]) assert.not.match(html, `datetime="2017-03-0${day}"`);
  assert.match(html, '<time datetime="2017-03-09">9 آذار 2017</time>');
});

test("linkified URLs are not touched and text after a link is processed", () => {
  const html = render("انظر https://example.org/2-آذار-2017 ثم 11 آذار 2017", {}, {}, { linkify: true });
  assert.is((html.match(/<time/g) ?? []).length, 1, html);
  assert.match(html, 'datetime="2017-03-11"');
});

test("headings and list items are processed too", () => {
  const html = render("## اجتماع 2 آذار 2017\n\n- في أيار 2017\n");
  assert.match(html, '<h2>اجتماع <time datetime="2017-03-02"');
  assert.match(html, '<li>في <time datetime="2017-05"');
});

test("everything is escaped: text around dates and markup-like text", () => {
  const html = render("a <b & \"2 آذار 2017\" > c", {}, {}, { html: false });
  assert.is(
    html,
    '<p>a &lt;b &amp; &quot;<time datetime="2017-03-02" title="2 مارس 2017 — 3 جمادى الآخرة 1438 هـ">2 آذار 2017</time>&quot; &gt; c</p>\n',
  );
});

test("a contradicting weekday: left unmarked and reported with the file name", () => {
  const warnings: string[] = [];
  const html = render("خرجت المظاهرة الخميس 22 شباط 2019 في المدينة", { onWarning: (m) => warnings.push(m) }, { akhbarFile: "src/2019/demo.md" });
  assert.not.match(html, "<time");
  assert.is(warnings.length, 1);
  assert.match(warnings[0], "src/2019/demo.md");
  assert.match(warnings[0], "الخميس 22 شباط 2019");
  assert.match(warnings[0], "Friday (الجمعة)");
  const fromPage: string[] = [];
  render("الخميس 22 شباط 2019", { onWarning: (m) => fromPage.push(m) }, { page: { inputPath: "./src/x.md" } });
  assert.match(fromPage[0], "./src/x.md: ");
});

test("a weekday that agrees is wrapped with the date", () => {
  const warnings: string[] = [];
  const html = render("يوم الجمعة، 22 شباط 2019", { onWarning: (m) => warnings.push(m) });
  assert.match(html, '<time datetime="2019-02-22" title="22 فبراير 2019 — 17 جمادى الآخرة 1440 هـ">الجمعة، 22 شباط 2019</time>');
  assert.equal(warnings, []);
});

test("digits: Arabic-Indic text gets Arabic-Indic titles; options.digits overrides", () => {
  assert.match(render("في ٢ آذار ٢٠١٧"), 'title="٢ مارس ٢٠١٧ — ٣ جمادى الآخرة ١٤٣٨ هـ">٢ آذار ٢٠١٧</time>');
  assert.match(render("في 2 آذار 2017", { digits: "arab" }), 'title="٢ مارس ٢٠١٧ — ٣ جمادى الآخرة ١٤٣٨ هـ"');
});

test("options: hijriAdjustments move Hijri dates, months puts the site's set first", () => {
  assert.match(render("1 رمضان 1438", { hijriAdjustments: { "1438-09": "2017-05-28" } }), 'datetime="2017-05-28"');
  assert.match(render("في 15 آب 2019", { months: "maghreb" }), 'title="15 أوت 2019 — 15 أغسطس 2019 — ');
});

test("enabled: false registers nothing", () => {
  assert.not.match(render("في 2 آذار 2017", { enabled: false }), "<time");
});

test("a second use on the same instance is an error, not dates wrapped twice", () => {
  const md = markdownIt().use(markdownItArabicDates);
  assert.throws(() => md.use(markdownItArabicDates), (e: Error) => e instanceof AkhbarError && /already used on this markdown-it instance/.test(e.message));
  assert.is(md.render("في 2 آذار 2017"), '<p>في <time datetime="2017-03-02" title="2 مارس 2017 — 3 جمادى الآخرة 1438 هـ">2 آذار 2017</time></p>\n');
  // Another instance, and a disabled second use, are fine.
  assert.match(markdownIt().use(markdownItArabicDates).render("في 2 آذار 2017"), "<time");
  assert.not.throws(() => md.use(markdownItArabicDates, { enabled: false }));
});

test("bad options and env throw AkhbarError naming the value", () => {
  const bad: [ArabicDatesOptions, string][] = [
    [{ refDate: "2017/03/02" }, "2017/03/02"],
    [{ digits: "roman" as never }, "roman"],
    [{ enabled: "yes" as never }, "yes"],
    [{ colour: 1 } as never, "colour"],
  ];
  for (const [options, named] of bad) {
    try {
      markdownIt().use(markdownItArabicDates, options);
      assert.unreachable(`accepted ${named}`);
    } catch (error) {
      assert.instance(error, AkhbarError);
      assert.match((error as Error).message, named);
    }
  }
  try {
    render("أيار الجاري", {}, { akhbarDate: "March 2017", akhbarFile: "src/a.md" });
    assert.unreachable("accepted bad akhbarDate");
  } catch (error) {
    assert.instance(error, AkhbarError);
    assert.match((error as Error).message, "March 2017");
    assert.match((error as Error).message, "src/a.md");
  }
});

test("titleMonthSets: site set first, written sets left out", () => {
  assert.equal(titleMonthSets(["levant"]), ["egypt"]);
  assert.equal(titleMonthSets(["egypt", "maghreb", "morocco"]), ["levant"]);
  assert.equal(titleMonthSets(["morocco"]), ["levant", "egypt", "maghreb"]);
  assert.equal(titleMonthSets(["hijri"], "egypt"), ["egypt", "levant"]);
  assert.equal(titleMonthSets(["levant"], "levant-egypt"), ["egypt"]);
});

test("dates the Umm al-Qura table does not reach are marked, with the Gregorian names only", () => {
  // The table covers 1882-11-12 to 2174-11-25; text may name any year from 1800 to 2199.
  assert.is(
    render("وُلد في 2 آذار 1825 ومات في أيار 2190."),
    '<p>وُلد في <time datetime="1825-03-02" title="2 مارس 1825">2 آذار 1825</time> ومات في ' +
      '<time datetime="2190-05" title="مايو 2190">أيار 2190</time>.</p>\n',
  );
  // A month the table reaches only in part has no Hijri span either; the day after the first one does.
  assert.match(render("تشرين الثاني 1882"), 'title="نوفمبر 1882"');
  assert.match(render("12 تشرين الثاني 1882"), "1300 هـ");
  // A calendar that reaches the year gives the Hijri part.
  assert.match(render("2 آذار 1825", { hijriCalendar: "islamic-civil" }), /title="2 مارس 1825 — \d+ [^"]+ 1240 هـ"/);
});

test("dateTitle of a Gregorian month spanning two Hijri years", () => {
  const [m] = findDates("أيلول 2018");
  assert.is(dateTitle(m), "سبتمبر 2018 — ذو الحجة 1439 هـ – محرم 1440 هـ");
});

test("text without dates renders exactly as markdown-it alone (the replaced text rule reads the same)", () => {
  const src = [
    "## عنوان: 25% من *المدارس* و**48 ساعة** - [رابط](https://example.org/a) `code 2017`",
    "",
    "قال مصدر إن 450 ليرة & \\*نجمة\\* <b>عريض</b> ~ تيلدا_ و@ و# و$ و+ و= و^ و{} و!",
    "سطر ثانٍ بعد فاصل  ",
    "وسطر ثالث &amp; &#1634; الأسبوع الماضي من المنطقة",
    "",
    "- بند 1\n- بند 2",
  ].join("\n");
  for (const options of [{ html: true }, { html: false }, { html: true, linkify: true, typographer: true }]) {
    assert.is(markdownIt(options).use(markdownItArabicDates).render(src, { akhbarDate: "2019-02-10" }), markdownIt(options).render(src));
  }
});

test("dates that markdown-it's text rule splits, or that need entities, are still found", () => {
  // "-" stops markdown-it's text rule; &nbsp; and escapes become text only after parsing.
  assert.match(render("في 2 آذار - مارس 2017 وقع"), '<time datetime="2017-03-02" title="2 مارس 2017 — 3 جمادى الآخرة 1438 هـ">2 آذار - مارس 2017</time>');
  assert.match(render("في 2&nbsp;آذار 2017 وقع"), '<time datetime="2017-03-02"');
  assert.match(render("في 2 آذار 2017 وقع \\* ثم 3 آذار 2017"), '<time datetime="2017-03-03"');
});

test("a date split by markup or a line break is left alone, as before", () => {
  assert.not.match(render("في 2 *آذار* 2017"), "<time");
  assert.not.match(render("في 2 آذار\n2017 وقع"), "<time");
  assert.match(render("الجمعة\n22 شباط 2019"), '<time datetime="2019-02-22" title="22 فبراير 2019 — 17 جمادى الآخرة 1440 هـ">22 شباط 2019</time>');
});

test("linkify and typographer instances (searched after parsing) mark the same dates", () => {
  const src = "في 2 آذار 2017 و[3 آذار 2017](https://example.org) ثم السادس من شباط الجاري";
  const plain = render(src, {}, { akhbarDate: "2019-02-10" });
  assert.is((plain.match(/<time/g) ?? []).length, 2, plain);
  assert.is(render(src, {}, { akhbarDate: "2019-02-10" }, { html: true, linkify: true, typographer: true }), plain);
});

test("weekday warnings come once per date, in text order, also with several blocks", () => {
  const warnings: string[] = [];
  render("الخميس 22 شباط 2019\n\nنص\n\nالسبت 22 شباط 2019 والجمعة 22 شباط 2019", { onWarning: (m) => warnings.push(m) });
  assert.is(warnings.length, 2);
  assert.match(warnings[0], "الخميس");
  assert.match(warnings[1], "السبت");
});

test("dates without digits are found while reading as after parsing: ordinal days, month-only dates after من", () => {
  const env = { akhbarDate: "2019-02-10" };
  const cases: [string, string[]][] = [
    ["تنتهي الأعمال في الخامس عشر من أيار المقبل.", ["2019-05-15"]],
    ["والسادس من شباط الجاري موعد آخر، بالسابع من شهر آذار 2018 كذلك.", ["2019-02-06", "2018-03-07"]],
    ["في الحادي و العشرين\tمن  آذار 2018 وفي التاسع والعشرين من شباط الجاري.", ["2018-03-21"]],
    ["**في الأوّل من نيسان 2017** و*الثلاثين من أيلول 2016*", ["2017-04-01", "2016-09-30"]],
    // A month-only date after "من" read from its year or relative word, however much whitespace.
    [`قال من آذار${" ".repeat(50)}2017 شيئاً ثم من أيار${"\u00a0".repeat(60)}المقبل`, ["2017-03", "2019-05"]],
    [`بدءاً من شهر تموز ${" ".repeat(45)}من العام 2016`, ["2016-07"]],
  ];
  for (const [src, isos] of cases) {
    const html = render(src, {}, env);
    assert.equal([...html.matchAll(/datetime="([^"]+)"/g)].map((m) => m[1]), isos, src);
    // The same as the blocks searched after parsing (findDates on the text tokens) give.
    assert.is(html, render(src, {}, env, { html: true, linkify: true, typographer: true }), src);
  }
});

test.run();
